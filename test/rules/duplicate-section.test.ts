import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, rangeOf } from '../support/drafts';

describe('duplicate-section', () => {
  it('reports the second title of a section as an error naming the line of the first', () => {
    const text = draft().replace(
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'Clinical Case Summary (continued)\n\nThe applicant later returned to work.\n\nclinical case summary:\n\nHe remained on tramadol.\n\nIMR ISSUES, DECISIONS AND RATIONALES',
    );
    const [finding, ...rest] = findingsOf(text, 'duplicate-section');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'clinical case summary:'));
    assert.match(finding.message, /already appears on line 11; merge the two into one/);
  });

  it('reports every further copy', () => {
    const extra = '\nCLINICAL CASE SUMMARY\n\nMore notes.\n';
    const text = draft() + extra + extra;
    const findings = findingsOf(text, 'duplicate-section');
    assert.deepEqual(
      findings.map((finding) => finding.range.start.line),
      [rangeOf(text, 'CLINICAL CASE SUMMARY', 1).start.line, rangeOf(text, 'CLINICAL CASE SUMMARY', 2).start.line],
    );
  });

  it('does not fire when a title is only mentioned in prose', () => {
    const text = draft({ summary: 'The CLINICAL CASE SUMMARY below was written from the records.' });
    assert.deepEqual(findingsOf(text, 'duplicate-section'), []);
  });
});
