import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, INTRO, item, rangeOf, SUMMARY } from '../support/drafts';

describe('section-order', () => {
  it('reports a section that comes after one the profile orders later, as a warning', () => {
    const text = [
      'CLINICAL CASE SUMMARY',
      SUMMARY,
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'The Expert Reviewer has the following credentials:',
      'State(s) of Licensure: Texas',
      'Certification(s)/Specialty: Preventive Medicine',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      INTRO,
      item(),
    ].join('\n\n');
    const [finding, ...rest] = findingsOf(text, 'section-order');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 40 } });
    assert.deepEqual(finding.range, rangeOf(text, 'HOW THE IMR FINAL DETERMINATION WAS MADE'));
    assert.match(finding.message, /Move "HOW THE IMR FINAL DETERMINATION WAS MADE" before "CLINICAL CASE SUMMARY"/);
    assert.equal(finding.fix, undefined);
  });

  it('reports each out-of-place section once, not the ones after it that are in order', () => {
    const text = draft().replace(/CLINICAL CASE SUMMARY\n\n.*\n\n(IMR ISSUES[^]*)$/, '$1\nCLINICAL CASE SUMMARY\n\nThe applicant reported low back pain.\n');
    const findings = findingsOf(text, 'section-order');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range, rangeOf(text, 'CLINICAL CASE SUMMARY'));
  });

  it('does not fire on sections in order, nor on a second copy of a section (duplicate-section reports that)', () => {
    assert.deepEqual(findingsOf(draft(), 'section-order'), []);
    const twice = `${draft()}\nCLINICAL CASE SUMMARY\n\nAn addendum.\n`;
    assert.deepEqual(findingsOf(twice, 'section-order'), []);
  });

  it('follows the order of the 2013 profile, where the notice comes first', () => {
    const sentence = '1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.';
    const text = [
      '---\nprofile: ca-dwc-imr-2013\n---',
      'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
      sentence,
      'Notice of Independent Medical Review Determination',
      sentence,
      'Case Summary:',
      SUMMARY,
    ].join('\n\n');
    const [finding, ...rest] = findingsOf(text, 'section-order');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Notice of Independent Medical Review Determination'));
  });

  it('names the section to move and the title it goes before, as written without its markup and spaces', () => {
    const text = draft({ titles: ['**CLINICAL CASE SUMMARY**  ', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'IMR ISSUES, DECISIONS AND RATIONALES'] });
    assert.deepEqual(
      findingsOf(text, 'section-order').map((finding) => finding.message),
      ['Move "HOW THE IMR FINAL DETERMINATION WAS MADE" before "CLINICAL CASE SUMMARY": the profile "ca-dwc-imr" orders it earlier.'],
    );
  });
});
