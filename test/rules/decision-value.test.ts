import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, item, lineOf, problems, rangeOf } from '../support/drafts';
import { LETTER_2013 } from '../support/letters';

// "Tramadol 50 mg #120:  " is 22 characters: the decision word starts there on the item line.
const decisionRange = (text: string, word: string) => {
  const line = lineOf(text, `Tramadol 50 mg #120:  ${word}`);
  return { start: { line, character: 22 }, end: { line, character: 22 + word.length } };
};

describe('decision-value', () => {
  for (const [written, meant] of [
    ['Approved', 'Overturned'],
    ['Certified', 'Overturned'],
    ['Authorized', 'Overturned'],
    ['Denied', 'Upheld'],
    ['Non-certified', 'Upheld'],
    ['Aproved', 'Overturned'],
    ['Deneid', 'Upheld'],
  ] as const) {
    it(`reports the UR word "${written}" as an error and changes it to "${meant}"`, () => {
      const text = draft({
        items: [
          item({
            decision: written,
            rationale: meant === 'Upheld' ? 'Therefore, the request was not medically necessary.' : 'Therefore, the request was medically necessary.',
          }),
        ],
      });
      const [finding, ...rest] = findingsOf(text, 'decision-value');
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, decisionRange(text, written));
      assert.match(finding.message, /utilization review word; an IMR decision is "Upheld" or "Overturned"/);
      const fixed = applyFix(text, finding);
      assert.equal(fixed, text.replace(`:  ${written}`, `:  ${meant}`));
      assert.deepEqual(problems(fixed), []);
    });
  }

  it('fixes a UR word that says neither ("Modified") to what the rationale concludes', () => {
    const text = draft({ items: [item({ decision: 'Modified' })] });
    const [finding] = findingsOf(text, 'decision-value');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /here probably "Upheld" \(the rationale concludes the request is not medically necessary\)/);
    assert.equal(applyFix(text, finding), text.replace(':  Modified', ':  Upheld'));
  });

  it('follows the rationale over the UR word: "Approved" with a rationale that finds the request not necessary is "Upheld"', () => {
    const text = draft({ items: [item({ decision: 'Approved' })] });
    const [finding] = findingsOf(text, 'decision-value');
    const fixed = applyFix(text, finding);
    assert.equal(fixed, text.replace(':  Approved', ':  Upheld'));
    assert.deepEqual(problems(fixed), []);
  });

  it('offers both IMR words for a UR word that says neither ("Modified") when the rationale concludes nothing', () => {
    const text = draft({ items: [item({ decision: 'Modified', rationale: 'The records were reviewed.' })] });
    const [finding] = findingsOf(text, 'decision-value');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, '"Modified" is a utilization review word; an IMR decision is "Upheld" or "Overturned".');
    assert.equal(finding.fix, undefined);
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Change to "Upheld"', 'Change to "Overturned"'],
    );
    assert.deepEqual(findingsOf(applyFix(text, finding, 0), 'decision-value'), []);
  });

  for (const [written, meant] of [
    ['Overturn', 'Overturned'],
    ['Uphold', 'Upheld'],
    ['Uphled', 'Upheld'],
    ['Overtunred', 'Overturned'],
    ['Ovrturnd', 'Overturned'],
  ] as const) {
    it(`reports the misspelling "${written}" as an error and corrects it`, () => {
      const text = draft({ items: [item({ decision: written })] });
      const [finding] = findingsOf(text, 'decision-value');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, decisionRange(text, written));
      assert.equal(applyFix(text, finding), text.replace(`:  ${written}`, `:  ${meant}`));
    });
  }

  for (const [written, meant] of [
    ['UPHELD', 'Upheld'],
    ['overturned', 'Overturned'],
  ] as const) {
    it(`reports the casing "${written}" as a warning and corrects it`, () => {
      const text = draft({ items: [item({ decision: written })] });
      const [finding] = findingsOf(text, 'decision-value');
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.message, `Write the decision as "${meant}".`);
      assert.deepEqual(finding.range, decisionRange(text, written));
      const fixed = applyFix(text, finding);
      assert.deepEqual(findingsOf(fixed, 'decision-value'), []);
    });
  }

  it('reports an item line without a decision at the item name, with both words as suggestions', () => {
    const text = draft({ items: [item().replace('Tramadol 50 mg #120:  Upheld', 'Tramadol 50 mg #120')] });
    const [finding] = findingsOf(text, 'decision-value');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'Tramadol 50 mg #120'));
    assert.match(finding.message, /has no decision; end its line with "Upheld" or "Overturned"/);
    const fixed = applyFix(text, finding, 0);
    assert.match(fixed, /\nTramadol 50 mg #120: {2}Upheld\n/);
    assert.deepEqual(problems(fixed), []);
  });

  it('reports a word that is no decision at all', () => {
    const text = draft({ items: [item({ decision: 'Pending review' })] });
    const [finding] = findingsOf(text, 'decision-value');
    assert.match(finding.message, /"Pending review" is not an IMR decision; write "Upheld" or "Overturned"/);
  });

  it('reads the decision on heading and bold item lines, and after a dash', () => {
    for (const line of ['## Tramadol 50 mg #120: Approved', '**Tramadol 50 mg #120:** Approved', 'Tramadol 50 mg #120 - Approved']) {
      const text = draft({ items: [item().replace('Tramadol 50 mg #120:  Upheld', line)] });
      const [finding] = findingsOf(text, 'decision-value');
      assert.deepEqual(finding?.range, rangeOf(text, 'Approved'), line);
      // The rationale concludes "not medically necessary": the fix writes "Upheld", and nothing contradicts it.
      assert.equal(finding.fix?.edits[0].newText, 'Upheld', line);
      assert.deepEqual(problems(applyFix(text, finding)), [], line);
    }
  });

  it('does not fire on Upheld and Overturned, nor on decision words in prose', () => {
    const prose =
      'The UR denial was Upheld in an earlier review. The prior request was approved: the applicant attended six sessions. Prior UR outcome: Denied. Therefore, the request was not medically necessary.';
    const text = draft({ items: [item({ decision: 'Upheld', rationale: prose }), item({ name: 'Lumbar MRI', decision: 'Overturned' })] });
    assert.deepEqual(findingsOf(text, 'decision-value'), []);
  });

  it('does not read a colon line inside a rationale as a new item', () => {
    const rationale =
      'The attending provider listed the following:\n\nPrior UR outcome: Denied\n\nFunctional gains: none reported\n\nTherefore, the request was not medically necessary.';
    const text = draft({ items: [item({ rationale })] });
    assert.deepEqual(problems(text), []);
  });

  it('says what a decision word has too many and what each fix writes', () => {
    const cases = [
      ['Upheld.', 'warning', 'Write the decision as "Upheld", without ".".', 'Change to "Upheld"'],
      ['Ovrturnd', 'error', '"Ovrturnd" is not an IMR decision; write "Overturned".', 'Change to "Overturned"'],
      [
        'Approved',
        'error',
        '"Approved" is a utilization review word; an IMR decision is "Upheld" or "Overturned" (here probably "Overturned").',
        'Change to "Overturned"',
      ],
    ] as const;
    for (const [written, severity, message, title] of cases) {
      const text = draft({ items: [item({ decision: written, rationale: 'Therefore, the request was medically necessary.' })] });
      const [finding, ...rest] = findingsOf(text, 'decision-value');
      assert.equal(rest.length, 0, written);
      assert.deepEqual([finding.severity, finding.message, finding.fix?.title], [severity, message, title], written);
      assert.deepEqual(findingsOf(applyFix(text, finding), 'decision-value'), [], written);
    }
  });

  it('names the item without a decision and offers to add either word after it', () => {
    const text = draft({ items: [item().replace('Tramadol 50 mg #120:  Upheld', 'Tramadol 50 mg #120')] });
    const [finding] = findingsOf(text, 'decision-value');
    assert.equal(finding.message, 'Item "Tramadol 50 mg #120" has no decision; end its line with "Upheld" or "Overturned".');
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Add decision "Upheld"', 'Add decision "Overturned"'],
    );
    assert.match(applyFix(text, finding, 1), /\nTramadol 50 mg #120: {2}Overturned\n/);
  });

  it('asks a 2013 determination sentence without its phrase to end with one, and adds it before the full stop', () => {
    const sentence = '1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30';
    // The decision section's sentence, which the items are read from; the notice repeats it.
    const text = LETTER_2013.replace(`dispute:\n\n${sentence} is not medically necessary and appropriate.`, `dispute:\n\n${sentence}.`);
    const [finding, ...rest] = findingsOf(text, 'decision-value');
    assert.equal(rest.length, 0);
    assert.equal(
      finding.message,
      'Item "Lidoderm 5% patch #30" has no decision; end its sentence with "is not medically necessary and appropriate" or "is medically necessary and appropriate".',
    );
    assert.equal(finding.suggestions?.[0].title, 'Add decision "is not medically necessary and appropriate"');
    assert.equal(applyFix(text, finding, 0), LETTER_2013);
  });

  it('says which conclusion outweighs the UR word, and follows the UR word of an item without a rationale', () => {
    const denied = draft({ items: [item({ decision: 'Denied', rationale: 'Therefore, the request was medically necessary.' })] });
    assert.equal(
      findingsOf(denied, 'decision-value')[0].message,
      '"Denied" is a utilization review word; an IMR decision is "Upheld" or "Overturned" (here probably "Overturned" (the rationale concludes the request is medically necessary)).',
    );
    const bare = draft({ items: [item({ name: 'Lumbar MRI', decision: 'Approved', rationale: null })] });
    const [finding] = findingsOf(bare, 'decision-value');
    assert.equal(finding.message, '"Approved" is a utilization review word; an IMR decision is "Upheld" or "Overturned" (here probably "Overturned").');
    assert.equal(finding.fix?.title, 'Change to "Overturned"');
  });

  it('offers both words for a word that is no decision at all', () => {
    const text = draft({ items: [item({ decision: 'Pending review' })] });
    const [finding] = findingsOf(text, 'decision-value');
    assert.equal(finding.fix, undefined);
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Change to "Upheld"', 'Change to "Overturned"'],
    );
  });

  it('reads a misspelt 2013 phrase as the phrase it is nearest, so a slip never turns "medically necessary" into its opposite', () => {
    const necessary = LETTER_2013.replaceAll('is not medically necessary and appropriate', 'is medically necessary and appropriate');
    for (const slip of ['is medically neccessary and appropriate', 'is medicaly necesary and appropriate']) {
      // The decision section's sentence, which the items are read from, misspelt.
      const text = necessary.replace(
        'dispute:\n\n1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is medically necessary',
        `dispute:\n\n1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 ${slip.replace(' and appropriate', '')}`,
      );
      assert.notEqual(text, necessary);
      const [finding, ...rest] = findingsOf(text, 'decision-value');
      assert.equal(rest.length, 0, slip);
      assert.deepEqual(finding.range, rangeOf(text, slip), slip);
      assert.match(finding.message, new RegExp(`^"${slip}" .*"is medically necessary and appropriate"`), slip);
      assert.equal(applyFix(text, finding), necessary, slip);
      assert.deepEqual(findingsOf(necessary, 'decision-value'), []);
    }
  });
});
