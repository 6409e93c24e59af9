import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, rangeOf } from '../support/drafts';

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
});
