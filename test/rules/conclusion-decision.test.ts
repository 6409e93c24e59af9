import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, item, NECESSARY, NOT_NECESSARY, problems, rangeOf, summarize } from '../support/drafts';

const REASONS = 'Here, the applicant has returned to work and reports improved function.';

describe('conclusion-decision', () => {
  it('reports an Upheld item whose rationale finds the request medically necessary, as an error at the conclusion', () => {
    const text = draft({ items: [item({ decision: 'Upheld', rationale: `${REASONS} ${NECESSARY}` })] });
    const [finding, ...rest] = findingsOf(text, 'conclusion-decision');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, NECESSARY));
    assert.match(
      finding.message,
      /The decision is "Upheld" but the rationale concludes the request is medically necessary; "Upheld" needs "not medically necessary"/,
    );
    assert.equal(finding.fix, undefined, "which side is wrong is the writer's call");
    assert.deepEqual(problems(applyFix(text, finding, 0)), []);
    assert.deepEqual(problems(applyFix(text, finding, 1)), []);
    assert.match(applyFix(text, finding, 1), /Tramadol 50 mg #120: {2}Overturned/);
  });

  it('reports an Overturned item whose rationale finds the request not medically necessary', () => {
    const text = draft({ items: [item({ decision: 'Overturned', rationale: `${REASONS} ${NOT_NECESSARY}` })] });
    const [finding] = findingsOf(text, 'conclusion-decision');
    assert.deepEqual(finding.range, rangeOf(text, NOT_NECESSARY));
    assert.equal(applyFix(text, finding, 0), text.replace(NOT_NECESSARY, NECESSARY));
  });

  it('warns about a rationale without a conclusion, at its label, and appends one that agrees with the decision', () => {
    const text = draft({ items: [item({ decision: 'Overturned', rationale: REASONS })] });
    const [finding] = findingsOf(text, 'conclusion-decision');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, rangeOf(text, 'Decision rationale'));
    const fixed = applyFix(text, finding);
    assert.ok(fixed.includes(`${REASONS} ${NECESSARY}`));
    assert.deepEqual(findingsOf(fixed, 'conclusion-decision'), []);
  });

  it('reads the last paragraph of a rationale that runs over several', () => {
    const text = draft({ items: [item({ decision: 'Upheld', rationale: `${REASONS}\n\nThe MTUS supports continuation.\n\n${NECESSARY}` })] });
    assert.deepEqual(findingsOf(text, 'conclusion-decision')[0].range, rangeOf(text, NECESSARY));
  });

  for (const [decision, conclusion] of [
    ['Upheld', 'Therefore, the request was not medically necessary.'],
    ['Upheld', 'The request, thus, is not medically necessary and appropriate.'],
    ['Upheld', 'Therefore, the request for Norco, a short-acting opioid, was not medically necessary.'],
    ['Upheld', 'Therefore, it is not, at this time, medically necessary.'],
    ['Upheld', 'It cannot be said that the request was medically necessary.'],
    ['Upheld', 'Therefore, the request was medically unnecessary.'],
    ['Upheld', "Therefore, the request wasn't medically necessary."],
    ['Upheld', 'Therefore, the request is not indicated.'],
    ['Overturned', 'Therefore, the request was medically necessary.'],
    ['Overturned', 'Moving forward with the injection, thus, is indicated.'],
    ['Overturned', 'Although the applicant is not working, the request was medically necessary.'],
    ['Overturned', "Therefore, the request was medically necessary, and the claims administrator's view that it was not medically necessary is not supported."],
  ] as const) {
    it(`agrees: ${decision} with "${conclusion}"`, () => {
      const text = draft({ items: [item({ decision, rationale: `${REASONS} ${conclusion}` })] });
      assert.deepEqual(findingsOf(text, 'conclusion-decision'), []);
    });
  }

  it('leaves an empty rationale to item-fields, without a conclusion warning on top', () => {
    const text = draft({ items: [item({ decision: 'Upheld', rationale: '' })] });
    assert.deepEqual(summarize(problems(text)), [{ ruleId: 'item-fields', severity: 'error', range: rangeOf(text, 'Decision rationale') }]);
    const written = text.replace('Decision rationale: ', `Decision rationale: ${REASONS}`);
    const [finding, ...rest] = findingsOf(written, 'conclusion-decision');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(problems(applyFix(written, finding)), []);
  });

  // Abbreviations do not end the concluding sentence: the finding and its correction cover all of it.
  for (const conclusion of [
    'Therefore, per Dr. Smith, the request was not medically necessary.',
    'The effusion measured approx. 5 mm on the MRI of 2014, and the request was therefore not medically necessary.',
    'Therefore, as the applicant failed to improve with the prior injections, e.g. the injection of J. Ruiz, the request was not medically necessary.',
  ]) {
    it(`reads "${conclusion}" as one concluding sentence`, () => {
      const text = draft({ items: [item({ decision: 'Overturned', rationale: `${REASONS} ${conclusion}` })] });
      const [finding, ...rest] = findingsOf(text, 'conclusion-decision');
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(text, conclusion));
      const fixed = applyFix(text, finding, 0);
      assert.equal(fixed, text.replace(conclusion, NECESSARY));
      assert.deepEqual(findingsOf(fixed, 'conclusion-decision'), []);
    });
  }

  it('judges the first of two rationales, where field-order reports the second', () => {
    const text = `${draft({ items: [item({ decision: 'Upheld', rationale: `${REASONS} ${NECESSARY}` })] })}\nDecision rationale: ${REASONS} ${NOT_NECESSARY}\n`;
    assert.deepEqual(summarize(problems(text)), [
      { ruleId: 'conclusion-decision', severity: 'error', range: rangeOf(text, NECESSARY) },
      { ruleId: 'field-order', severity: 'warning', range: rangeOf(text, 'Decision rationale', 1) },
    ]);
    const [finding] = findingsOf(text, 'conclusion-decision');
    const fixed = applyFix(text, finding, 0);
    assert.equal(fixed, text.replace(`${REASONS} ${NECESSARY}`, `${REASONS} ${NOT_NECESSARY}`));
    assert.deepEqual(findingsOf(fixed, 'conclusion-decision'), []);
  });

  it('does not take what a guideline says for the conclusion', () => {
    const rationale = 'The MTUS states that further therapy is medically necessary when function improves. Here, function did not improve.';
    const text = draft({ items: [item({ decision: 'Upheld', rationale })] });
    const [finding] = findingsOf(text, 'conclusion-decision');
    assert.equal(finding.severity, 'warning', 'no conclusion, rather than a contradiction');
    assert.deepEqual(findingsOf(applyFix(text, finding), 'conclusion-decision'), []);
  });

  it('does not judge an item whose decision word is itself wrong (decision-value reports that)', () => {
    const text = draft({ items: [item({ decision: 'Approved', rationale: NOT_NECESSARY })] });
    assert.deepEqual(findingsOf(text, 'conclusion-decision'), []);
  });

  it('words its message and fixes for an Overturned item that concludes "not medically necessary"', () => {
    const text = draft({ items: [item({ decision: 'Overturned', rationale: `${REASONS} ${NOT_NECESSARY}` })] });
    const [finding] = findingsOf(text, 'conclusion-decision');
    assert.equal(
      finding.message,
      'The decision is "Overturned" but the rationale concludes the request is not medically necessary; "Overturned" needs "medically necessary". Correct whichever of the two is wrong.',
    );
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      [`Change the conclusion to "${NECESSARY}"`, 'Change the decision to "Upheld"'],
    );
    assert.match(applyFix(text, finding, 1), /Tramadol 50 mg #120: {2}Upheld/);
  });

  it('names the item and the sentence a rationale without a conclusion needs, and its fix', () => {
    const text = draft({ items: [item({ decision: 'Upheld', rationale: REASONS })] });
    const [finding] = findingsOf(text, 'conclusion-decision');
    assert.equal(finding.message, `The rationale for "Tramadol 50 mg #120" has no conclusion; end it with "${NOT_NECESSARY}"`);
    assert.equal(finding.fix?.title, `Add "${NOT_NECESSARY}"`);
    assert.equal(applyFix(text, finding), text.replace(REASONS, `${REASONS} ${NOT_NECESSARY}`));
  });

  it('judges a decision word only mis-written (capitals, a full stop) against its conclusion too', () => {
    const text = draft({
      items: [
        item({ decision: 'UPHELD', rationale: `${REASONS} ${NECESSARY}` }),
        item({ name: 'Lumbar MRI', decision: 'Overturned.', rationale: `${REASONS} ${NOT_NECESSARY}` }),
      ],
    });
    assert.deepEqual(
      findingsOf(text, 'conclusion-decision').map((finding) => finding.range),
      [rangeOf(text, NECESSARY), rangeOf(text, NOT_NECESSARY)],
    );
  });
});
