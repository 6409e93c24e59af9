import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, item, lineOf, rangeOf } from '../support/drafts';
import { LETTER_2013 } from '../support/letters';

const WHY = 'The MTUS does not address the topic. Therefore, the request was not medically necessary.';

describe('mtus-statement', () => {
  it('reports "based on the MTUS" with a Non-MTUS citation at the verb, as an error, and corrects the verb', () => {
    const reviewer = 'The Expert Reviewer based their decision on the MTUS. Decision based on Non-MTUS Citation ODG Low Back Chapter';
    const text = draft({ items: [item({ reviewer, rationale: WHY })] });
    const [finding, ...rest] = findingsOf(text, 'mtus-statement');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    const line = lineOf(text, 'MAXIMUS guideline:');
    // "MAXIMUS guideline: The Expert Reviewer " is 39 characters.
    assert.deepEqual(finding.range, { start: { line, character: 39 }, end: { line, character: 44 } });
    assert.match(finding.message, /says the decision was based on the MTUS, but the citation is "Decision based on Non-MTUS Citation"; make them agree/);
    const fixed = applyFix(text, finding);
    assert.match(fixed, /The Expert Reviewer did not base their decision on the MTUS\. Decision based on Non-MTUS/);
    assert.deepEqual(findingsOf(fixed, 'mtus-statement'), []);
  });

  it('reports "did not base" with an MTUS citation and corrects it to "based"', () => {
    const claims = 'The Claims Administrator did not base its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 78';
    const text = draft({ items: [item({ claims })] });
    const [finding] = findingsOf(text, 'mtus-statement');
    assert.deepEqual(finding.range, rangeOf(text, 'did not base'));
    assert.deepEqual(findingsOf(applyFix(text, finding), 'mtus-statement'), []);
  });

  it('warns when the statement is missing and inserts one that agrees with the citation', () => {
    const text = draft({ items: [item({ reviewer: 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 80' })] });
    const [finding] = findingsOf(text, 'mtus-statement');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, rangeOf(text, 'MAXIMUS guideline'));
    const fixed = applyFix(text, finding);
    assert.match(fixed, /MAXIMUS guideline: The Expert Reviewer based their decision on the MTUS\. Decision based on MTUS/);
    assert.deepEqual(findingsOf(fixed, 'mtus-statement'), []);
  });

  it('warns when the statement speaks of the wrong party and corrects it', () => {
    const reviewer = 'The Claims Administrator based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 80';
    const text = draft({ items: [item({ reviewer })] });
    const [finding] = findingsOf(text, 'mtus-statement');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, rangeOf(text, 'The Claims Administrator', 1));
    assert.match(finding.message, /speaks of "The Expert Reviewer", not "The Claims Administrator"; write "The Expert Reviewer"/);
    assert.deepEqual(findingsOf(applyFix(text, finding), 'mtus-statement'), []);
  });

  it('matches the meaning, not one spelling', () => {
    for (const reviewer of [
      'The Expert Reviewer based his/her decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines',
      'The Expert Reviewer based its decision on the MTUS.Decision based on MTUS Chronic Pain Medical Treatment Guidelines',
      'The expert reviewer based his or her decision on MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines',
      "The Expert Reviewer didn't base their decision on the MTUS. Decision based on Non-MTUS Citation ODG Low Back Chapter",
    ]) {
      const text = draft({ items: [item({ reviewer, rationale: WHY })] });
      assert.deepEqual(findingsOf(text, 'mtus-statement'), [], reviewer);
    }
  });

  it('names each way a statement disagrees with its citation, and the word its fix writes', () => {
    const claims = 'The Claims Administrator did not base its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 78';
    const reviewer = 'The Expert Reviewer based their decision on the MTUS. Decision based on Non-MTUS Citation ODG Low Back Chapter';
    const text = draft({ items: [item({ claims, reviewer, rationale: WHY })] });
    assert.deepEqual(
      findingsOf(text, 'mtus-statement').map((finding) => [finding.message, finding.fix?.title, text.slice(finding.span.start, finding.span.end)]),
      [
        [
          'The statement says the decision was not based on the MTUS, but the citation is "Decision based on MTUS"; make them agree.',
          'Change to "based"',
          'did not base',
        ],
        [
          'The statement says the decision was based on the MTUS, but the citation is "Decision based on Non-MTUS Citation"; make them agree.',
          'Change to "did not base"',
          'based',
        ],
      ],
    );
  });

  it('says which statement a field without one needs, by its citation, and inserts it', () => {
    const text = draft({ items: [item({ reviewer: 'Decision based on Non-MTUS Citation ODG Low Back Chapter', rationale: WHY })] });
    const [finding, ...rest] = findingsOf(text, 'mtus-statement');
    assert.equal(rest.length, 0);
    assert.equal(
      finding.message,
      '"MAXIMUS guideline" does not say whether the decision was based on the MTUS; begin it with "The Expert Reviewer did not base their decision on the MTUS."',
    );
    assert.equal(finding.fix?.title, 'Insert the MTUS statement');
    const fixed = applyFix(text, finding);
    assert.match(fixed, /MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS\. Decision based on Non-MTUS Citation ODG/);
    assert.deepEqual(findingsOf(fixed, 'mtus-statement'), []);
  });

  it('offers no insertion for a field with neither statement nor citation', () => {
    const text = draft({ items: [item({ reviewer: 'The reviewer relied on the records.' })] });
    const [finding, ...rest] = findingsOf(text, 'mtus-statement');
    assert.equal(rest.length, 0);
    assert.match(finding.message, /begin it with "The Expert Reviewer did not base their decision on the MTUS\."$/);
    assert.equal(finding.fix, undefined);
  });

  it('speaks of "The reviewer" for a field whose profile names no subject', () => {
    // The 2013 letters cite in prose and turn this rule off; a configuration may turn it back on.
    const [finding, ...rest] = findingsOf(LETTER_2013, 'mtus-statement', { config: { rules: { 'mtus-statement': 'error' } } });
    assert.equal(rest.length, 0);
    assert.equal(
      finding.message,
      '"Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer" does not say whether the decision was based on the MTUS; begin it with "The reviewer did not base their decision on the MTUS."',
    );
  });

  it('reads a subject broken over a line or spaced twice as the same subject, and names the right one in its fix', () => {
    const spaced = 'The  Expert\n  Reviewer based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 80';
    assert.deepEqual(findingsOf(draft({ items: [item({ reviewer: spaced })] }), 'mtus-statement'), []);
    const reviewer = 'The Claims Administrator based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 80';
    const [finding] = findingsOf(draft({ items: [item({ reviewer })] }), 'mtus-statement');
    assert.equal(finding.fix?.title, 'Change to "The Expert Reviewer"');
  });

  it('asks a field citing the MTUS without a statement to say it was based on the MTUS', () => {
    const text = draft({ items: [item({ reviewer: 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 80' })] });
    assert.equal(
      findingsOf(text, 'mtus-statement')[0].message,
      '"MAXIMUS guideline" does not say whether the decision was based on the MTUS; begin it with "The Expert Reviewer based their decision on the MTUS."',
    );
  });
});
