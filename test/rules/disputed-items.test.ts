import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, item, rangeOf } from '../support/drafts';

describe('disputed-items', () => {
  it('reports an issues section that decides nothing, at its title, as an error', () => {
    const text = draft({ items: [] });
    const [finding, ...rest] = findingsOf(text, 'disputed-items');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'IMR ISSUES, DECISIONS AND RATIONALES'));
    assert.match(finding.message, /add one as "<Item name>: {2}Upheld" or "<Item name>: {2}Overturned"/);
  });

  it('reports prose that names no item', () => {
    const text = draft({ items: ['The reviewer found the request for physical therapy not medically necessary.'] });
    assert.equal(findingsOf(text, 'disputed-items').length, 1);
  });

  it('does not read the introductory sentence as an item, even when fields follow it directly', () => {
    const text = draft({ items: [item().replace('Tramadol 50 mg #120:  Upheld\n\n', '')] });
    assert.ok(text.includes('set forth below:\n\nClaims Administrator guideline:'));
    const [finding] = findingsOf(text, 'disputed-items');
    assert.deepEqual(finding.range, rangeOf(text, 'IMR ISSUES, DECISIONS AND RATIONALES'));
    assert.deepEqual(findingsOf(text, 'decision-value'), []);
  });

  it('leaves an empty issues section to empty-section', () => {
    const text = 'IMR ISSUES, DECISIONS AND RATIONALES\n';
    assert.deepEqual(findingsOf(text, 'disputed-items'), []);
    assert.equal(findingsOf(text, 'empty-section').length, 1);
  });

  it('does not fire when there is an item, even one with a defect of its own', () => {
    assert.deepEqual(findingsOf(draft(), 'disputed-items'), []);
    assert.deepEqual(findingsOf(draft({ items: [item({ decision: 'Approved' })] }), 'disputed-items'), []);
  });

  it("shows how an item is written, with the profile's decision words", () => {
    const text = draft({ items: ['No items were listed.'] });
    const [finding] = findingsOf(text, 'disputed-items');
    assert.equal(
      finding.message,
      '"IMR ISSUES, DECISIONS AND RATIONALES" decides no disputed item; add one as "<Item name>:  Upheld" or "<Item name>:  Overturned" followed by its fields.',
    );
  });
});
