import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderExportDocument } from '../../engine/src/render';
import { draft } from '../support/drafts';
import { byTag, parseDocument, textOf } from './html';

describe('exported document', () => {
  it('titles the page with the case number from the front matter, or the file name', () => {
    assert.equal(
      textOf(byTag(parseDocument(renderExportDocument(draft({ frontMatter: 'case: CM15-0012345' }))), 'title')[0]),
      'IMR Final Determination CM15-0012345',
    );
    assert.equal(
      textOf(byTag(parseDocument(renderExportDocument(draft(), { fileName: 'drafts/case.imr.md' })), 'title')[0]),
      'IMR Final Determination case.imr.md',
    );
  });

  it('escapes every markup character of a case number typed with them, in the title as in the text', () => {
    const typed = `CM15-0012345 <b>"Smith" & 'Jones'</b>`;
    const html = renderExportDocument(draft({ frontMatter: `case: ${JSON.stringify(typed)}` }));
    const title = html.slice(html.indexOf('<title>') + '<title>'.length, html.indexOf('</title>'));
    assert.equal(title, 'IMR Final Determination CM15-0012345 &#60;b&#62;&#34;Smith&#34; &#38; &#39;Jones&#39;&#60;/b&#62;');
    assert.equal(textOf(byTag(parseDocument(html), 'title')[0]), `IMR Final Determination ${typed}`);
  });
});

describe('the exported page around the letter', () => {
  const head = (title: string) => [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="IMR Determinations">',
    `<title>${title}</title>`,
  ];
  const lines = (html: string) => html.split('\n');

  it('writes the head, the print control and the end of the page line by line', () => {
    const text = draft();
    const html = renderExportDocument(text, { fileName: 'C:\\IMR\\drafts\\CM15-0012345.imr.md' });
    const all = lines(html);
    assert.deepEqual(all.slice(0, 8), head('IMR Final Determination CM15-0012345.imr.md'));
    assert.match(all[8], /^<style>/);
    const body = all.indexOf('<body class="imr-export">');
    assert.ok(body > 8);
    assert.equal(all[body - 1], '</head>');
    assert.deepEqual(all.slice(body + 1, body + 3), [
      '<main class="imr-page">',
      '<div class="print-controls"><label><input type="checkbox" class="print-summary-toggle"> Print the summary with the letter</label></div>',
    ]);
    assert.deepEqual(all.slice(-5), ['</article>', '</main>', '</body>', '</html>', '']);
    // The summary of an export links only within the page.
    assert.ok(!html.includes('data-source-line'));
  });

  it('prints the summary when asked, and titles a page with neither case number nor file name', () => {
    const all = lines(renderExportDocument(draft(), { printSummary: true, fileName: 'drafts/' }));
    assert.equal(all[7], '<title>IMR Final Determination</title>');
    assert.ok(all.includes('<body class="imr-export print-summary">'));
    assert.ok(
      all.includes(
        '<div class="print-controls"><label><input type="checkbox" class="print-summary-toggle" checked> Print the summary with the letter</label></div>',
      ),
    );
    assert.equal(lines(renderExportDocument(draft()))[7], '<title>IMR Final Determination</title>');
  });
});
