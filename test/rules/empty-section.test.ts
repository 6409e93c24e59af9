import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, rangeOf } from '../support/drafts';

describe('empty-section', () => {
  it('reports a title with nothing under it, and fills it with the standard opening', () => {
    const text = draft().replace(/CLINICAL CASE SUMMARY\n\n.*\n\n/, 'CLINICAL CASE SUMMARY\n\n');
    const [finding, ...rest] = findingsOf(text, 'empty-section');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'CLINICAL CASE SUMMARY'));
    assert.match(finding.message, /is empty; write its content under the title/);
    const fixed = applyFix(text, finding);
    assert.match(
      fixed,
      /CLINICAL CASE SUMMARY\n\nThe expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:\n\nIMR ISSUES/,
    );
    assert.deepEqual(findingsOf(fixed, 'empty-section'), []);
  });

  it('counts a section with only a comment or blank lines as empty', () => {
    const text = draft().replace(/CLINICAL CASE SUMMARY\n\n.*\n\n/, 'CLINICAL CASE SUMMARY\n\n<!-- to be written -->\n\n   \n\n');
    assert.equal(findingsOf(text, 'empty-section').length, 1);
  });

  it('uses the line ends of a CRLF draft in the inserted text', () => {
    const text = draft()
      .replace(/CLINICAL CASE SUMMARY\n\n.*\n\n/, 'CLINICAL CASE SUMMARY\n\n')
      .replace(/\n/g, '\r\n');
    const fixed = applyFix(text, findingsOf(text, 'empty-section')[0]);
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
    assert.deepEqual(findingsOf(fixed, 'empty-section'), []);
  });

  it('has no fix for a section the profile gives no standard text', () => {
    const text = draft({ frontMatter: 'profile: ca-dwc-imr-2015' }).replace('CLINICAL CASE SUMMARY', 'DOCUMENTS REVIEWED\n\nCLINICAL CASE SUMMARY');
    const [finding] = findingsOf(text, 'empty-section');
    assert.deepEqual(finding.range, rangeOf(text, 'DOCUMENTS REVIEWED'));
    assert.equal(finding.fix, undefined);
  });

  it('does not fire on sections with content', () => {
    assert.deepEqual(findingsOf(draft(), 'empty-section'), []);
  });

  it('names the empty section as titled, without the spaces after it, and what its fix inserts', () => {
    const text = draft().replace(/CLINICAL CASE SUMMARY\n\n.*\n\n/, 'CLINICAL CASE SUMMARY   \n\n');
    const [finding] = findingsOf(text, 'empty-section');
    assert.equal(finding.message, 'Section "CLINICAL CASE SUMMARY" is empty; write its content under the title.');
    assert.equal(finding.fix?.title, 'Insert the standard opening text');
  });
});
