import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, item, NECESSARY, NON_MTUS_CA, NON_MTUS_REVIEWER, rangeOf } from '../support/drafts';

const nonMtusItem = (rationale: string) => item({ decision: 'Overturned', claims: NON_MTUS_CA, reviewer: NON_MTUS_REVIEWER, rationale });

describe('non-mtus-explained', () => {
  it("warns at the rationale label when a Non-MTUS reviewer citation goes unexplained, and suggests the seed's sentence", () => {
    const text = draft({ items: [nonMtusItem(`The Third Edition ACOEM Guidelines recommend trochanteric bursa injections. ${NECESSARY}`)] });
    const [finding, ...rest] = findingsOf(text, 'non-mtus-explained');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, rangeOf(text, 'Decision rationale'));
    assert.match(finding.message, /relies on a Non-MTUS source; say why in the rationale .* evidence search sequence/);
    assert.equal(finding.fix, undefined);
    const fixed = applyFix(text, finding, 0);
    assert.match(fixed, /Decision rationale: The MTUS does not address the topic\. The Third Edition/);
    assert.deepEqual(findingsOf(fixed, 'non-mtus-explained'), []);
  });

  it('is not fooled by a sentence that mentions the MTUS and a negation without explaining anything', () => {
    const text = draft({ items: [nonMtusItem(`The applicant does not wish to use opioids as the MTUS recommends. ${NECESSARY}`)] });
    assert.equal(findingsOf(text, 'non-mtus-explained').length, 1);
  });

  for (const explanation of [
    'The MTUS does not address the topic.',
    'The MTUS guidelines do not specifically address trochanteric injections.',
    'Since the MTUS is silent on hip injections, ACOEM was consulted.',
    'Hip injections are not addressed in the MTUS.',
    'The topic is outside the scope of the MTUS.',
    'There is no MTUS guidance on the topic.',
    "The MTUS doesn't discuss the topic.",
    'The presumption of correctness of the MTUS is rebutted by newer evidence.',
  ]) {
    it(`accepts "${explanation}"`, () => {
      const text = draft({ items: [nonMtusItem(`${explanation} The Third Edition ACOEM Guidelines recommend the injection. ${NECESSARY}`)] });
      assert.deepEqual(findingsOf(text, 'non-mtus-explained'), []);
    });
  }

  it('does not fire when the reviewer cites the MTUS, even if the claims administrator did not', () => {
    const text = draft({ items: [item({ claims: NON_MTUS_CA })] });
    assert.deepEqual(findingsOf(text, 'non-mtus-explained'), []);
  });

  it('names the item and the sentence its suggestion inserts', () => {
    const text = draft({ items: [nonMtusItem(`The Third Edition ACOEM Guidelines recommend trochanteric bursa injections. ${NECESSARY}`)] });
    const [finding] = findingsOf(text, 'non-mtus-explained');
    assert.equal(
      finding.message,
      '"Tramadol 50 mg #120" relies on a Non-MTUS source; say why in the rationale (for example "The MTUS does not address the topic."), as the evidence search sequence requires.',
    );
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Insert "The MTUS does not address the topic."'],
    );
  });
});
