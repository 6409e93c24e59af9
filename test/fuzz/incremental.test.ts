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

  // Cases the property found; each once broke an assumption about where a draft may be cut.
  const regressions: Record<string, string[]> = {
    'a byte-order mark before the text (micromark does not count it)': ['\ufeff# Title\n\nText\n\n- item\n', 'x\n\n\ufeffy\n'],
    'a front-matter fence that never closes (lists must still be lists)': ['---\n\n___\n  - nested\n', '---\nx\n\n- a\n\n> q\n'],
    'front matter with blank lines inside': ['---\ncase: CM15-0123456\n\nprofile: ca-dwc-imr\n---\n\n# CLINICAL CASE SUMMARY\n'],
    'an empty list item after indented code (micromark reads it as text)': [
      '    indented code\n\n-\n',
      '    code\n\n2. two\n',
      '    indented code\n\n> 2) ',
      '    code\n\n> > -\n',
    ],
    'a list item after a list (one loose list)': ['- a\n\n- b\n\nc\n', '1. a\n\n2. b\n'],
    'a link reference defined in another block': ['[ref]: /url\n\n[ref]\n', '![ref]: /url\n\n[ref]'],
    'a fence opened and closed across blank lines': ['a\n\n```\ncode\n\nmore\n```\n\nb\n', 'a\n\n```\ncode\n\nmore\n\nb\n'],
    'an HTML comment across blank lines': ['<!--\n\nhidden\n\n-->\n\nText\n', '<!-- imr-disable phi -->\n\nDr. Smith\n'],
    'CR and CRLF line endings': ['a\r\rb\r\r- c\r', 'a\r\n\r\nb\r\n\r\n```\r\nx\r\n'],
  };
  for (const [name, texts] of Object.entries(regressions)) {
    it(`handles ${name}`, () => {
      assertSameAsFresh(texts);
      // The same texts reached by editing one into the next, not just parsed cold.
      assertSameAsFresh(texts.flatMap((text) => [text, `${text}\n\nappended\n`, text.slice(1)]));
    });
  }

  it('opening a fence swallows the rest of the draft, closing it restores the blocks', () => {
    const body = Array.from({ length: 30 }, (_, index) => `Block ${index}`).join('\n\n');
    const opened = `Intro\n\n\`\`\`\n${body}\n`;
    const closed = `Intro\n\n\`\`\`\ncode\n\`\`\`\n\n${body}\n`;
    const parser = assertSameAsFresh([`Intro\n\n${body}\n`, opened, closed]);
    assert.equal(parseMarkdown(opened).children.length, 2);
    assert.equal(parser.parse(closed).children.length, 32);
  });
});
