import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, problems, rangeOf } from '../support/drafts';

const HOW = 'HOW THE IMR FINAL DETERMINATION WAS MADE';
const SUMMARY = 'CLINICAL CASE SUMMARY';
const ISSUES = 'IMR ISSUES, DECISIONS AND RATIONALES';

describe('required-section', () => {
  it('reports a missing section at the title of the section that should follow it, with an error', () => {
    const text = draft({ titles: [HOW, null, ISSUES] });
    const [finding, ...rest] = findingsOf(text, 'required-section');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /Add the required section "CLINICAL CASE SUMMARY"/);
    assert.deepEqual(finding.range, rangeOf(text, ISSUES));
  });

  it('inserts the missing section, with its standard opening, where the profile orders it', () => {
    const text = draft({ titles: [HOW, null, ISSUES] });
    const fixed = applyFix(text, findingsOf(text, 'required-section')[0]);
    assert.deepEqual(findingsOf(fixed, 'required-section'), []);
    const summaryAt = fixed.indexOf(SUMMARY);
    assert.ok(summaryAt > fixed.indexOf('Certification(s)/Specialty:') && summaryAt < fixed.indexOf(ISSUES));
    assert.match(fixed, /CLINICAL CASE SUMMARY\n\nThe expert reviewer developed the following clinical case summary/);
  });

  it('appends a missing last section at the end of the draft', () => {
    const text = draft({ titles: [HOW, SUMMARY, null] });
    const [finding] = findingsOf(text, 'required-section');
    assert.deepEqual(finding.range, rangeOf(text, SUMMARY));
    const fixed = applyFix(text, finding);
    assert.ok(fixed.startsWith(text));
    assert.ok(fixed.endsWith(`\n\n${ISSUES}\n\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n`));
    assert.deepEqual(findingsOf(fixed, 'required-section'), []);
  });

  it('keeps the heading style of the draft in the inserted title', () => {
    const text = draft({ titles: [`## ${HOW}`, null, `## ${ISSUES}`] });
    const fixed = applyFix(text, findingsOf(text, 'required-section')[0]);
    assert.match(fixed, /\n## CLINICAL CASE SUMMARY\n/);
  });

  it('offers to correct a misspelt title instead of inserting a second one', () => {
    const text = draft({ titles: [HOW, 'CLINCAL CASE SUMMARY', ISSUES] });
    const [finding] = findingsOf(text, 'required-section');
    assert.deepEqual(finding.range, rangeOf(text, 'CLINCAL CASE SUMMARY'));
    assert.match(finding.message, /misspelt/);
    const fixed = applyFix(text, finding);
    assert.equal(fixed, text.replace('CLINCAL CASE SUMMARY', SUMMARY));
    assert.deepEqual(problems(fixed), []);
  });

  it('recognises a misspelt title paragraph in lower case with a colon', () => {
    const text = draft({ titles: [HOW, 'Clinical case sumary:', ISSUES] });
    const [finding] = findingsOf(text, 'required-section');
    assert.deepEqual(finding.range, rangeOf(text, 'Clinical case sumary:'));
    assert.deepEqual(findingsOf(applyFix(text, finding), 'required-section'), []);
  });

  it('reports every section of an empty draft at its start', () => {
    const findings = findingsOf('', 'required-section');
    assert.deepEqual(
      findings.map((finding) => finding.range),
      [0, 1, 2].map(() => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })),
    );
  });

  it('does not fire when every section is present, whatever the title form', () => {
    for (const titles of [
      [HOW, SUMMARY, ISSUES],
      [`# ${HOW}`, `### ${SUMMARY}`, `###### ${ISSUES}`],
      ['How the IMR final determination was made:', 'Clinical Case Summary:', 'imr issues, decisions and rationales'],
      [`**${HOW}**`, `**${SUMMARY}**`, 'IMR ISSUES, DECISIONS, AND RATIONALES'],
    ] as [string, string, string][]) {
      assert.deepEqual(findingsOf(draft({ titles }), 'required-section'), [], titles.join(' / '));
    }
  });

  it('checks the sections of the profile the front matter names', () => {
    const text = draft({ frontMatter: 'profile: ca-dwc-imr-2015', titles: [HOW, SUMMARY, 'IMR DECISION(S) AND RATIONALE(S)'] });
    const [finding, ...rest] = findingsOf(text, 'required-section');
    assert.equal(rest.length, 0);
    assert.match(finding.message, /"DOCUMENTS REVIEWED"/);
    assert.deepEqual(finding.range, rangeOf(text, SUMMARY));
  });
});

describe('required-section: the inserted section at the end, however the draft ends', () => {
  const ISSUES_BLOCK = `${ISSUES}\n\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n`;
  const base = draft({ titles: [HOW, SUMMARY, null] }).replace(/\n+$/, '');

  it('adds a blank line before it after a last line with no break, one break after a single break, none after a blank line', () => {
    for (const [ending, expected] of [
      ['', `${base}\n\n${ISSUES_BLOCK}`],
      ['\n', `${base}\n\n${ISSUES_BLOCK}`],
      ['\n\n', `${base}\n\n${ISSUES_BLOCK}`],
      ['\n\n  \n', `${base}\n\n  \n${ISSUES_BLOCK}`],
    ]) {
      const text = `${base}${ending}`;
      const [finding] = findingsOf(text, 'required-section');
      assert.equal(finding.fix!.title, `Insert section "${ISSUES}"`);
      assert.equal(applyFix(text, finding), expected, JSON.stringify(ending));
    }
  });

  it('writes CRLF line breaks into a CRLF draft', () => {
    const text = `${base.replace(/\n/g, '\r\n')}\r\n`;
    const fixed = applyFix(text, findingsOf(text, 'required-section')[0]);
    assert.equal(fixed, `${text}\r\n${ISSUES_BLOCK.replace(/\n/g, '\r\n')}`);
  });

  it('reports every section of a draft without titles on its first line, and of an empty draft at its start', () => {
    const text = 'The applicant has low back pain.\nMore notes follow here.\n';
    const findings = findingsOf(text, 'required-section');
    assert.deepEqual(
      findings.map((finding) => [finding.span.start, finding.span.end]),
      [
        [0, 32],
        [0, 32],
        [0, 32],
      ],
    );
    assert.ok(applyFix(text, findings[0]).startsWith(`${text}\n${HOW}\n\nMAXIMUS Federal Services sent the complete case file`));
    assert.deepEqual(
      findingsOf('', 'required-section').map((finding) => [finding.span.start, finding.span.end, finding.fix!.edits[0].newText.split('\n')[0]]),
      [
        [0, 0, HOW],
        [0, 0, SUMMARY],
        [0, 0, ISSUES],
      ],
    );
  });

  it('offers the corrected title of a misspelt one under its own name', () => {
    const text = draft({ titles: [HOW, 'CLINICAL CASE SUMARY', ISSUES] });
    const [finding] = findingsOf(text, 'required-section');
    assert.equal(finding.message, `Section "${SUMMARY}" is missing; this line looks like its title misspelt. Correct the title.`);
    assert.equal(finding.fix!.title, `Change to "${SUMMARY}"`);
  });

  it('inserts a section the profile gives no standard opening as its title alone', () => {
    const text = draft({ frontMatter: 'profile: ca-dwc-imr-2015', titles: [HOW, SUMMARY, 'IMR DECISION(S) AND RATIONALE(S)'] });
    const [finding] = findingsOf(text, 'required-section');
    assert.equal(finding.message, 'Add the required section "DOCUMENTS REVIEWED".');
    assert.equal(finding.fix!.title, 'Insert section "DOCUMENTS REVIEWED"');
    const fixed = applyFix(text, finding);
    assert.equal(fixed, text.replace(`\n${SUMMARY}\n`, `\nDOCUMENTS REVIEWED\n\n${SUMMARY}\n`));
    assert.deepEqual(findingsOf(fixed, 'required-section'), []);
  });

  it('takes a misspelt title for its own section only, and reports another missing section as missing', () => {
    const text = draft({ titles: [HOW, 'CLINCAL CASE SUMMARY', null] });
    assert.deepEqual(
      findingsOf(text, 'required-section').map((finding) => [finding.range.start.line, finding.message.replace(/[;.] .*/, '')]),
      [
        [0, 'Add the required section "IMR ISSUES, DECISIONS AND RATIONALES".'],
        [rangeOf(text, 'CLINCAL CASE SUMMARY').start.line, 'Section "CLINICAL CASE SUMMARY" is missing'],
      ],
    );
  });
});
