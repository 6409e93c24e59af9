// Most of a letter is plain prose: headings, paragraphs, a bold field label before its text. Such a run of lines
// is read here straight into the tree micromark would build (test/fuzz/plain.test.ts holds the two equal); any
// line that might read otherwise (a list, a quote, code, a link, an escape, a reference, a hard break) leaves
// the run to micromark.
import type { Heading, List, Paragraph, PhrasingContent, RootContent, Text, Yaml } from 'mdast';
import { classifyCharacter } from 'micromark-util-classify-character';
import { frontMatterExtent } from '../parse';
import { MAX_INDENT, tame } from '../tame';

const SPACE = 32;
const HASH = 35;
const STAR = 42;
const WHITESPACE = 1;
const PUNCTUATION = 2;

/** Inline syntax anywhere on a line: code, emphasis, links, autolinks and HTML, escapes; tabs move columns. */
const INLINE_SYNTAX = /[`_[\]<\\\t\0]|&[#A-Za-z0-9]/;
/** What a line may open when it starts with it (after its indentation): every block but a paragraph or an ATX heading. */
const BLOCK_START = /^(?:[>\-+=~`<_#]|\*(?!\*)|\d{1,9}[.)])/;
/** A line that is all asterisks and spaces: a thematic break. */
const THEMATIC_BREAK = /^[* ]*$/;
const ATX_HEADING = /^(#{1,6}) +(?=[^ ])/;
/** A bullet or ordered-list marker at the line's start, the spaces after it (up to four) and text. */
const LIST_ITEM = /^(?:([*+-])|(\d{1,9})([.)]))( {1,4})(?=[^ ])/;
const LINE_END = /\r\n|\r|\n/g;

interface Line {
  start: number;
  /** The first character that is not a space. */
  content: number;
  /** After the last character that is not a space. */
  contentEnd: number;
  /** Before the line break (or the end of the text). */
  end: number;
  /** After the line break: paragraph text keeps the break as written (\n, \r\n or \r). */
  next: number;
  /** 1-based. */
  number: number;
}

/**
 * The blocks of `text`, which starts a line after a blank one, placed at offset `offset` on 0-based line `line`;
 * undefined when any line in it is more than plain prose. Every string in them is a slice of `text`.
 */
export function readPlainBlocks(text: string, offset = 0, line = 0): RootContent[] | undefined {
  const to = text.length;
  const blocks: RootContent[] = [];
  let paragraph: Line[] = [];
  // The list the last line added an item to, and the item whose paragraph is being read.
  let list: { node: List; kind: string } | undefined;
  let item: Line | undefined;
  let blank = false;
  const close = (): boolean => {
    if (paragraph.length === 0) return true;
    const block = readParagraph(text, offset, paragraph);
    paragraph = [];
    if (!block) return false;
    if (!item || !list) {
      blocks.push(block);
      return true;
    }
    const { node } = list;
    node.children.push({
      type: 'listItem',
      spread: false,
      checked: null,
      children: [block],
      position: { start: point(item.number, item.start, item.start, offset), end: block.position!.end },
    });
    node.position!.end = block.position!.end;
    item = undefined;
    return true;
  };
  let start = 0;
  let number = line + 1;
  while (start < to) {
    LINE_END.lastIndex = start;
    // `test`, not `exec`: no match array for every line.
    const found = LINE_END.test(text);
    const next = found ? LINE_END.lastIndex : to;
    const end = !found ? to : text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    let content = start;
    while (content < end && text.charCodeAt(content) === SPACE) content++;
    if (content === end) {
      if (!close()) return undefined;
      blank = true;
    } else {
      // After a blank line, an indented line would go on the list's item (micromark reads a loose item).
      if (blank && list) return undefined;
      const indent = content - start;
      if (indent >= MAX_INDENT) return undefined;
      const marker = indent === 0 ? LIST_ITEM.exec(text.slice(start, Math.min(end, start + 16))) : null;
      if (marker) {
        // A list item: it ends the item before it; a paragraph before it would make it lazy text or a new list.
        if (paragraph.length > 0 && !item) return undefined;
        if (!close()) return undefined;
        const kind = marker[1] ?? marker[3];
        const contentStart = start + marker[0].length;
        if (startsBlock(text, contentStart, end) || text.charCodeAt(contentStart) === HASH) return undefined;
        if (!list || list.kind !== kind) {
          if (list) return undefined;
          const node: List = {
            type: 'list',
            ordered: marker[2] !== undefined,
            start: marker[2] === undefined ? null : Number(marker[2]),
            spread: false,
            children: [],
            position: { start: point(number, start, start, offset), end: point(number, start, start, offset) },
          };
          blocks.push(node);
          list = { node, kind };
        }
        item = { start, content: contentStart, contentEnd: contentEndOf(text, end), end, next, number };
        paragraph.push(item);
      } else if (startsBlock(text, content, end)) {
        if (indent !== 0 || text.charCodeAt(content) !== HASH) return undefined;
        // An ATX heading at the line's start: it ends a paragraph or list before it.
        if (!close()) return undefined;
        list = undefined;
        const heading = readHeading(text, offset, start, end, number);
        if (!heading) return undefined;
        blocks.push(heading);
      } else {
        // Four spaces open indented code, except where they continue a paragraph.
        if (indent >= 4 && paragraph.length === 0) return undefined;
        if (paragraph.length === 0) list = undefined;
        paragraph.push({ start, content, contentEnd: contentEndOf(text, end), end, next, number });
      }
    }
    number++;
    start = next;
  }
  return close() ? blocks : undefined;
}

/** Whether the line's text from `at` opens a block other than a paragraph: a marker, a fence, a break, a quote, HTML. */
function startsBlock(text: string, at: number, end: number): boolean {
  return BLOCK_START.test(text.slice(at, Math.min(end, at + 10))) || (text.charCodeAt(at) === STAR && THEMATIC_BREAK.test(text.slice(at, end)));
}

function contentEndOf(text: string, end: number): number {
  let contentEnd = end;
  while (text.charCodeAt(contentEnd - 1) === SPACE) contentEnd--;
  return contentEnd;
}

const BOM = 0xfeff;
const FENCE_LINE = /^---[ ]*(\r\n|\r|\n|$)/;
const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * The first run of a draft: its YAML front matter, as remark-frontmatter reads it, then plain blocks. Undefined
 * after a byte-order mark (micromark skips it without counting it).
 */
export function readHeadBlocks(text: string): RootContent[] | undefined {
  if (text.charCodeAt(0) === BOM) return undefined;
  const extent = frontMatterExtent(text);
  if (extent === 0) return readPlainBlocks(text);
  // Runs that micromark would take too long over are made harmless first (tame.ts), front matter included.
  const frontMatter = text.slice(0, extent);
  if (tame(frontMatter) !== frontMatter) return undefined;
  // A tab after a fence moves micromark's columns: left to it.
  const opening = FENCE_LINE.exec(text);
  if (!opening) return undefined;
  const bodyStart = opening[0].length;
  // The closing fence: the last line of the front matter, without its line break.
  let closeEnd = extent;
  if (text.charCodeAt(closeEnd - 1) === 10) closeEnd -= text.charCodeAt(closeEnd - 2) === 13 ? 2 : 1;
  else if (text.charCodeAt(closeEnd - 1) === 13) closeEnd -= 1;
  let closeStart = closeEnd;
  while (closeStart > bodyStart && text.charCodeAt(closeStart - 1) !== 10 && text.charCodeAt(closeStart - 1) !== 13) closeStart--;
  if (!FENCE_LINE.test(text.slice(closeStart, closeEnd))) return undefined;
  // micromark reads NUL as U+FFFD.
  if (text.lastIndexOf('\0', closeStart) !== -1) return undefined;
  let valueEnd = closeStart;
  if (valueEnd > bodyStart) valueEnd -= text.charCodeAt(valueEnd - 1) === 10 && text.charCodeAt(valueEnd - 2) === 13 ? 2 : 1;
  let closeLine = 0;
  LINE_BREAKS.lastIndex = 0;
  while (LINE_BREAKS.exec(text) && LINE_BREAKS.lastIndex <= closeStart) closeLine++;
  const yaml: Yaml = {
    type: 'yaml',
    value: text.slice(bodyStart, valueEnd),
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: closeLine + 1, column: closeEnd - closeStart + 1, offset: closeEnd } },
  };
  const rest = readPlainBlocks(text.slice(extent), extent, closeLine + (extent > closeEnd ? 1 : 0));
  return rest && [yaml, ...rest];
}

/** `# Title`: a heading whose text is plain, with no closing hashes. */
function readHeading(text: string, base: number, start: number, end: number, number: number): Heading | undefined {
  const line = text.slice(start, end);
  const opening = ATX_HEADING.exec(line);
  if (!opening || INLINE_SYNTAX.test(line) || line.includes('*')) return undefined;
  const content = start + opening[0].length;
  const contentEnd = contentEndOf(text, end);
  // A closing run of hashes is not part of the text.
  if (text.charCodeAt(contentEnd - 1) === HASH) return undefined;
  return {
    type: 'heading',
    depth: opening[1].length as Heading['depth'],
    children: [textNode(text.slice(content, contentEnd), point(number, start, content, base), point(number, start, contentEnd, base))],
    position: { start: point(number, start, start, base), end: point(number, start, end, base) },
  };
}

/** Lines of prose with no inline syntax but, maybe, a bold label that opens the paragraph. */
function readParagraph(text: string, base: number, lines: Line[]): Paragraph | undefined {
  const first = lines[0];
  const last = lines[lines.length - 1];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (INLINE_SYNTAX.test(text.slice(line.content, line.end))) return undefined;
    // Two spaces before a line break are a hard break.
    if (index < lines.length - 1 && line.end - line.contentEnd >= 2) return undefined;
  }
  const children: PhrasingContent[] = [];
  let textStart = first.content;
  const label = boldLabel(text, first);
  if (label !== undefined) {
    children.push({
      type: 'strong',
      children: [
        textNode(
          text.slice(first.content + 2, label - 2),
          point(first.number, first.start, first.content + 2, base),
          point(first.number, first.start, label - 2, base),
        ),
      ],
      position: { start: point(first.number, first.start, first.content, base), end: point(first.number, first.start, label, base) },
    });
    textStart = label;
    // Only spaces after the label on a line that more lines follow: a break, or text of a line break alone.
    if (label >= first.contentEnd && lines.length > 1) return undefined;
  }
  for (const line of lines) {
    const from = line === first ? textStart : line.content;
    if (text.slice(from, line.end).includes('*')) return undefined;
  }
  if (textStart < last.contentEnd) {
    let value = text.slice(textStart, first.contentEnd);
    for (let index = 1; index < lines.length; index++)
      value += text.slice(lines[index - 1].end, lines[index - 1].next) + text.slice(lines[index].content, lines[index].contentEnd);
    children.push(textNode(value, point(first.number, first.start, textStart, base), point(last.number, last.start, last.contentEnd, base)));
  }
  return {
    type: 'paragraph',
    children,
    position: { start: point(first.number, first.start, first.content, base), end: point(last.number, last.start, last.end, base) },
  };
}

/**
 * Where a `**label**` that opens the paragraph's first line ends (after its closing asterisks), when micromark
 * reads it as strong text: the only asterisks of the line, the opening run followed by no whitespace, the closing
 * run preceded by no whitespace and, after punctuation, followed by whitespace or punctuation.
 */
function boldLabel(text: string, line: Line): number | undefined {
  if (text.charCodeAt(line.content) !== STAR || text.charCodeAt(line.content + 1) !== STAR) return undefined;
  const close = text.indexOf('**', line.content + 2);
  if (close === -1 || close >= line.contentEnd || close === line.content + 2) return undefined;
  if (text.slice(line.content + 2, close).includes('*') || text.charCodeAt(close + 2) === STAR) return undefined;
  if (classifyCharacter(text.charCodeAt(line.content + 2)) === WHITESPACE) return undefined;
  const before = classifyCharacter(text.charCodeAt(close - 1));
  const after = close + 2 >= line.end ? WHITESPACE : classifyCharacter(text.charCodeAt(close + 2));
  if (before === WHITESPACE || (before === PUNCTUATION && !after)) return undefined;
  return close + 2;
}

function textNode(value: string, start: Point, end: Point): Text {
  return { type: 'text', value, position: { start, end } };
}

interface Point {
  line: number;
  column: number;
  offset: number;
}

function point(line: number, lineStart: number, at: number, base: number): Point {
  return { line, column: at - lineStart + 1, offset: base + at };
}
