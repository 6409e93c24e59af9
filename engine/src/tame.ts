// Pathological Markdown that micromark parses in quadratic time or more, made harmless before parsing.
// 10,000 nested list markers on one line: minutes; a run of 8,000 asterisks: seconds; 10,000 `_a*` in one
// paragraph: 20 s (every closer looks back at every opener); backtick runs of 1 to 1,000: 15 s (every opener
// looks ahead for its closer). No letter nests a list 32 deep, runs 256 asterisks, has 256 emphasis
// delimiters in one paragraph or 32 backticks in a row: past that, a marker reads as its look-alike text
// (‐ ∗ › ˋ …), the middle of a long run as spaces and indentation past 64 as a no-break space. Characters are replaced one for one, so offsets never
// move and every range still points at the text.
export const MAX_NESTING = 32;
export const MAX_RUN = 256;
export const MAX_DELIMITER_RUNS = 256;
export const MAX_BACKTICK_RUN = 16;
/** Leading spaces or tabs kept as indentation: 32 levels of two-space nesting. */
export const MAX_INDENT = 2 * MAX_NESTING;

const DEEP_LINE = new RegExp(`(?:^|[\\r\\n])((?:[ \\t]*(?:>|[*+-](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))){${MAX_NESTING + 1},})`, 'g');
const CONTAINER_MARKER = /[ \t]*(>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;
const LONG_RUN = new RegExp(`\\*{${MAX_RUN + 1},}|_{${MAX_RUN + 1},}|\\[{${MAX_RUN + 1},}|\\]{${MAX_RUN + 1},}`, 'g');
const LONG_BACKTICKS = new RegExp(`\`{${MAX_BACKTICK_RUN + 1},}`, 'g');
const DELIMITER_RUN = /[*_]+/g;
const DEEP_INDENT = new RegExp(`(?:^|\r\n?|\n)[ \t]{${MAX_INDENT}}(?=[ \t])`, 'g');
// Where a paragraph (the scope micromark matches emphasis in) surely ends: a blank line, or a heading or a
// bullet with text, which interrupt it. Anything else may continue it, so it is counted with what came before.
const PARAGRAPH_BREAK = /(?:\r\n?|\n)(?=[ \t]*(?:\r|\n|$)| {0,3}(?:#{1,6}(?:[ \t]|\r|\n|$)|[*+-][ \t]+[^ \t\r\n]))/g;
// Spaces in place of the markers would leave a line of thousands of spaces, which is as slow.
const LOOK_ALIKE: Record<string, string> = {
  '>': '\u203a',
  '-': '\u2010',
  '*': '\u2217',
  '+': '\u2795',
  '.': '\u2024',
  ')': '\u2769',
  _: '\u02cd',
  '`': '\u02cb',
};

/**
 * The text with container markers past MAX_NESTING on a line as look-alikes, the middle of runs longer than
 * MAX_RUN as spaces, emphasis delimiters past MAX_DELIMITER_RUNS in a paragraph and backtick runs longer than
 * MAX_BACKTICK_RUN as look-alikes.
 */
export function tame(text: string): string {
  const replaced: Replacement[] = [...deepMarkers(text), ...deepIndents(text), ...longRuns(text), ...backtickRuns(text), ...denseDelimiters(text)];
  if (replaced.length === 0) return text;
  replaced.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [start, end, replacement] of replaced) {
    if (start < cursor) continue;
    out += text.slice(cursor, start) + replacement;
    cursor = end;
  }
  return out + text.slice(cursor);
}

type Replacement = [start: number, end: number, text: string];

function lookAlike(run: string): string {
  let out = '';
  for (const char of run) out += LOOK_ALIKE[char] ?? char;
  return out;
}

function deepMarkers(text: string): Replacement[] {
  DEEP_LINE.lastIndex = 0;
  if (!DEEP_LINE.test(text)) return [];
  // matchAll starts where test() left the shared regular expression.
  DEEP_LINE.lastIndex = 0;
  const replaced: Replacement[] = [];
  for (const match of text.matchAll(DEEP_LINE)) {
    const prefixStart = match.index + match[0].length - match[1].length;
    const prefixEnd = match.index + match[0].length;
    let markers = 0;
    CONTAINER_MARKER.lastIndex = prefixStart;
    for (let found = CONTAINER_MARKER.exec(text); found && found.index < prefixEnd; found = CONTAINER_MARKER.exec(text)) {
      if (++markers <= MAX_NESTING) continue;
      // An ordered marker keeps its digits; only the delimiter after them changes.
      const end = CONTAINER_MARKER.lastIndex;
      replaced.push([end - 1, end, LOOK_ALIKE[text[end - 1]]]);
    }
  }
  return replaced;
}

/**
 * Every open list and block quote re-reads a line's indentation, so a list nested a thousand deep over as
 * many lines costs the square of it: past MAX_INDENT, a no-break space ends the indentation.
 */
function deepIndents(text: string): Replacement[] {
  return [...text.matchAll(DEEP_INDENT)].map((match) => {
    const at = match.index + match[0].length;
    return [at, at + 1, '\u00a0'];
  });
}

/** A run keeps its ends, so the text next to it (a "[REDACTED]" after a row of brackets) reads as written. */
function longRuns(text: string): Replacement[] {
  const keep = MAX_RUN / 2;
  return [...text.matchAll(LONG_RUN)].map((match) => [match.index + keep, match.index + match[0].length - keep, ' '.repeat(match[0].length - 2 * keep)]);
}

function backtickRuns(text: string): Replacement[] {
  if (!text.includes('`'.repeat(MAX_BACKTICK_RUN + 1))) return [];
  return [...text.matchAll(LONG_BACKTICKS)].map((match) => [match.index, match.index + match[0].length, lookAlike(match[0])]);
}

/** Delimiter runs that can open or close emphasis (next to a non-space), past the first MAX_DELIMITER_RUNS of a paragraph. */
function denseDelimiters(text: string): Replacement[] {
  let count = 0;
  for (let at = text.indexOf('*'); at >= 0 && count <= MAX_DELIMITER_RUNS; at = text.indexOf('*', at + 1)) count++;
  for (let at = text.indexOf('_'); at >= 0 && count <= MAX_DELIMITER_RUNS; at = text.indexOf('_', at + 1)) count++;
  if (count <= MAX_DELIMITER_RUNS) return [];
  const replaced: Replacement[] = [];
  let runs = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  let nextBreak = PARAGRAPH_BREAK.exec(text)?.index ?? text.length;
  DELIMITER_RUN.lastIndex = 0;
  for (let match = DELIMITER_RUN.exec(text); match; match = DELIMITER_RUN.exec(text)) {
    while (match.index >= nextBreak) {
      runs = 0;
      nextBreak = PARAGRAPH_BREAK.exec(text)?.index ?? text.length;
    }
    const end = match.index + match[0].length;
    const flanking = !isSpace(text.charCodeAt(match.index - 1)) || !isSpace(text.charCodeAt(end));
    if (flanking && ++runs > MAX_DELIMITER_RUNS) replaced.push([match.index, end, lookAlike(match[0])]);
  }
  return replaced;
}

/** Whitespace or the edge of the text (NaN), where a delimiter run touches no word. */
function isSpace(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13;
}
