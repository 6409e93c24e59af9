import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportFileName } from '../../engine/src/render';

describe('the default export file name', () => {
  it('replaces the Markdown extension with .html, beside the draft', () => {
    assert.equal(exportFileName('/drafts/seed.imr.md'), '/drafts/seed.html');
    assert.equal(exportFileName('C:\\drafts\\Letter.MD'), 'C:\\drafts\\Letter.html');
    assert.equal(exportFileName('notes/case.markdown'), 'notes/case.html');
    assert.equal(exportFileName('case.imr.MD'), 'case.html');
  });

  it('adds .html to a name without a Markdown extension', () => {
    assert.equal(exportFileName('/drafts/letter.txt'), '/drafts/letter.txt.html');
    assert.equal(exportFileName('/drafts/imr'), '/drafts/imr.html');
  });
});
