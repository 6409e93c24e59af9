import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, lineOf, rangeOf } from '../support/drafts';

const sentence = (item: string, decision: string): string =>
  `1) MAXIMUS Federal Services, Inc. has determined the request for ${item} is ${decision} and appropriate.`;

/** A 2013 letter whose notice and decision section list `notice` and `decision`. */
function letter(notice: string[], decision: string[] | null): string {
  return [
    '---\nprofile: ca-dwc-imr-2013\n---',
    'Notice of Independent Medical Review Determination',
    ...notice,
    // `null` leaves the decision section out.
    ...(decision
      ? [
          'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
          'A decision has been made for each of the treatment and/or services that were in dispute:',
          ...decision,
        ]
      : []),
    'Medical Qualifications of the Expert Reviewer:',
    'The expert reviewer is Board Certified in Orthopaedic Surgery and is licensed to practice in California.',
    'Case Summary:',
    'The applicant filed a claim for chronic low back pain.',
  ].join('\n\n');
}

describe('decision-lists', () => {
  it('reports a notice that says otherwise than the decision section, at the notice, with the quick fix to agree', () => {
    const text = letter([sentence('Lumbar MRI', 'medically necessary')], [sentence('Lumbar MRI', 'not medically necessary')]);
    const [finding, ...rest] = findingsOf(text, 'decision-lists');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'is medically necessary and appropriate'));
    assert.equal(finding.fix, undefined, 'which list is right is for the reviewer to judge');
    assert.deepEqual(findingsOf(applyFix(text, finding, 0), 'decision-lists'), []);
  });

  it('reports an item decided in one list and not the other', () => {
    const text = letter(
      [sentence('Lumbar MRI', 'not medically necessary')],
      [sentence('Lumbar MRI', 'not medically necessary'), sentence('Norco 10/325 mg #90', 'medically necessary').replace('1)', '2)')],
    );
    const [finding, ...rest] = findingsOf(text, 'decision-lists');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Norco 10/325 mg #90'));
    assert.match(
      finding.message,
      /is decided in "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE" but not in "Notice of Independent Medical Review Determination"/,
    );
  });

  it('does not fire when the lists agree, nor for a format that lists decisions once', () => {
    assert.deepEqual(
      findingsOf(letter([sentence('Lumbar MRI', 'not medically necessary')], [sentence('Lumbar MRI', 'not medically necessary')]), 'decision-lists'),
      [],
    );
    assert.deepEqual(findingsOf('IMR ISSUES, DECISIONS AND RATIONALES\n\nLumbar MRI:  Upheld\n', 'decision-lists'), []);
  });

  it('quotes both lists and the line of the decision it disagrees with, and names the phrase its suggestion writes', () => {
    const text = letter([sentence('Lumbar MRI', 'medically necessary')], [sentence('Lumbar MRI', 'not medically necessary')]);
    const [finding] = findingsOf(text, 'decision-lists');
    assert.equal(
      finding.message,
      `"Notice of Independent Medical Review Determination" says the request for "Lumbar MRI" is medically necessary and appropriate, but "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE" says it is not medically necessary and appropriate (line ${lineOf(text, sentence('Lumbar MRI', 'not medically necessary')) + 1}); make the two agree.`,
    );
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Change to "is not medically necessary and appropriate"'],
    );
  });

  it('reports an item decided in the notice only, at the notice', () => {
    const text = letter(
      [sentence('Lumbar MRI', 'not medically necessary'), sentence('Norco 10/325 mg #90', 'medically necessary').replace('1)', '2)')],
      [sentence('Lumbar MRI', 'not medically necessary')],
    );
    const [finding, ...rest] = findingsOf(text, 'decision-lists');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Norco 10/325 mg #90'));
    assert.equal(
      finding.message,
      '"Norco 10/325 mg #90" is decided in "Notice of Independent Medical Review Determination" but not in "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"; list the same items in both.',
    );
  });

  it('names a decision section the letter lacks by the title the profile gives it', () => {
    const text = letter([sentence('Lumbar MRI', 'medically necessary')], null);
    assert.deepEqual(
      findingsOf(text, 'decision-lists').map((finding) => finding.message),
      [
        '"Lumbar MRI" is decided in "Notice of Independent Medical Review Determination" but not in "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"; list the same items in both.',
      ],
    );
  });

  it('takes an item written in other capitals or punctuation for the same item', () => {
    const text = letter([sentence('Norco 10/325 mg, #90', 'medically necessary')], [sentence('NORCO 10-325 mg #90', 'medically necessary')]);
    assert.deepEqual(findingsOf(text, 'decision-lists'), []);
  });

  it('quotes the sections by the titles the draft gives them', () => {
    const text = letter([sentence('Lumbar MRI', 'medically necessary')], [sentence('Lumbar MRI', 'not medically necessary')])
      .replace('Notice of Independent Medical Review Determination', 'NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION')
      .replace('INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE', 'Independent Medical Review Decision and Rationale');
    const [finding] = findingsOf(text, 'decision-lists');
    assert.match(
      finding.message,
      /^"NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION" says the request for "Lumbar MRI" is medically necessary and appropriate, but "Independent Medical Review Decision and Rationale" says it is not medically necessary/,
    );
  });

  it('tells items apart by their words and by their numbers: a 7.5 mg dose is not a 75 mg one, a lumbar MRI not a cervical one', () => {
    const text = letter(
      [sentence('Cyclobenzaprine 7.5 mg #60', 'not medically necessary'), sentence('Lumbar MRI', 'medically necessary').replace('1)', '2)')],
      [sentence('Cyclobenzaprine 75 mg #60', 'not medically necessary'), sentence('Cervical MRI', 'medically necessary').replace('1)', '2)')],
    );
    assert.deepEqual(
      findingsOf(text, 'decision-lists').map((finding) => [finding.range, finding.message.replace(/ but not in .*/, '')]),
      [
        [rangeOf(text, 'Cyclobenzaprine 7.5 mg #60'), '"Cyclobenzaprine 7.5 mg #60" is decided in "Notice of Independent Medical Review Determination"'],
        [rangeOf(text, 'Lumbar MRI'), '"Lumbar MRI" is decided in "Notice of Independent Medical Review Determination"'],
        [rangeOf(text, 'Cyclobenzaprine 75 mg #60'), '"Cyclobenzaprine 75 mg #60" is decided in "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"'],
        [rangeOf(text, 'Cervical MRI'), '"Cervical MRI" is decided in "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"'],
      ],
    );
    // The notice corrected to the decision section's items, the lists agree.
    assert.deepEqual(findingsOf(text.replace('7.5 mg', '75 mg').replace('Lumbar MRI', 'Cervical MRI'), 'decision-lists'), []);
  });

  it('takes an item quoted in one list for the same item', () => {
    const text = letter([sentence('\u201cLumbar MRI\u201d', 'medically necessary')], [sentence('Lumbar MRI', 'not medically necessary')]);
    assert.deepEqual(
      findingsOf(text, 'decision-lists').map((finding) => finding.range),
      [rangeOf(text, 'is medically necessary and appropriate')],
    );
  });

  it('leaves a decision it cannot read in either list to the decision rules', () => {
    const unread = 'reasonable';
    for (const [notice, decision] of [
      [unread, 'medically necessary'],
      ['medically necessary', unread],
    ]) {
      const text = letter([sentence('Lumbar MRI', notice)], [sentence('Lumbar MRI', decision)]);
      assert.deepEqual(findingsOf(text, 'decision-lists'), [], `${notice} / ${decision}`);
    }
  });
});
