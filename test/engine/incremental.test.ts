// The incremental parser's cuts, cache and counters, case by case: what it re-parses after an edit, what it keeps and
// for how long, and which trees it hands out again. test/fuzz/incremental.test.ts checks its trees against fresh parses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBoundaries, IncrementalParser } from '../../engine/src/incremental';
import { parseMarkdown } from '../../engine/src/parse';

/** A long rationale as paragraphs, each its own top-level block. */
const paragraphs = (count: number): string[] => Array.from({ length: count }, (_, index) => `Paragraph ${index} of the rationale, which runs on for a while.`);

/** Parses each version in turn with one parser, each tree checked against a fresh parse; returns the parser. */
function parsed(versions: string[], parser = new IncrementalParser()): IncrementalParser {
  for (const version of versions) assert.deepEqual(parser.parse(version), parseMarkdown(version), JSON.stringify(version.slice(0, 80)));
  return parser;
}

describe('incremental: where a draft may be cut', () => {
  it('cuts after blank lines before a line at column 0, noting list items and where the content before ends', () => {
    const text = '# Title\n\nPara one\nstill\n\n  indented\n\n\tTabbed\n\n- item\n\n> - quoted\n\n1) one\n\n-\n\n2.x\n\nend';
    assert.deepEqual(findBoundaries(text), {
      starts: [0, 9, 46, 54, 66, 74, 77, 82],
      lines: [0, 2, 9, 11, 13, 15, 17, 19],
      contentEnds: [0, 7, 44, 52, 64, 72, 75, 80],
      listItems: [false, false, true, true, true, true, false, false],
      lastContentEnd: 85,
      endLine: 20,
      endColumn: 4,
    });
  });

  it('never cuts inside front matter, counts CR and CRLF as line ends, and takes a line of spaces and tabs for blank', () => {
    assert.deepEqual(findBoundaries('---\na: 1\n\nb: 2\n---\n\nText\r\n\r\nMore\r\rLast'), {
      starts: [0, 20, 28, 34],
      lines: [0, 6, 8, 10],
      contentEnds: [0, 18, 24, 32],
      listItems: [false, false, false, false],
      lastContentEnd: 38,
      endLine: 11,
      endColumn: 5,
    });
    assert.deepEqual(findBoundaries('a\n \t \nb\n').starts, [0, 6]);
  });

  it('cuts before the first line after leading blank lines, and not before a byte-order mark', () => {
    assert.deepEqual(findBoundaries('\n\nfirst\n\n'), {
      starts: [0, 2],
      lines: [0, 2],
      contentEnds: [0, 0],
      listItems: [false, false],
      lastContentEnd: 7,
      endLine: 5,
      endColumn: 1,
    });
    assert.deepEqual(findBoundaries('a\n\n\ufeffb\n\nc').starts, [0, 7]);
    assert.deepEqual(findBoundaries('- a').listItems, [false]);
  });
});

describe('incremental: what a parse re-parses', () => {
  it('starts with empty counters, and parses the whole text the first time', () => {
    const parser = new IncrementalParser();
    assert.deepEqual(parser.stats, { runs: 0, reusedRuns: 0, parsedCharacters: 0, plainRuns: 0, fullParse: false });
    const text = paragraphs(5).join('\n\n');
    parsed([text], parser);
    // Plain paragraphs, every one read without micromark.
    assert.deepEqual(parser.stats, { runs: 5, reusedRuns: 0, parsedCharacters: text.length, plainRuns: 5, fullParse: false });
  });

  it('re-parses exactly the paragraph a keystroke changed, even when its length stays the same', () => {
    const blocks = paragraphs(50);
    const text = blocks.join('\n\n');
    const parser = parsed([text]);
    const longer = text.replace('Paragraph 20 of', 'Paragraph 20 x of');
    parsed([longer], parser);
    assert.deepEqual(parser.stats, { runs: 50, reusedRuns: 49, parsedCharacters: blocks[20].length + 2 + 2, plainRuns: 1, fullParse: false });
    // One letter for another: the same length, so only the text tells the old run from the new one.
    const same = longer.replace('Paragraph 30 of', 'Paragraph 30 on');
    parsed([same], parser);
    assert.deepEqual(parser.stats, { runs: 50, reusedRuns: 49, parsedCharacters: blocks[30].length + 2, plainRuns: 1, fullParse: false });
  });

  it('does not take a run of several blocks whose later block changed at the same length', () => {
    const around = paragraphs(3);
    parsed([
      [around[0], '- first item', '- second item', around[1], around[2]].join('\n\n'),
      [around[0], '- first item', '- second iten', around[1], around[2]].join('\n\n'),
    ]);
  });

  it('parses two new blocks that read as one (a list) together, and nothing else', () => {
    const blocks = paragraphs(40);
    const text = blocks.join('\n\n');
    const parser = parsed([text]);
    const list = '- Tramadol 50 mg #120\n\n- Lumbar MRI';
    parsed([text.replace(blocks[20], list)], parser);
    assert.deepEqual(parser.stats, { runs: 40, reusedRuns: 39, parsedCharacters: list.length + 2, plainRuns: 0, fullParse: false });
  });

  it('keeps a last block left open (an unclosed fence) when an edit is elsewhere, parsing it only once', () => {
    const text = `${paragraphs(10).join('\n\n')}\n\n\`\`\`\ncode\n\nmore code\n`;
    const parser = parsed([text]);
    // The fence is read alone first, up to the plain paragraph after it, then again with what it swallows.
    assert.equal(parser.stats.parsedCharacters, text.length + '```\ncode\n\n'.length);
    const edited = text.replace('Paragraph 3 of', 'Paragraph 3 x of');
    parsed([edited], parser);
    assert.equal(parser.stats.reusedRuns, parser.stats.runs - 1);
  });

  it('reads "---" lines after the first block as a thematic break and a heading, not as front matter', () => {
    parsed(['Intro\n\n---\ncase: CM15-0123456\n---\n\nText\n', 'Intro\n\n---\ncase: CM15-0123457\n---\n\nText\n']);
  });

  it('places a block that keeps its offset on its new line', () => {
    // "a\nb" and "a b" are as long: "Para" keeps its offset and moves up a line.
    parsed(['a\nb\n\nPara\n', 'a b\n\nPara\n', 'a\nb\n\nPara\n']);
  });

  it('parses the whole text again when a block defines a link reference, in a quote or a list too', () => {
    for (const definition of [
      '[ref]: https://example.org',
      '> [ref]: https://example.org',
      '- [ref]: https://example.org',
      '1. > [ref]: https://example.org',
    ]) {
      const text = `See [ref].\n\n${definition}\n\nMore text.\n`;
      const parser = parsed([text, text.replace('More', 'Much more')]);
      // The edited paragraph is plain: it is read alone, the run before it kept, and then the whole text parsed.
      assert.deepEqual(parser.stats, { runs: 2, reusedRuns: 1, parsedCharacters: text.length + 5, plainRuns: 1, fullParse: true }, definition);
    }
    const parser = parsed(['See [ref].\n\n> quoted\n\n- listed\n']);
    assert.equal(parser.stats.fullParse, false);
  });

  it('forgets everything when cleared', () => {
    const text = paragraphs(5).join('\n\n');
    const parser = parsed([text]);
    parser.clear();
    parsed([text], parser);
    assert.equal(parser.stats.parsedCharacters, text.length);
  });
});

describe('incremental: what a parse keeps', () => {
  it('keeps the runs of the last two versions only: a version three edits back is parsed again where it differs', () => {
    const blocks = paragraphs(30);
    const first = blocks.join('\n\n');
    const second = first.replace('Paragraph 10 of', 'Paragraph 10 x of');
    const third = second.replace('Paragraph 20 of', 'Paragraph 20 x of');
    const parser = parsed([first, second, third]);
    parsed([first], parser);
    // Paragraph 20 as in the first version was still in use in the second, paragraph 10 only in the first.
    assert.deepEqual(parser.stats, { runs: 30, reusedRuns: 29, parsedCharacters: blocks[10].length + 2, plainRuns: 1, fullParse: false });
  });

  it('hands out the same block objects for blocks an edit left in place, and copies that name their origin for moved ones', () => {
    const blocks = paragraphs(6);
    const parser = new IncrementalParser();
    const before = parser.parse(blocks.join('\n\n'));
    const after = parser.parse(blocks.join('\n\n').replace('Paragraph 2 of', 'Paragraph 2 x of'));
    assert.deepEqual(after, parseMarkdown(blocks.join('\n\n').replace('Paragraph 2 of', 'Paragraph 2 x of')));
    assert.equal(after.children[0], before.children[0]);
    assert.equal(after.children[1], before.children[1]);
    assert.notEqual(after.children[2], before.children[2]);
    for (const index of [3, 4, 5]) {
      assert.notEqual(after.children[index], before.children[index]);
      assert.equal(parser.originOf(after.children[index]), before.children[index]);
      assert.equal(after.children[index].position!.start.offset, before.children[index].position!.start.offset! + 2);
    }
    assert.equal(parser.originOf(before.children[0]), before.children[0]);
  });

  it('gives each copy of a block written twice the run that stood in its place', () => {
    const same = 'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines.';
    const text = ['Tramadol', same, 'Lumbar MRI', same, 'End'].join('\n\n');
    const parser = new IncrementalParser();
    const before = parser.parse(text);
    const edited = text.replace('End', 'The end');
    const after = parser.parse(edited);
    assert.deepEqual(after, parseMarkdown(edited));
    assert.deepEqual(parser.stats, { runs: 5, reusedRuns: 4, parsedCharacters: 'The end'.length, plainRuns: 1, fullParse: false });
    for (const index of [0, 1, 2, 3]) assert.equal(after.children[index], before.children[index], `block ${index}`);
  });
});
