import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, item } from '../support/drafts';

/** An item whose two guideline labels are written `written` (L for the label), without its rationale. */
function itemWith(written: string): string {
  const label = (words: string): string => written.replace('L', words);
  return item({ rationale: null })
    .replace('Claims Administrator guideline:', label('Claims Administrator guideline:'))
    .replace('MAXIMUS guideline:', label('MAXIMUS guideline:'));
}

describe('label-style', () => {
  it('writes an inserted label with the indentation, list marker, heading marks and emphasis of the labels around it', () => {
    for (const [written, inserted] of [
      ['   **L**', '\n\n   **Decision rationale:** '],
      ['- *L*', '\n- *Decision rationale:* '],
      ['***L***', '\n\n***Decision rationale:*** '],
      ['_**L**_', '\n\n_**Decision rationale:**_ '],
      ['## **L**', '\n\n## **Decision rationale:** '],
      ['  10) __L__', '\n  10) __Decision rationale:__ '],
    ]) {
      const text = draft({ items: [itemWith(written)] });
      const [finding, ...rest] = findingsOf(text, 'item-fields');
      assert.equal(rest.length, 0, written);
      assert.equal(finding.message, 'Item "Tramadol 50 mg #120" has no "Decision rationale:" field; add it.', written);
      const fixed = applyFix(text, finding);
      const reviewer = fixed.indexOf('page 80') + 'page 80'.length;
      assert.equal(fixed.slice(reviewer, reviewer + inserted.length), inserted, written);
      // Read again, the inserted label is the rationale's: only its text is left to write.
      assert.deepEqual(
        findingsOf(fixed, 'item-fields').map((again) => again.message),
        ['"Decision rationale" of "Tramadol 50 mg #120" is empty; write it after the label.'],
        written,
      );
    }
  });

  it('keeps the colon outside the emphasis where the labels around it do', () => {
    const text = draft({ items: [itemWith('***L***').replaceAll(':***', '***:')] });
    const fixed = applyFix(text, findingsOf(text, 'item-fields')[0]);
    assert.match(fixed, /page 80\n\n\*\*\*Decision rationale\*\*\*: \n/);
  });
});
