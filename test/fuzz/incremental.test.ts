// The incremental parser equals a fresh parse, positions included, after any sequence of edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser } from '../../engine/src/incremental';
import { parseMarkdown } from '../../engine/src/parse';
import { assertIncrementalMatches as assertSameAsFresh, emptyStats, properties } from './properties';

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);

describe('incremental parser', () => {
  const sequences = Math.max(1, Math.round(600 * scale));
  it(`equals a fresh parse after random edits to Markdown-shaped text and drafts (${sequences} sequences)`, () => {
    const stats = emptyStats();
    fc.assert(properties['incremental parse'](stats), { numRuns: sequences, seed });
    assert.equal(stats.cases, sequences);
    assert.ok(stats.texts > sequences, 'the sequences made no edits');
  });

  it('re-parses only the block a keystroke touched', () => {
    const blocks = Array.from({ length: 200 }, (_, index) => `Paragraph ${index} of the rationale, which runs on for a while.`);
    const text = blocks.join('\n\n');
    const parser = new IncrementalParser();
    parser.parse(text);
    const edited = text.replace('Paragraph 100 of', 'Paragraph 100 x of');
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited));
    assert.equal(parser.stats.runs, 200);
    assert.equal(parser.stats.reusedRuns, 199);
    assert.ok(parser.stats.parsedCharacters < 100, `parsed ${parser.stats.parsedCharacters} characters`);
  });

  it('brings back the blocks of the version before an edit when the edit is undone, parsing nothing', () => {
    const blocks = Array.from({ length: 200 }, (_, index) => `Paragraph ${index} of the rationale, which runs on for a while.`);
    const text = blocks.join('\n\n');
    const edited = text.replace('Paragraph 100 of', 'Paragraph 100 x of');
    const parser = new IncrementalParser();
    parser.parse(text);
    parser.parse(edited);
    assert.deepEqual(parser.parse(text), parseMarkdown(text), 'undo');
    assert.deepEqual(parser.stats, { runs: 200, reusedRuns: 200, parsedCharacters: 0, plainRuns: 0, fullParse: false });
    assert.deepEqual(parser.parse(edited), parseMarkdown(edited), 'redo');
    assert.deepEqual(parser.stats, { runs: 200, reusedRuns: 200, parsedCharacters: 0, plainRuns: 0, fullParse: false });
  });

  it('opening a fence swallows the rest of the draft, closing it restores the blocks', () => {
    const body = Array.from({ length: 30 }, (_, index) => `Block ${index}`).join('\n\n');
    const opened = `Intro\n\n\`\`\`\n${body}\n`;
    const closed = `Intro\n\n\`\`\`\ncode\n\`\`\`\n\n${body}\n`;
    const parser = assertSameAsFresh([`Intro\n\n${body}\n`, opened, closed]);
    assert.equal(parseMarkdown(opened).children.length, 2);
    assert.equal(parser.parse(closed).children.length, 32);
  });
});
