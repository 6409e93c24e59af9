// A draft flattened into the lines a reader sees: markup removed, each character mapped to its source, where each
// line stands (heading, list, quotation), the comment directives and the front matter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Root } from 'mdast';
import { ModelCache } from '../../engine/src/model/cache';
import { flatten } from '../../engine/src/model/lines';
import { parseMarkdown } from '../../engine/src/parse';
import { LineIndex } from '../../engine/src/text';

const flat = (text: string, root: Root = parseMarkdown(text)) => flatten(root, text, new LineIndex(text));

/** Each line as a plain record: its text, where its first character is, and where it stands. */
const lines = (text: string, root?: Root) =>
  flat(text, root).lines.map((line) =>
    Object.fromEntries(
      Object.entries({
        text: line.content.text,
        at: line.content.offsetAt(0),
        line: line.line,
        block: line.block,
        depth: line.depth,
        start: line.blockStart,
        end: line.blockEnd,
        list: line.inList,
        quoted: line.quoted,
        ordinal: line.ordinal,
      }).filter(([, value]) => value !== undefined),
    ),
  );

describe('lines of a draft', () => {
  it('reads inline markup as the reader sees it, every character mapped to where it is written', () => {
    const text = 'A **bold** [link](https://example.com) `code` ![alt text](scan.png) <span>raw</span> _end_';
    const [line] = flat(text).lines;
    assert.equal(line.content.text, 'A bold link code alt text <span>raw</span> end');
    for (const word of ['bold', 'link', 'code', 'alt text', '<span>', 'end']) {
      const at = line.content.text.indexOf(word);
      assert.equal(line.content.offsetAt(at), text.indexOf(word, word === 'code' ? text.indexOf('`') : 0), word);
    }
    // An image by reference reads as its alternative text too.
    assert.equal(flat('See ![the scan][scan] here.\n\n[scan]: scan.png\n').lines[0].content.text, 'See the scan here.');
    // An image without alternative text adds nothing.
    assert.equal(flat('Before ![](scan.png) after').lines[0].content.text, 'Before  after');
  });

  it('cuts a paragraph at its line breaks, trims each line and marks its first and last', () => {
    const text = 'First line   \nsecond line  \n   third after a hard break\n';
    assert.deepEqual(lines(text), [
      { text: 'First line', at: 0, line: 0, block: 'paragraph', start: true, list: false },
      { text: 'second line', at: 14, line: 1, block: 'paragraph', start: false, list: false },
      { text: 'third after a hard break', at: 31, line: 2, block: 'paragraph', start: false, end: true, list: false },
    ]);
    // A break written as a backslash ends its line too.
    assert.deepEqual(
      flat('One\\\nTwo').lines.map((line) => line.content.text),
      ['One', 'Two'],
    );
  });

  it('keeps headings with their depth, and indented text as prose while fenced code is left out', () => {
    const text = '## Title *one*\n\n    indented like a pasted letter\n\n```\nfenced\n```\n\n~~~\ntilde fenced\n~~~\n';
    assert.deepEqual(lines(text), [
      { text: 'Title one', at: 3, line: 0, block: 'heading', depth: 2, start: true, end: true, list: false },
      { text: 'indented like a pasted letter', at: 20, line: 2, block: 'code', start: true, end: true, list: false },
    ]);
  });

  it('numbers the first block of each ordered list item from the list’s start, and marks quotations', () => {
    const text = '3. first\n\n   continued\n4. second\n\n- bullet\n\n> quoted text\n> 1. quoted item\n';
    assert.deepEqual(lines(text), [
      { text: 'first', at: 3, line: 0, block: 'paragraph', start: true, end: true, list: true, ordinal: 3 },
      { text: 'continued', at: 13, line: 2, block: 'paragraph', start: true, end: true, list: true },
      { text: 'second', at: 26, line: 3, block: 'paragraph', start: true, end: true, list: true, ordinal: 4 },
      { text: 'bullet', at: 36, line: 5, block: 'paragraph', start: true, end: true, list: true },
      { text: 'quoted text', at: 46, line: 7, block: 'paragraph', start: true, end: true, list: false, quoted: true },
      { text: 'quoted item', at: 63, line: 8, block: 'paragraph', start: true, end: true, list: true, quoted: true, ordinal: 1 },
    ]);
    assert.equal(lines('1. one\n2. two\n')[1].ordinal, 2);
  });

  it('collects comment directives with their rules and lines, in blocks and inside prose', () => {
    const text = [
      'Text <!-- imr-disable-line phi, date-chronology --> more',
      '',
      '<!-- imr-disable -->',
      '',
      '<!--imr-enable-->',
      '',
      '<!-- imr-disable-next-line   decision-value -->',
      '',
      '<!-- imr-disabled -->',
      '',
      '<!-- a comment -->',
    ].join('\n');
    const { directives, lines: read } = flat(text);
    assert.deepEqual(directives, [
      { kind: 'disable-line', rules: ['phi', 'date-chronology'], line: 0 },
      { kind: 'disable', rules: [], line: 2 },
      { kind: 'enable', rules: [], line: 4 },
      { kind: 'disable-next-line', rules: ['decision-value'], line: 6 },
    ]);
    assert.deepEqual(
      read.map((line) => line.content.text),
      ['Text  more'],
    );
  });

  it('dates a directive by its own line in an HTML block of several', () => {
    const text = 'Text.\n\n<div>\n<!-- imr-disable phi -->\n</div>\n';
    assert.deepEqual(flat(text).directives, [{ kind: 'disable', rules: ['phi'], line: 3 }]);
  });

  it('reads a block without a position on its own, the cache aside', () => {
    const text = 'Typed by hand.';
    const root: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [{ type: 'text', value: text, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 15, offset: 14 } } }],
        },
      ],
    };
    const cache = new ModelCache();
    const { lines: read } = flatten(root, text, new LineIndex(text), cache);
    assert.deepEqual(
      read.map((line) => [line.content.text, line.inList, line.blockStart]),
      [[text, false, true]],
    );
    cache.settle();
    assert.deepEqual(cache.stats.blocks, { read: 0, kept: 0 });
  });

  it('finds the front matter and where its value starts, whatever ends its lines', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `---${eol}case: CM15-0071234${eol}---${eol}${eol}Text.`;
      const { yaml } = flat(text);
      assert.deepEqual(
        yaml,
        { value: 'case: CM15-0071234', start: 0, end: 3 + eol.length + 18 + eol.length + 3, valueStart: 3 + eol.length },
        JSON.stringify(eol),
      );
    }
    assert.equal(flat('No front matter.').yaml, undefined);
  });

  it('reads the rows of a table as lines, cells apart', () => {
    const text = '| Visit | Gain |\n| 6 | none |';
    const cell = (value: string, offset: number) => ({
      type: 'tableCell' as const,
      children: [
        { type: 'text' as const, value, position: { start: { line: 1, column: 1, offset }, end: { line: 1, column: 1, offset: offset + value.length } } },
      ],
    });
    const row = (...cells: ReturnType<typeof cell>[]) => ({ type: 'tableRow' as const, children: cells });
    const root: Root = {
      type: 'root',
      children: [
        {
          type: 'table',
          children: [row(cell('Visit', 2), cell('Gain', 10)), row(), row(cell('6', 19), cell('none', 23))],
          position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 13, offset: text.length } },
        },
      ],
    };
    assert.deepEqual(lines(text, root), [
      { text: 'Visit | Gain', at: 2, line: 0, block: 'table', start: true, end: true, list: false },
      { text: '6 | none', at: 19, line: 1, block: 'table', start: true, end: true, list: false },
    ]);
  });
});
