import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatHtml } from '../../cli/src/formats/html';
import { attr, byClass, byTag, elements, parseDocument, textOf, type HtmlElement, type HtmlNode } from '../render/html';
import { runCli } from '../support/cli';
import { HOSTILE_FILE, HOSTILE_TEXT, SCHEME_FILE, writeCorpus } from './corpus';

interface Json {
  file: string;
  diagnostics: { ruleId: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
}

/** Nothing on the page may run or load: the checks a reviewer's browser relies on. */
function assertInert(document: HtmlNode): void {
  const all = elements(document);
  assert.deepEqual(
    all
      .filter((element) => ['script', 'iframe', 'object', 'embed', 'img', 'base', 'form', 'link', 'foreignObject'].includes(element.tagName))
      .map((element) => element.tagName),
    [],
  );
  for (const element of all) {
    for (const attribute of element.attrs) {
      assert.ok(!/^on/i.test(attribute.name), `<${element.tagName} ${attribute.name}="${attribute.value}">`);
      if (/(^|:)(href|src|action|formaction)$/i.test(attribute.name)) {
        assert.doesNotMatch(attribute.value.replace(/[\s\u0000-\u001f]/g, ''), /^(javascript|data|vbscript):/i, `<${element.tagName} ${attribute.name}>`);
      }
    }
  }
  const csp = all.find((element) => element.tagName === 'meta' && attr(element, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  assert.equal(csp && attr(csp, 'content'), "default-src 'none'; style-src 'unsafe-inline'");
  for (const style of byTag(document, 'style')) assert.doesNotMatch(textOf(style), /url\(|@import/i);
}

const cells = (row: HtmlElement): string[] => byTag(row, 'td').map((cell) => textOf(cell));
const number = (text: string): number => Number(text.replace(/\D/g, ''));

describe('imr-lint --format html', () => {
  let dir: string;
  let document: HtmlNode;
  let entries: Json[];
  const totals = { error: 0, warning: 0, info: 0 };

  before(async () => {
    ({ dir } = writeCorpus());
    const [html, json] = await Promise.all([runCli(['--format', 'html', 'drafts'], { cwd: dir }), runCli(['--format', 'json', 'drafts'], { cwd: dir })]);
    assert.equal(html.status, 1, html.stderr);
    document = parseDocument(html.stdout);
    entries = JSON.parse(json.stdout) as Json[];
    for (const entry of entries)
      for (const diagnostic of entry.diagnostics) totals[diagnostic.severity === 'hint' ? 'info' : (diagnostic.severity as keyof typeof totals)]++;
  });

  it('is one page that runs and loads nothing', () => {
    assertInert(document);
  });

  it('counts drafts and findings as the JSON report does', () => {
    const cards = Object.fromEntries(byClass(document, 'card').map((card) => [textOf(byClass(card, 'label')[0]), number(textOf(byClass(card, 'number')[0]))]));
    assert.equal(cards['drafts checked'], entries.length);
    assert.equal(cards.errors, totals.error);
    assert.equal(cards.warnings, totals.warning);
    assert.equal(cards.info, totals.info);
    assert.equal(cards['drafts with errors'], entries.filter((entry) => entry.diagnostics.some((item) => item.severity === 'error')).length);
    assert.equal(cards['drafts without findings'], entries.filter((entry) => entry.diagnostics.length === 0).length);
    assert.ok(totals.error > 10 && totals.warning > 5 && totals.info > 0, JSON.stringify(totals));
  });

  it('has a row per draft with its counts, and a row per rule with its counts and drafts', () => {
    const draftRows = byTag(byClass(document, 'drafts')[0], 'tr').slice(1);
    assert.equal(draftRows.length, entries.length);
    for (const entry of entries) {
      const row = draftRows.find((item) => cells(item)[0] === entry.file);
      assert.ok(row, `no row for ${entry.file}`);
      const count = (severity: string) => entry.diagnostics.filter((item) => item.severity === severity).length;
      assert.deepEqual(cells(row).slice(1, 4).map(number), [count('error'), count('warning'), count('info')], entry.file);
    }
    const ruleRows = byTag(byClass(document, 'rules')[0], 'tr').slice(1);
    const ruleIds = [...new Set(entries.flatMap((entry) => entry.diagnostics.map((item) => item.ruleId)))];
    assert.equal(ruleRows.length, ruleIds.length);
    for (const ruleId of ruleIds) {
      const row = ruleRows.find((item) => cells(item)[0] === ruleId)!;
      const of = entries.flatMap((entry) => entry.diagnostics.filter((item) => item.ruleId === ruleId));
      const drafts = entries.filter((entry) => entry.diagnostics.some((item) => item.ruleId === ruleId)).length;
      const count = (severity: string) => of.filter((item) => item.severity === severity).length;
      assert.deepEqual(cells(row).slice(2).map(number), [count('error'), count('warning'), count('info'), drafts], ruleId);
    }
  });

  it('draws a bar per rule in an inline SVG, labelled with the rule and its count', () => {
    const [svg] = byTag(document, 'svg');
    assert.ok(svg, 'an inline SVG chart');
    const bars = byTag(svg, 'a');
    const ruleIds = [...new Set(entries.flatMap((entry) => entry.diagnostics.map((item) => item.ruleId)))];
    assert.equal(bars.length, ruleIds.length);
    for (const bar of bars) {
      const label = textOf(byClass(bar, 'chart-label')[0]);
      const count = entries.flatMap((entry) => entry.diagnostics).filter((item) => item.ruleId === label).length;
      assert.equal(number(textOf(byClass(bar, 'chart-count')[0])), count, label);
      assert.ok(byTag(bar, 'rect').length >= 1);
      const target = attr(bar, 'href')!.slice(1);
      assert.ok(
        elements(document).some((element) => attr(element, 'id') === target),
        `bar ${label} links to #${target}`,
      );
    }
    const counts = bars.map((bar) => number(textOf(byClass(bar, 'chart-count')[0])));
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
      'most findings first',
    );
    const longest = Math.max(...bars.map((bar) => byTag(bar, 'rect').reduce((sum, rect) => sum + Number(attr(rect, 'width')), 0)));
    const shortest = Math.min(...bars.map((bar) => byTag(bar, 'rect').reduce((sum, rect) => sum + Number(attr(rect, 'width')), 0)));
    assert.ok(Math.abs(longest / shortest - Math.max(...counts) / Math.min(...counts)) < 0.05, 'bar lengths are proportional to the counts');
  });

  it('links every finding to its draft and line, relative to the report', () => {
    const sections = elements(document).filter((element) => element.tagName === 'section');
    const withFindings = entries.filter((entry) => entry.diagnostics.length > 0);
    assert.equal(sections.length, withFindings.length);
    const reportUrl = pathToFileURL(path.join(dir, 'report.html'));
    for (const entry of withFindings) {
      const section = sections.find((item) => textOf(byTag(item, 'h3')[0]) === entry.file)!;
      assert.ok(section, entry.file);
      const rows = byTag(section, 'tr').slice(1);
      assert.equal(rows.length, entry.diagnostics.length);
      rows.forEach((row, index) => {
        const diagnostic = entry.diagnostics[index];
        const href = attr(byTag(row, 'a')[0], 'href')!;
        assert.match(href, /^\.\//);
        const url = new URL(href, reportUrl);
        assert.equal(url.hash, `#L${diagnostic.range.start.line + 1}`);
        const target = fileURLToPath(url);
        assert.equal(target, path.join(dir, entry.file));
        assert.ok(existsSync(target));
        assert.equal(cells(row)[3], diagnostic.message.replace(/\s+/g, ' '));
        assert.equal(cells(row)[2], diagnostic.ruleId);
      });
    }
  });

  it('shows a hostile file name and message as text, and never lets a name become a scheme', () => {
    const text = textOf(document);
    assert.ok(text.includes(`drafts/${HOSTILE_FILE}`));
    assert.ok(text.includes(`"${HOSTILE_TEXT}" is not a US state`));
    assert.ok(text.includes('"Ohoi" onmouseover="alert(1)" is not a US state'));
    const links = byTag(document, 'a').map((link) => attr(link, 'href')!);
    assert.ok(links.includes(`./drafts/${encodeURIComponent(SCHEME_FILE)}`));
    assert.ok(links.includes(`./drafts/${encodeURIComponent(HOSTILE_FILE)}#L23`));
  });

  it('keeps markup in any text inert, even inside the chart and the title', () => {
    const message = '</title></style></svg><script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">x</a>\u0007';
    const html = formatHtml(
      [
        {
          file: '/work/</title><script>alert(1)</script>.md',
          findings: [
            {
              ruleId: '<svg onload=alert(1)>',
              severity: 'error',
              message,
              span: { start: 0, end: 1 },
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            },
          ],
        },
      ],
      { cwd: '/work', generatedAt: new Date('2025-01-02T03:04:05Z'), version: '9.9.9' },
    );
    const page = parseDocument(html);
    assertInert(page);
    assert.equal(byTag(page, 'a').filter((link) => /javascript/i.test(attr(link, 'href') ?? '')).length, 0);
    assert.ok(textOf(page).includes('</svg><script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">x</a>\uFFFD'));
    assert.ok(textOf(page).includes('Checked by imr-lint 9.9.9 on 2025-01-02 03:04 UTC.'));
  });

  it('says so when there is nothing to report', () => {
    const page = parseDocument(formatHtml([], { cwd: '/work' }));
    assertInert(page);
    assert.equal(byTag(page, 'svg').length, 0);
    assert.match(textOf(page), /No drafts were checked\./);
  });
});
