import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, item, lineOf, rangeOf } from '../support/drafts';

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
});
