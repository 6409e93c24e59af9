import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import type { LintOptions } from '../../engine/src/lint';
import { draft, findingsOf, item, rangeOf } from '../support/drafts';

const injury = 'The applicant filed a claim for low back pain reportedly associated with an industrial injury of December 8, 2014.';

describe('date-chronology', () => {
  it('notes a date before the date of injury, as info at most', () => {
    const text = draft({ summary: `${injury} In a September 9, 2014 progress note, the applicant reported pain.` });
    const [finding, ...rest] = findingsOf(text, 'date-chronology');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'info');
    assert.deepEqual(finding.range, rangeOf(text, 'September 9, 2014'));
    assert.match(finding.message, /comes before the date of injury \(December 8, 2014\); check that the dates were not shifted/);
  });

  it('notes a date that is not on the calendar and one in the future', () => {
    const text = draft({ summary: `${injury} A report dated February 30, 2015 and a visit on 07/14/2031 are in the file.` });
    const findings = findingsOf(text, 'date-chronology', { today: '2025-06-30' });
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.range, finding.message]),
      [
        ['info', rangeOf(text, 'February 30, 2015'), '"February 30, 2015" is not a calendar date; correct the day or the month.'],
        ['info', rangeOf(text, '07/14/2031'), '"07/14/2031" is in the future; check the date.'],
      ],
    );
  });

  it('takes a date on the day of the check for today, not the future; the next day is the future', () => {
    const text = draft({ summary: `${injury} The reviewer received the records on June 30, 2025 and a follow-up is set for July 1, 2025.` });
    const findings = findingsOf(text, 'date-chronology', { today: '2025-06-30' });
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.range, finding.message]),
      [['info', rangeOf(text, 'July 1, 2025'), '"July 1, 2025" is in the future; check the date.']],
    );
    assert.deepEqual(findingsOf(text, 'date-chronology', { today: '2025-07-01' }), []);
  });

  it('reads the date of injury in its usual phrasings', () => {
    for (const phrase of ['date of injury: December 8, 2014', 'DOI 12/08/2014', 'injured on December 8, 2014']) {
      const text = draft({ summary: `The applicant's ${phrase}. A note from 11/02/2014 is on file.` });
      assert.equal(findingsOf(text, 'date-chronology').length, 1, phrase);
    }
  });

  it('does not fire on dates in order, on fractions or on doses', () => {
    const text = draft({ summary: `${injury} In a January 5, 2015 note, pain was 6/10 on Norco 10/325 mg; a follow-up on 02/03/15 found 4/10.` });
    assert.deepEqual(findingsOf(text, 'date-chronology'), []);
  });

  it('never counts the dates of a guideline citation, as events or as the injury date', () => {
    const reviewer =
      'The Expert Reviewer based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, MTUS (Effective July 18, 2009) Page(s): 79-80, Weaning of Medications';
    const text = draft({ summary: `${injury} In a January 5, 2015 note, pain was 6/10.`, items: [item({ reviewer })] });
    assert.deepEqual(findingsOf(text, 'date-chronology'), []);
    // Without a date of injury in the narrative, the citation's date does not become one.
    const noInjury = draft({
      summary: 'In a January 5, 2015 note, pain was 6/10. A December 2, 2008 operative report is on file.',
      items: [item({ reviewer })],
    });
    assert.deepEqual(findingsOf(noInjury, 'date-chronology'), []);
  });

  it('never counts a guideline version named in prose', () => {
    const rationale =
      'The MTUS Chronic Pain Medical Treatment Guidelines (Effective July 18, 2009) support opioids only with documented improvement in function. Therefore, the request was not medically necessary.';
    const text = draft({ summary: injury, items: [item({ rationale })] });
    assert.deepEqual(findingsOf(text, 'date-chronology'), []);
  });

  it("notes a Utilization Review report dated on the day of injury, at the report's date", () => {
    const text = draft({ summary: `${injury} In a Utilization Review Report dated December 8, 2014, the claims administrator failed to approve the request.` });
    const [finding, ...rest] = findingsOf(text, 'date-chronology');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'info');
    assert.deepEqual(finding.range, rangeOf(text, 'December 8, 2014', 1));
    assert.equal(
      finding.message,
      'The Utilization Review report is dated December 8, 2014, the same day as the date of injury (December 8, 2014); a review follows the injury, so one of the two dates was probably shifted by typing or redaction.',
    );
    assert.equal(finding.fix, undefined);
    // Once the report's date is corrected, nothing is left to note.
    assert.deepEqual(findingsOf(text.replace('Report dated December 8, 2014', 'Report dated January 8, 2015'), 'date-chronology'), []);
  });

  it('reads the words that say what a date is across the line breaks of a wrapped paragraph', () => {
    // As PDF extraction or a hand-wrapped paragraph leaves it: the injury and the report's date each open a line.
    const summary = [
      'The applicant reported an industrial injury of',
      'December 8, 2014. In a Utilization Review Report dated',
      'December 8, 2014, the claims administrator failed to approve the request.',
    ].join('\n');
    const text = draft({ summary });
    const findings = findingsOf(text, 'date-chronology');
    assert.deepEqual(
      findings.map((finding) => [finding.range, finding.message.slice(0, 60)]),
      [[rangeOf(text, 'December 8, 2014', 1), 'The Utilization Review report is dated December 8, 2014, the']],
    );
    // Paragraphs apart, the words of one say nothing of a date opening the other.
    assert.deepEqual(findingsOf(draft({ summary: summary.replaceAll('\n', '\n\n') }), 'date-chronology'), []);
  });

  it('notes a Utilization Review report dated before the injury once, in its usual phrasings', () => {
    for (const [sentence, date] of [
      ['In a Utilization Review Report dated June 2, 2014, the claims administrator denied the request.', 'June 2, 2014'],
      ['The UR decision of 11/20/2014 non-certified the request.', '11/20/2014'],
      ['A November 20, 2014 utilization review report denied the request.', 'November 20, 2014'],
      ['The following case summary was taken directly from the utilization review denial/modification dated October 1, 2014.', 'October 1, 2014'],
    ]) {
      const text = draft({ summary: `${injury} ${sentence}` });
      const findings = findingsOf(text, 'date-chronology');
      assert.deepEqual(
        findings.map((finding) => [finding.range, finding.message.startsWith(`The Utilization Review report is dated ${date}, before the date of injury`)]),
        [[rangeOf(text, date), true]],
        sentence,
      );
    }
  });

  it("notes the seed's Utilization Review report, dated on its day of injury, beside its early progress note", () => {
    const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
    assert.deepEqual(
      findingsOf(seed, 'date-chronology').map((finding) => [finding.range, finding.message.slice(0, 40)]),
      [
        [rangeOf(seed, 'December 8, 2014', 1), 'The Utilization Review report is dated D'],
        [rangeOf(seed, 'September 9, 2014'), '"September 9, 2014" comes before the dat'],
      ],
    );
  });

  it('reads two-digit years from 70 on as the 1900s, and a month past December as no date', () => {
    const summary = 'The applicant was hired on 6/1/70 and rehired on 6/1/85. Notes dated 13/01/2014, Sept. 3, 2014 and Jan. 5, 2015 are in the file.';
    const text = draft({ summary });
    assert.deepEqual(
      findingsOf(text, 'date-chronology').map((finding) => [finding.range, finding.message]),
      [[rangeOf(text, '13/01/2014'), '"13/01/2014" is not a calendar date; correct the day or the month.']],
    );
  });

  it('never counts a date inside any citation of a field, first, middle or last, yet still reads the rationale after them', () => {
    const claims =
      'The Claims Administrator based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, July 18, 2009, page 78';
    const reviewer =
      'The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter, Opioids, online edition of 05/10/2013; ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 6, page 115, version of April 1, 2004';
    const rationale =
      'In a progress note of November 3, 2014, the applicant reported no improvement in function on opioids. Therefore, the request was not medically necessary.';
    const text = draft({ summary: injury, items: [item({ claims, reviewer, rationale })] });
    assert.deepEqual(
      findingsOf(text, 'date-chronology').map((finding) => [finding.range, finding.message]),
      [
        [
          rangeOf(text, 'November 3, 2014'),
          '"November 3, 2014" comes before the date of injury (December 8, 2014); check that the dates were not shifted by typing or redaction.',
        ],
      ],
    );
    // The progress note's date corrected, the citations' dates still say nothing.
    assert.deepEqual(findingsOf(text.replace('November 3, 2014', 'January 3, 2015'), 'date-chronology'), []);
  });

  it('reads "utilization review" opening the next line of a paragraph after a date that ends a line, but not from the next paragraph', () => {
    const summary = `${injury} In a November 20, 2014\nutilization review report, the claims administrator denied the request.`;
    const text = draft({ summary });
    assert.deepEqual(
      findingsOf(text, 'date-chronology').map((finding) => [finding.range, finding.message]),
      [
        [
          rangeOf(text, 'November 20, 2014'),
          'The Utilization Review report is dated November 20, 2014, before the date of injury (December 8, 2014); a review follows the injury, so one of the two dates was probably shifted by typing or redaction.',
        ],
      ],
    );
    // A paragraph that ends with the date and one that opens with "Utilization review" are two things.
    const apart = draft({ summary: `${injury} A progress note is dated November 20, 2014\n\nUtilization review followed the request for authorization.` });
    assert.deepEqual(
      findingsOf(apart, 'date-chronology').map((finding) => [finding.range, finding.message.slice(0, 60)]),
      [[rangeOf(apart, 'November 20, 2014'), '"November 20, 2014" comes before the date of injury (Decembe']],
    );
  });

  it('does not take the date of injury for a Utilization Review report when a form line names the review after it', () => {
    // As a header pasted from the application form: the injury's date is followed by the review's label.
    const summary = 'Date of Injury: 12/08/2014    UR Date: 12/20/2014    IMR Application: 01/05/2015';
    const text = draft({ summary });
    assert.deepEqual(findingsOf(text, 'date-chronology'), []);
    // A review written before that injury is still noted.
    const early = draft({ summary: summary.replace('UR Date: 12/20/2014', 'UR Date: 12/02/2014') });
    assert.deepEqual(
      findingsOf(early, 'date-chronology').map((finding) => [finding.range, finding.message.slice(0, 40)]),
      [[rangeOf(early, '12/02/2014'), '"12/02/2014" comes before the date of in']],
    );
  });

  it('reads a four-digit year as written, so a typed 0100 is not the year 2000', () => {
    const text = draft({ summary: 'The applicant was injured on March 3, 1999. A progress note dated 03/15/0100 is on file.' });
    assert.deepEqual(
      findingsOf(text, 'date-chronology').map((finding) => [finding.range, finding.message]),
      [
        [
          rangeOf(text, '03/15/0100'),
          '"03/15/0100" comes before the date of injury (March 3, 1999); check that the dates were not shifted by typing or redaction.',
        ],
      ],
    );
    assert.deepEqual(findingsOf(text.replace('03/15/0100', '03/15/2010'), 'date-chronology'), []);
  });

  it('reads the date of injury from a form pasted with its columns, however far the label stands from the date', () => {
    // As text extracted from the application's form keeps its layout: the label, a run of spaces, the date.
    const form = `Date of Injury:${' '.repeat(44)}12/08/2014`;
    const text = draft({ summary: `${form}\n\nIn a progress note of 11/02/2014, the applicant reported low back pain.` });
    assert.deepEqual(
      findingsOf(text, 'date-chronology').map((finding) => [finding.range, finding.message]),
      [
        [
          rangeOf(text, '11/02/2014'),
          '"11/02/2014" comes before the date of injury (12/08/2014); check that the dates were not shifted by typing or redaction.',
        ],
      ],
    );
    assert.deepEqual(findingsOf(text.replace('11/02/2014', '01/02/2015'), 'date-chronology'), []);
  });

  it('reads a date that the end of a wrapped line breaks in two, quotes it on one line and marks it across the break', () => {
    // As PDF extraction wraps a paragraph: the injury's date and a progress note's date each broken by a line end.
    const summary = [
      'The applicant filed a claim for low back pain reportedly associated with an industrial injury of December 8,',
      '2014. The applicant was treated with physical therapy and medications.',
      'In a progress note dated September',
      '9, 2014, the applicant reported pain.',
    ].join('\n');
    const text = draft({ summary });
    assert.deepEqual(
      findingsOf(text, 'date-chronology').map((finding) => [finding.range, finding.message]),
      [
        [
          { start: rangeOf(text, 'September').start, end: rangeOf(text, '9, 2014').end },
          '"September 9, 2014" comes before the date of injury (December 8, 2014); check that the dates were not shifted by typing or redaction.',
        ],
      ],
    );
    // The note's date corrected, the paragraph has nothing left to note.
    assert.deepEqual(findingsOf(text.replace('September\n9, 2014', 'January\n9, 2015'), 'date-chronology'), []);
  });

  it('compares with the day its "today" option names, for a letter checked long after it was written', () => {
    const text = draft({ summary: 'The applicant was injured on December 8, 2014. A progress note dated March 2, 2015 is on file.' });
    assert.deepEqual(findingsOf(text, 'date-chronology'), []);
    const config = { rules: { 'date-chronology': ['info', { today: '2015-01-01' }] } } satisfies LintOptions['config'];
    assert.deepEqual(
      findingsOf(text, 'date-chronology', { config }).map((finding) => [finding.range, finding.message]),
      [[rangeOf(text, 'March 2, 2015'), '"March 2, 2015" is in the future; check the date.']],
    );
  });
});
