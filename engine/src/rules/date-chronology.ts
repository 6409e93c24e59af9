import { z } from 'zod';
import type { Determination, GuidelineField, TextLine } from '../model/types';
import type { Span } from '../text';
import { defineRule } from './types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_PATTERN =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const DATE = new RegExp(`\\b${MONTH_PATTERN}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b|\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b`, 'gi');
const INJURY_CONTEXT = /(?:injury\s+(?:of|on|dated)|date\s+of\s+injury|injured\s+on|DOI)[:\s]*$/i;
// "In a Utilization Review Report dated ...", "the UR denial of ...", "the utilization review denial/modification dated ...".
const UR_BEFORE =
  /\b(?:utilization\s+review|UR)(?:\s*\(UR\))?(?:\s+(?:report|decision|determination|denial|letter|notice|non-?certification|modification|denial\/modification))*\s+(?:dated|of|on|from|issued\s+on)\s*$/i;
// "a December 8, 2014 Utilization Review Report".
const UR_AFTER = /^\s*(?:utilization\s+review|UR)\b/i;
// A guideline's version written outside a citation: "the MTUS (Effective July 18, 2009)".
const GUIDELINE_VERSION = /(?:\(\s*|\b(?:MTUS|ODG|ACOEM|Guidelines?|Formulary)\b[^.;]{0,60}?)(?:effective|eff\.|updated|revised|adopted|amended)\s*$/i;

/** A date that starts in one line, as indices into its text (the end may pass into the next line), read with the words around it. */
interface WrittenDate {
  start: number;
  end: number;
  text: string;
  date?: Date;
  injury: boolean;
  utilizationReview: boolean;
}

interface FoundDate extends WrittenDate {
  span: Span;
}

const options = z.strictObject({
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'today is a date written yyyy-mm-dd, for example "2016-01-01"')
    .optional()
    .describe('The day dates are compared with instead of today (yyyy-mm-dd), for letters checked long after they were written.'),
});

export const dateChronology = defineRule({
  id: 'date-chronology',
  description: 'Dates in the narrative are real calendar dates, not in the future and not before the date of injury.',
  severity: 'info',
  tags: ['dates'],
  options,
  check(model, context) {
    const today = new Date(context.options.today ?? context.today);
    const inCitation = overlapTest(citationSpans(model));
    const found: FoundDate[] = [];
    const lines = model.textLines;
    lines.forEach((line, index) => {
      // A paragraph wrapped by hand or by PDF extraction: the words that say what a date is may end the line before
      // it ("… Report dated" / "December 8, 2014, …") or open the line after, and the line's end may break the date.
      const trail = !line.blockEnd && index + 1 < lines.length && !lines[index + 1].blockStart ? lines[index + 1].content.text.slice(0, TRAIL) : '';
      // Every date has digits, in its line or, broken after its month, at the start of the next: most lines are passed over.
      if (!/\d/.test(line.content.text) && !/\d/.test(trail)) return;
      const lead = !line.blockStart && index > 0 ? lines[index - 1].content.text.slice(-LEAD) : '';
      for (const written of context.perLine(`${lead}\n${line.content.text}\n${trail}`, datesInContext)) {
        const span = dateSpan(written, line, lines[index + 1]);
        // A guideline's own dates are not events of the case.
        if (inCitation(span)) continue;
        found.push({ ...written, span });
      }
    });
    const injury = found.find((entry) => entry.injury && entry.date);
    for (const entry of found) {
      const span = entry.span;
      if (!entry.date) {
        context.report({ span, message: `"${entry.text}" is not a calendar date; correct the day or the month.` });
      } else if (entry.date > today) {
        context.report({ span, message: `"${entry.text}" is in the future; check the date.` });
      } else if (injury?.date && entry !== injury && entry.utilizationReview && entry.date <= injury.date) {
        context.report({
          span,
          message: `The Utilization Review report is dated ${entry.text}, ${entry.date < injury.date ? 'before' : 'the same day as'} the date of injury (${injury.text}); a review follows the injury, so one of the two dates was probably shifted by typing or redaction.`,
        });
      } else if (injury?.date && !entry.injury && entry.date < injury.date) {
        context.report({
          span,
          message: `"${entry.text}" comes before the date of injury (${injury.text}); check that the dates were not shifted by typing or redaction.`,
        });
      }
    }
  },
});

/** How much of the neighbouring lines of a paragraph is read with a line: the reach of the words before and after a date. */
const LEAD = 80;
const TRAIL = 30;

/**
 * The dates a line names, with what the words before and after them say. `context` is the end of the line before in
 * the same paragraph, the line, and the start of the line after, joined by line breaks; offsets are the line's own. A
 * date that starts in the line is its own, even when the line's end breaks it; the next line's reading starts after it.
 */
function datesInContext(context: string): WrittenDate[] {
  const lineStart = context.indexOf('\n') + 1;
  const lineEnd = context.lastIndexOf('\n');
  const dates: WrittenDate[] = [];
  DATE.lastIndex = lineStart;
  for (let match = DATE.exec(context); match && match.index < lineEnd; match = DATE.exec(context)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = context.slice(Math.max(0, start - 80), start);
    if (GUIDELINE_VERSION.test(before)) continue;
    dates.push({
      start: start - lineStart,
      end: end - lineStart,
      // A date the line's end breaks ("December 8," / "2014") is quoted as if written on one line.
      text: match[0].replace('\n', ' '),
      date: toDate(match),
      // However far a form's columns set the label from its date: the pattern ends at the date.
      injury: INJURY_CONTEXT.test(before),
      utilizationReview: UR_BEFORE.test(before) || UR_AFTER.test(context.slice(end, end + 30)),
    });
  }
  DATE.lastIndex = 0;
  return dates;
}

/** Where a date is in the draft: in its line, or from its line into the next where the line's end breaks it. */
function dateSpan(written: WrittenDate, line: TextLine, next: TextLine): Span {
  const length = line.content.length;
  if (written.end <= length) return line.content.spanOf(written.start, written.end);
  // The next line's text follows the line break that ends this one.
  return { start: line.content.spanOf(written.start, length).start, end: next.content.spanOf(0, written.end - length - 1).end };
}

/** Where the draft's citations are: their dates are the guidelines' own. */
function citationSpans(model: Determination): Span[] {
  const spans: Span[] = [];
  for (const item of model.items) {
    for (const field of item.fields)
      if (field.kind !== 'rationale') for (const citation of (field as GuidelineField).citations ?? []) spans.push(citation.span);
  }
  return spans;
}

/** Whether a span overlaps any of `spans`, by binary search over the spans sorted by start with the furthest end so far. */
function overlapTest(spans: Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const furthest: number[] = [];
  sorted.forEach((span, index) => furthest.push(Math.max(span.end, index > 0 ? furthest[index - 1] : -Infinity)));
  return (span) => {
    // The spans that start before `span` ends: the first `low` of them.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid].start < span.end) low = mid + 1;
      else high = mid;
    }
    return low > 0 && furthest[low - 1] > span.start;
  };
}

function toDate(match: RegExpMatchArray): Date | undefined {
  let year: number;
  let month: number;
  let day: number;
  if (match[1]) {
    const name = match[1].toLowerCase().replace('.', '');
    month = MONTHS.findIndex((candidate) => candidate.startsWith(name.slice(0, 3)));
    day = Number(match[2]);
    year = Number(match[3]);
  } else {
    month = Number(match[4]) - 1;
    day = Number(match[5]);
    year = Number(match[6]);
    if (year < 100) year += year < 70 ? 2000 : 1900;
  }
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return undefined;
  return date;
}
