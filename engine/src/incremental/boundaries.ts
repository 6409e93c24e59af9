// Where a draft may be cut into runs of top-level blocks: after a blank line, before a line at column 0.
import { frontMatterExtent } from '../parse';

/**
 * Candidate cut points, as parallel arrays (one entry per cut; the first is the start of the text).
 * A candidate is only a chance: the parser accepts it once the text before it is known to close every
 * block it opened (see `fits` in parser.ts).
 */
export interface Boundaries {
  /** Offset of the line where a run may start. */
  starts: number[];
  /** 0-based line of each start. */
  lines: number[];
  /** End of the last non-blank line's content before each start; a block reaching past it is still open. */
  contentEnds: number[];
  /**
   * Whether the line at each start opens a list item (maybe inside block quotes), which could join a list
   * that ends just before it or, after code, read as paragraph text.
   */
  listItems: boolean[];
  /** End of the last non-blank line's content in the whole text. */
  lastContentEnd: number;
  /** 1-based line and column of the end of the text, as remark reports them. */
  endLine: number;
  endColumn: number;
}

const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;

// A bullet or ordered-list marker followed by a space, a tab or the end of the line, maybe inside block quotes.
const LIST_MARKER = /(?:[ \t]*>)*[ \t]*(?:[*+-]|\d{1,9}[.)])(?:[ \t\r\n]|$)/y;

export function findBoundaries(text: string): Boundaries {
  const out: Boundaries = { starts: [0], lines: [0], contentEnds: [0], listItems: [false], lastContentEnd: 0, endLine: 1, endColumn: 1 };
  const length = text.length;
  const frontMatterEnd = frontMatterExtent(text);
  let line = 0;
  let previousBlank = false;
  let lastContentEnd = 0;
  let lineStart = 0;
  // The regular expression finds line ends natively: a character loop in JavaScript is several times slower on long
  // drafts. `test` rather than `exec`: a match array for every line of every keystroke is garbage the collector pays for.
  const lineEnd = /\r\n?|\n/g;
  for (;;) {
    const found = lineEnd.test(text);
    const after = lineEnd.lastIndex;
    const end = !found ? length : text.charCodeAt(after - 1) === 10 && text.charCodeAt(after - 2) === 13 ? after - 2 : after - 1;
    let first = lineStart;
    while (first < end && (text.charCodeAt(first) === SPACE || text.charCodeAt(first) === TAB)) first++;
    if (first < end) {
      const code = text.charCodeAt(lineStart);
      if (previousBlank && line > 0 && lineStart >= frontMatterEnd && first === lineStart && code !== BOM) {
        LIST_MARKER.lastIndex = lineStart;
        out.starts.push(lineStart);
        out.lines.push(line);
        out.contentEnds.push(lastContentEnd);
        out.listItems.push(LIST_MARKER.test(text));
      }
      lastContentEnd = end;
      previousBlank = false;
    } else {
      previousBlank = true;
    }
    if (!found) break;
    lineStart = after;
    line++;
  }
  out.lastContentEnd = lastContentEnd;
  out.endLine = line + 1;
  out.endColumn = length - lineStart + 1;
  return out;
}
