import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createNonce, previewCsp, previewHtml, type PreviewPage } from '../../client/src/preview/html';
import { EXPORT_CSP, letterStyles } from '../../engine/src/render';
import { attr, byTag, elements, parseDocument, textOf } from './html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const MEDIA = `${CSP_SOURCE}/ext/media`;

function page(overrides: Partial<PreviewPage> = {}): PreviewPage {
  return {
    cspSource: CSP_SOURCE,
    nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
    scriptUri: `${MEDIA}/preview.js`,
    styleUri: `${MEDIA}/preview.css`,
    letterCss: letterStyles,
    body: '<nav class="summary"></nav><article class="letter"><p data-line="0">Body</p></article>',
    title: 'Preview seed.imr.md',
    state: { source: 'file:///drafts/seed.imr.md' },
    ...overrides,
  };
}

/** A policy as a map of directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0].length > 0)
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('the preview webview page', () => {
  const html = previewHtml(page());
  const document = parseDocument(html);
  const policyMeta = byTag(document, 'meta').find((meta) => attr(meta, 'http-equiv') === 'Content-Security-Policy');
  const policy = directives(attr(policyMeta!, 'content') ?? '');

  it('sets a Content-Security-Policy before anything else loads', () => {
    assert.ok(policyMeta, 'has a policy');
    const head = byTag(document, 'head')[0];
    const firstLoad = head.childNodes.findIndex((node) => 'tagName' in node && ['link', 'style', 'script'].includes(node.tagName));
    assert.ok(head.childNodes.indexOf(policyMeta!) < firstLoad);
  });

  it('allows nothing by default, scripts only with the nonce, styles only from media or with the nonce', () => {
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), ["'nonce-bm9uY2Utb2YtdGhlLXRlc3Q='"]);
    assert.deepEqual(policy.get('style-src'), [CSP_SOURCE, "'nonce-bm9uY2Utb2YtdGhlLXRlc3Q='"]);
    assert.deepEqual(policy.get('img-src'), [CSP_SOURCE, 'data:']);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.deepEqual(policy.get('form-action'), ["'none'"]);
  });

  it('names no remote source, wildcard or unsafe keyword', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        assert.ok(!/^(https?:|\*|'unsafe-|'strict-dynamic'|blob:|filesystem:)/.test(source) || source === CSP_SOURCE, `${name} ${source}`);
      }
    }
    assert.ok(
      !['connect-src', 'frame-src', 'child-src', 'worker-src', 'object-src', 'media-src'].some((name) => policy.has(name)),
      'only default-src covers the rest',
    );
  });

  it('has exactly one script, ours, from the media folder, carrying the nonce, and no inline script', () => {
    const scripts = byTag(document, 'script');
    assert.equal(scripts.length, 1);
    assert.equal(attr(scripts[0], 'src'), `${MEDIA}/preview.js`);
    assert.equal(attr(scripts[0], 'nonce'), 'bm9uY2Utb2YtdGhlLXRlc3Q=');
    assert.equal(textOf(scripts[0]), '');
    const handlers = html.match(/\son[a-z]+\s*=/gi) ?? [];
    assert.deepEqual(handlers, []);
  });

  it('styles the letter from the media folder and one nonce-bearing style element', () => {
    const links = byTag(document, 'link');
    assert.deepEqual(
      links.map((link) => [attr(link, 'rel'), attr(link, 'href')]),
      [['stylesheet', `${MEDIA}/preview.css`]],
    );
    const styles = byTag(document, 'style');
    assert.equal(styles.length, 1);
    assert.equal(attr(styles[0], 'nonce'), 'bm9uY2Utb2YtdGhlLXRlc3Q=');
    assert.ok(textOf(styles[0]).includes('.decision'));
  });

  it("puts the rendered body in the page and the draft's URI in its state", () => {
    const main = byTag(document, 'main')[0];
    assert.equal(attr(main, 'id'), 'imr-preview');
    assert.equal(textOf(main), 'Body');
    const state = byTag(document, 'meta').find((meta) => attr(meta, 'id') === 'imr-preview-state')!;
    assert.deepEqual(JSON.parse(attr(state, 'data-state')!), { source: 'file:///drafts/seed.imr.md' });
  });

  it('escapes what it is given outside the body', () => {
    const hostile = previewHtml(
      page({
        title: '</title><script>alert(1)</script>',
        state: { source: 'file:///x"><script>alert(1)</script>.md' },
        letterCss: 'p{}</style><script>alert(1)</script>',
        nonce: 'abc" onload="alert(1)',
      }),
    );
    const parsed = parseDocument(hostile);
    assert.equal(byTag(parsed, 'script').length, 1, 'only ours');
    assert.equal(textOf(byTag(parsed, 'title')[0]), '</title><script>alert(1)</script>');
    assert.equal(byTag(parsed, 'style').length, 1);
    assert.ok(elements(parsed).every((element) => element.attrs.every((attribute) => !attribute.name.startsWith('on'))));
  });

  it('builds the policy string the page carries', () => {
    assert.equal(
      previewCsp('vscode-resource:', 'N'),
      "default-src 'none'; img-src vscode-resource: data:; style-src vscode-resource: 'nonce-N'; font-src vscode-resource:; script-src 'nonce-N'; base-uri 'none'; form-action 'none'",
    );
  });
});

describe('nonces', () => {
  it('are fresh, 128-bit and base64', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    }
  });
});

describe("the export's policy", () => {
  it('lets nothing load or run: inline styles and embedded images only', () => {
    const policy = directives(EXPORT_CSP);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.equal(policy.has('script-src'), false, "scripts fall under default-src 'none'");
    assert.deepEqual(policy.get('style-src'), ["'unsafe-inline'"]);
    assert.deepEqual(policy.get('img-src'), ['data:']);
  });
});
