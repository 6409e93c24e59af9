// A draft cut into its sections by the profile's titles: titles as headings, capitals or run on into their first
// line, the lines under each, and lines that nearly are titles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveProfile } from '../../engine/src/config/profiles';
import { buildDetermination } from '../../engine/src/model/build';
import { caDwcImr } from '../../engine/src/profiles/builtin';
import type { Profile } from '../../engine/src/profiles/types';
import type { Determination } from '../../engine/src/model/types';
import { draft, rangeOf, SUMMARY } from '../support/drafts';

const build = (text: string): Determination => buildDetermination(text, (requested) => resolveProfile(requested));
const ids = (text: string): string[] => build(text).sections.map((section) => section.id);
const near = (text: string): string[] => build(text).nearTitles.map((title) => `${title.text} -> ${title.spec.id}`);

describe('sections', () => {
  it('spans each section from its title to its last line, the body from its first line', () => {
    const text = draft();
    const model = build(text);
    const summary = model.sections[1];
    assert.equal(summary.id, 'case-summary');
    assert.deepEqual(summary.heading.range, rangeOf(text, 'CLINICAL CASE SUMMARY'));
    assert.deepEqual(summary.range, { start: rangeOf(text, 'CLINICAL CASE SUMMARY').start, end: rangeOf(text, SUMMARY).end });
    assert.deepEqual(summary.body.range, rangeOf(text, SUMMARY));
    assert.deepEqual(
      summary.lines.map((line) => line.content.text),
      [SUMMARY],
    );
    // The text before the first title is the preamble.
    assert.deepEqual(model.preamble, []);
  });

  it('gives a section with nothing under it an empty body at the end of its title', () => {
    const text = 'Dear applicant,\n\nCLINICAL CASE SUMMARY\n\nIMR ISSUES, DECISIONS AND RATIONALES\n';
    const model = build(text);
    const [summary, issues] = model.sections;
    const end = text.indexOf('CLINICAL CASE SUMMARY') + 'CLINICAL CASE SUMMARY'.length;
    assert.deepEqual(summary.body.span, { start: end, end });
    assert.deepEqual(summary.span, { start: end - 'CLINICAL CASE SUMMARY'.length, end });
    assert.deepEqual(issues.lines, []);
    assert.deepEqual(
      model.preamble.map((line) => line.content.text),
      ['Dear applicant,'],
    );
  });

  it('reads headings of any depth as titles and keeps their depth', () => {
    const model = build('## CLINICAL CASE SUMMARY\n\nThe applicant is 52.\n\nIMR ISSUES, DECISIONS AND RATIONALES\n');
    assert.deepEqual(
      model.sections.map((section) => [section.id, section.depth]),
      [
        ['case-summary', 2],
        ['issues', 0],
      ],
    );
  });

  it('reads a title that runs on into its first line, the rest as the first line of the section', () => {
    const text = 'Clinical Case Summary: The applicant is a 52-year-old clerk.\n\nMore text.\n';
    const [section] = build(text).sections;
    assert.equal(section.id, 'case-summary');
    assert.equal(section.heading.text, 'Clinical Case Summary:');
    assert.deepEqual(
      section.lines.map((line) => [line.content.text, line.blockStart]),
      [
        ['The applicant is a 52-year-old clerk.', true],
        ['More text.', true],
      ],
    );
    assert.deepEqual(section.lines[0].content.spanOf(0, 3), { start: text.indexOf('The'), end: text.indexOf('The') + 3 });
    assert.deepEqual(section.body.range, { start: rangeOf(text, 'The applicant').start, end: rangeOf(text, 'More text.').end });
  });

  it('reads a run-in title only with its colon between 4 and 100 characters in and text after it', () => {
    // Too short a lead, or a lead that is a sentence, is prose that holds a colon.
    assert.deepEqual(ids('Re: CLINICAL CASE SUMMARY\n'), []);
    assert.deepEqual(ids(`${'x'.repeat(101)}: the summary\n`), []);
    // A title ending in its colon with nothing after it is a title alone.
    const [section] = build('Clinical Case Summary:\n\nThe applicant is 52.\n').sections;
    assert.deepEqual([section.id, section.heading.text], ['case-summary', 'Clinical Case Summary:']);
  });

  it('never takes a title from a list item, a quotation or a line over 160 characters', () => {
    assert.deepEqual(ids('- CLINICAL CASE SUMMARY\n'), []);
    assert.deepEqual(ids('> CLINICAL CASE SUMMARY\n'), []);
    assert.deepEqual(ids(`CLINICAL CASE SUMMARY${' '.repeat(0)}: ${'a'.repeat(150)}\n`), []);
    assert.deepEqual(ids(`CLINICAL CASE SUMMARY: ${'a'.repeat(130)}\n`), ['case-summary']);
  });

  it('keeps lines that nearly are titles, when they are shaped like titles', () => {
    // A misspelt title: in capitals, as a heading, or a short paragraph that ends with a colon.
    assert.deepEqual(near('CLINICAL CASE SUMARY\n'), ['CLINICAL CASE SUMARY -> case-summary']);
    assert.deepEqual(near('### Clinical Case Sumary\n'), ['Clinical Case Sumary -> case-summary']);
    assert.deepEqual(near('Clinical Case Sumary:\n'), ['Clinical Case Sumary: -> case-summary']);
    // The same words in a sentence's case, without a colon, or running on, are prose.
    assert.deepEqual(near('Clinical case sumary\n'), []);
    assert.deepEqual(near('Clinical Case Sumary:\nThe applicant is 52.\n'), []);
    // Too short or too long to be a title.
    assert.deepEqual(near('SUMMA\n'), []);
    assert.deepEqual(near(`${'CLINICAL CASE SUMARY '.repeat(7)}\n`), []);
    // Capitals need a letter: digits and punctuation alone are no title.
    assert.deepEqual(near('1234 5678 -- 90\n'), []);
  });

  it('puts a near title in the section it stands in', () => {
    const model = build('CLINICAL CASE SUMMARY\n\nIMR ISUES, DECISIONS AND RATIONALES\n\nText.\n');
    assert.deepEqual(
      model.sections.map((section) => [section.id, section.lines.map((line) => line.content.text)]),
      [['case-summary', ['IMR ISUES, DECISIONS AND RATIONALES', 'Text.']]],
    );
    assert.deepEqual(
      model.nearTitles.map((title) => [title.text, title.spec.id, title.range]),
      [
        [
          'IMR ISUES, DECISIONS AND RATIONALES',
          'issues',
          rangeOf('CLINICAL CASE SUMMARY\n\nIMR ISUES, DECISIONS AND RATIONALES\n', 'IMR ISUES, DECISIONS AND RATIONALES'),
        ],
      ],
    );
  });

  it("runs a profile's own title into its first line only with its colon 4 to 100 characters in", () => {
    const title = (length: number): string => `Findings ${'x'.repeat(length - 9)}`;
    const profile: Profile = {
      ...caDwcImr,
      sections: [
        ...caDwcImr.sections,
        { id: 'dx', title: 'Dx', aliases: [], required: false },
        { id: 'plan', title: 'Plan', aliases: [], required: false },
        { id: 'hundred', title: title(100), aliases: [], required: false },
        { id: 'longer', title: title(101), aliases: [], required: false },
      ],
    };
    const read = (text: string): string[] =>
      buildDetermination(text, () => profile).sections.map((section) => `${section.id}: ${section.lines.map((line) => line.content.text).join(' / ')}`);
    assert.deepEqual(read('Dx\n\nChronic pain.\n'), ['dx: Chronic pain.']);
    assert.deepEqual(read('Dx: chronic pain\n'), []);
    assert.deepEqual(read('Plan: rest\n'), ['plan: rest']);
    assert.deepEqual(read(`${title(100)}: the findings\n`), ['hundred: the findings']);
    assert.deepEqual(read(`${title(101)}\n\nThe findings.\n`), ['longer: The findings.']);
    assert.deepEqual(read(`${title(101)}: the findings\n`), []);
  });
});
