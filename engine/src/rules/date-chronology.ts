import { z } from 'zod';
import type { TextLine } from '../model/types';
import { defineRule } from './types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_PATTERN =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const DATE = new RegExp(`\\b${MONTH_PATTERN}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b|\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b`, 'gi');
const INJURY_CONTEXT = /(?:injury\s+(?:of|on|dated)|date\s+of\s+injury|injured\s+on|DOI)[:\s]*$/i;

interface FoundDate {
  line: TextLine;
  start: number;
  end: number;
  text: string;
  date?: Date;
  injury: boolean;
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
    const found: FoundDate[] = [];
    for (const line of model.textLines) {
      for (const match of line.content.text.matchAll(DATE)) {
        const start = match.index ?? 0;
        const before = line.content.text.slice(Math.max(0, start - 40), start);
        found.push({ line, start, end: start + match[0].length, text: match[0], date: toDate(match), injury: INJURY_CONTEXT.test(before) });
      }
    }
    const injury = found.find((entry) => entry.injury && entry.date);
    for (const entry of found) {
      const span = entry.line.content.spanOf(entry.start, entry.end);
      if (!entry.date) {
        context.report({ span, message: `"${entry.text}" is not a calendar date; correct the day or the month.` });
      } else if (entry.date > today) {
        context.report({ span, message: `"${entry.text}" is in the future; check the date.` });
      } else if (injury?.date && !entry.injury && entry.date < injury.date) {
        context.report({
          span,
          message: `"${entry.text}" comes before the date of injury (${injury.text}); check that the dates were not shifted by typing or redaction.`,
        });
      }
    }
  },
});

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
