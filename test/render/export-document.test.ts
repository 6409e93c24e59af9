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
