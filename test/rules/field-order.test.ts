import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, item, MTUS_CA, MTUS_REVIEWER, NOT_NECESSARY, rangeOf } from '../support/drafts';

describe('field-order', () => {
  it('reports a field placed before one the profile puts ahead of it, as a warning', () => {
    const swapped = [
      'Tramadol 50 mg #120:  Upheld',
      `MAXIMUS guideline: ${MTUS_REVIEWER}`,
      `Claims Administrator guideline: ${MTUS_CA}`,
      `Decision rationale: ${NOT_NECESSARY}`,
    ].join('\n\n');
    const text = draft({ items: [swapped] });
    const [finding, ...rest] = findingsOf(text, 'field-order');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, rangeOf(text, 'Claims Administrator guideline'));
    assert.match(
      finding.message,
      /Move "Claims Administrator guideline" up: the fields go Claims Administrator guideline, MAXIMUS guideline, Decision rationale/,
    );
  });

  it('reports a field written twice in one item', () => {
    const text = draft({ items: [`${item()}\n\nDecision rationale: An addendum. ${NOT_NECESSARY}`] });
    const [finding] = findingsOf(text, 'field-order');
    assert.deepEqual(finding.range, rangeOf(text, 'Decision rationale', 1));
    assert.match(finding.message, /appears twice in "Tramadol 50 mg #120"; merge the two/);
  });

  it('does not fire on fields in order, nor on a missing field (item-fields reports that)', () => {
    assert.deepEqual(findingsOf(draft(), 'field-order'), []);
    assert.deepEqual(findingsOf(draft({ items: [item({ reviewer: null })] }), 'field-order'), []);
  });

  it('names the field to move up and the order the profile gives', () => {
    const text = draft({ items: [item().replace(/(Claims Administrator guideline: .*)\n\n(MAXIMUS guideline: .*)/, '$2\n\n$1')] });
    const [finding, ...rest] = findingsOf(text, 'field-order');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Claims Administrator guideline'));
    assert.equal(
      finding.message,
      'Move "Claims Administrator guideline" up: the fields go Claims Administrator guideline, MAXIMUS guideline, Decision rationale.',
    );
  });
});
