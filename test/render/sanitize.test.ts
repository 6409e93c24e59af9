import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderDetermination, renderExportDocument } from '../../engine/src/render';
import { attr, byClass, byTag, classes, parseBody, parseDocument, textOf, unsafeParts, type HtmlElement } from './html';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
const CASE_SUMMARY_INTRO = 'case file, including all medical records: \n';
const RATIONALE_START = 'Decision rationale: The MTUS does not address the topic.';

interface Payload {
  name: string;
  markdown: string;
  /** Raw HTML is shown as text: the reader sees this in the letter. */
  shownAsText?: string;
}

const payloads: Payload[] = [
  { name: 'script element', markdown: '<script>alert(1)</script>', shownAsText: '<script>alert(1)</script>' },
  { name: 'img onerror', markdown: '<img src=x onerror=alert(1)>', shownAsText: '<img src=x onerror=alert(1)>' },
  { name: 'svg onload', markdown: '<svg onload=alert(1)><circle r="5"/></svg>', shownAsText: '<svg onload=alert(1)>' },
  { name: 'Markdown javascript: link', markdown: '[click me](javascript:alert(1))' },
  { name: 'HTML javascript: link', markdown: '<a href="javascript:alert(1)">click me</a>', shownAsText: '<a href="javascript:alert(1)">' },
  { name: 'mixed-case scheme in Markdown', markdown: '[click me](jAvAsCrIpT:alert(1))' },
  { name: 'mixed-case scheme in HTML', markdown: '<a href="jAvAsCrIpT:alert(1)">click me</a>', shownAsText: 'jAvAsCrIpT:alert(1)' },
  { name: 'entity-encoded colon', markdown: '[click me](javascript&#58;alert(1))' },
  { name: 'entity-encoded letters', markdown: '[click me](&#106;avascript:alert(1))' },
  { name: 'tab inside the scheme', markdown: '[click me](java&#x09;script:alert(1))' },
  { name: 'autolink to javascript:', markdown: '<javascript:alert(1)>' },
  { name: 'reference definition to javascript:', markdown: '[click me][evil]\n\n[evil]: javascript:alert(1)' },
  { name: 'vbscript: link', markdown: '[click me](vbscript:msgbox(1))' },
  { name: 'iframe', markdown: '<iframe src="https://evil.example/"></iframe>', shownAsText: '<iframe src="https://evil.example/"></iframe>' },
  { name: 'object', markdown: '<object data="https://evil.example/x.swf"></object>', shownAsText: '<object data=' },
  { name: 'embed', markdown: '<embed src="https://evil.example/x.swf">', shownAsText: '<embed src=' },
  {
    name: 'style with CSS expressions',
    markdown: '<style>body { background: url(javascript:alert(1)) } p { width: expression(alert(1)) }</style>',
    shownAsText: 'expression(alert(1))',
  },
  {
    name: 'style attribute with url(javascript:)',
    markdown: '<div style="background:url(javascript:alert(1))">styled</div>',
    shownAsText: 'url(javascript:alert(1))',
  },
  { name: 'math with xlink:href', markdown: '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', shownAsText: '<math>' },
  { name: 'form action', markdown: '<form action="javascript:alert(1)"><button>Send</button></form>', shownAsText: '<form action=' },
  { name: 'meta refresh', markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', shownAsText: 'http-equiv="refresh"' },
  { name: 'base href', markdown: '<base href="https://evil.example/">', shownAsText: '<base href=' },
  { name: 'link rel=import', markdown: '<link rel="import" href="https://evil.example/x.html">', shownAsText: '<link rel="import"' },
  { name: 'data: URL with HTML in a link', markdown: '[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'data: URL with HTML in an image', markdown: '![chart](data:text/html,<script>alert(1)</script>)' },
  { name: 'SVG data: image', markdown: '![chart](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'template injection', markdown: "{{constructor.constructor('alert(1)')()}}" },
  { name: 'image with onerror in its title', markdown: '![x ray](https://evil.example/x.png "onerror=alert(1)")' },
  { name: 'image whose alt tries to close the attribute', markdown: '![x" onerror="alert(1)](x.png)' },
  { name: 'comments that break out', markdown: '<!-- --><script>alert(1)</script><!-- -->', shownAsText: '<script>alert(1)</script>' },
  { name: 'nested comment', markdown: '<!-- <!-- --> <img src=x onerror=alert(1)> -->', shownAsText: 'onerror=alert(1)' },
  { name: 'split script tag', markdown: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
  { name: 'noscript mutation', markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', shownAsText: '<noscript>' },
  { name: 'details ontoggle', markdown: '<details open ontoggle=alert(1)>x</details>', shownAsText: 'ontoggle=alert(1)' },
  { name: 'input autofocus onfocus', markdown: '<input autofocus onfocus=alert(1)>', shownAsText: 'onfocus=alert(1)' },
  { name: 'video source onerror', markdown: '<video><source onerror="alert(1)"></video>', shownAsText: '<video>' },
  { name: 'body onload', markdown: '<body onload=alert(1)>', shownAsText: '<body onload=alert(1)>' },
  { name: 'HTML link to a data: document', markdown: '<a href="data:text/html,<script>alert(1)</script>">x</a>', shownAsText: 'data:text/html' },
];

/** The payload as a paragraph of its own in the case summary, and inside the rationale's first paragraph. */
function draftWith(markdown: string): string {
  assert.ok(seed.includes(CASE_SUMMARY_INTRO) && seed.includes(RATIONALE_START), 'the seed has the places payloads go');
  const inline = markdown.includes('\n') ? 'the injection above' : markdown;
  return seed.replace(CASE_SUMMARY_INTRO, `${CASE_SUMMARY_INTRO}\n${markdown}\n\n`).replace(RATIONALE_START, `${RATIONALE_START} ${inline}`);
}

/** The export's own head: charset, policy, viewport and generator metas, its one style sheet, the print checkbox. */
function pageOwn(element: HtmlElement): boolean {
  switch (element.tagName) {
    case 'html':
    case 'head':
    case 'body':
    case 'title':
      return true;
    case 'meta':
      return (
        attr(element, 'charset') === 'utf-8' ||
        attr(element, 'name') === 'viewport' ||
        attr(element, 'name') === 'generator' ||
        attr(element, 'http-equiv') === 'Content-Security-Policy'
      );
    case 'style':
      return !textOf(element).includes('alert');
    case 'input':
      return attr(element, 'type') === 'checkbox' && classes(element).includes('print-summary-toggle') && element.attrs.length <= 3;
    default:
      return false;
  }
}

describe('sanitising what a draft carries', () => {
  it('has at least twenty payloads', () => {
    assert.ok(payloads.length >= 20, `${payloads.length} payloads`);
  });

  it('the safety check itself finds what it is meant to find', () => {
    const unsafe = parseBody(
      '<p><a href=" JaVa&#09;ScRiPt:alert(1)">a</a><img src="https://x/y.png" onerror="x"><span style="color:red">s</span><iframe></iframe><a href="data:text/html,x">d</a></p>',
    );
    const problems = unsafeParts(unsafe);
    assert.ok(
      problems.some((problem) => problem.startsWith('href=')),
      problems.join('; '),
    );
    assert.ok(problems.includes('onerror attribute on <img>'));
    assert.ok(problems.includes('remote image https://x/y.png'));
    assert.ok(problems.includes('style attribute on <span>'));
    assert.ok(problems.includes('<iframe> element'));
    assert.ok(problems.includes('data: URL in href on <a>'));
    assert.deepEqual(unsafeParts(parseBody('<p><a href="https://example.org/">ok</a><img src="data:image/png;base64,AAAA"></p>')), []);
  });

  for (const payload of payloads) {
    it(`neutralises ${payload.name}`, () => {
      const draft = draftWith(payload.markdown);
      const preview = renderDetermination(draft, { mode: 'preview' });
      const body = parseBody(preview.html);
      assert.deepEqual(unsafeParts(body), [], 'preview');
      const exported = parseDocument(renderExportDocument(draft, { fileName: 'payload.imr.md' }));
      assert.deepEqual(unsafeParts(exported, { allow: pageOwn }), [], 'export');
      assert.equal(byTag(exported, 'script').length, 0);
      assert.equal(byTag(exported, 'style').length, 1, "only the export's own style sheet");

      // The letter is still there around the payload.
      assert.equal(byClass(body, 'item').length, 1);
      assert.match(textOf(byClass(body, 'field-rationale')[0]), /The MTUS does not address the topic\./);
      if (payload.shownAsText) {
        const raw = byClass(body, 'raw-html')
          .map((element) => textOf(element))
          .join(' ');
        assert.ok(raw.includes(payload.shownAsText), `shown as text: ${raw}`);
      }
    });
  }

  it('keeps a Markdown link to an allowed scheme and drops only the unsafe target', () => {
    const body = parseBody(renderDetermination(draftWith('[guidelines](https://www.dir.ca.gov/dwc/MTUS/MTUS.html) and [bad](javascript:alert(1))')).html);
    const links = byTag(byClass(body, 'letter')[0], 'a');
    assert.deepEqual(
      links.map((link) => [textOf(link), attr(link, 'href')]),
      [
        ['guidelines', 'https://www.dir.ca.gov/dwc/MTUS/MTUS.html'],
        ['bad', undefined],
        ['guidelines', 'https://www.dir.ca.gov/dwc/MTUS/MTUS.html'],
        ['bad', undefined],
      ],
    );
  });

  it('shows an embedded raster image and replaces any other image with its alt text', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const body = parseBody(renderDetermination(draftWith(`![signature](${png}) ![logo](https://evil.example/logo.png)`)).html);
    const images = byTag(body, 'img');
    assert.equal(images.length, 2, 'the embedded image, in both places');
    assert.equal(attr(images[0], 'src'), png);
    assert.deepEqual(
      byClass(body, 'image-placeholder').map((element) => textOf(element)),
      ['[image: logo]', '[image: logo]'],
    );
  });

  it('escapes a case number from front matter in the title, header and summary', () => {
    const draft = `---\ncase: "</title><script>alert(1)</script>"\n---\n${seed}`;
    const html = renderExportDocument(draft);
    const page = parseDocument(html);
    assert.deepEqual(unsafeParts(page, { allow: pageOwn }), []);
    assert.equal(textOf(byTag(page, 'title')[0]), 'IMR Final Determination </title><script>alert(1)</script>');
    assert.equal(textOf(byClass(page, 'case-number')[0]), '</title><script>alert(1)</script>');
  });

  it('keeps an item name that looks like HTML as text', () => {
    const draft = seed.replace('Left Hip Cortisone Injection:  Overturned', '<img src=x onerror=alert(1)> Injection:  Overturned');
    const body = parseBody(renderDetermination(draft).html);
    assert.deepEqual(unsafeParts(body), []);
    assert.equal(byTag(body, 'img').length, 0);
  });

  it('drops HTML comments, such as imr-disable directives, from the letter', () => {
    const draft = seed.replace(CASE_SUMMARY_INTRO, `${CASE_SUMMARY_INTRO}\n<!-- imr-disable phi -->\n\n<!-- a note to self -->\n\n`);
    const body = parseBody(renderDetermination(draft).html);
    assert.equal(byClass(body, 'raw-html').length, 0);
    assert.ok(!textOf(body).includes('note to self'));
  });
});
