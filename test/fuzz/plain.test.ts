// Plain prose read without micromark is the tree micromark builds, positions included, or is left to micromark.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser, parseDraft } from '../../engine/src/incremental';
import { readPlainBlocks } from '../../engine/src/incremental/plain';
import { shiftNodes } from '../../engine/src/incremental/tree';
import { parseMarkdown, parseMarkdownFragment } from '../../engine/src/parse';

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const ROOT = path.resolve(import.meta.dirname, '..', '..');

// What starts a line, what fills it and what ends it: prose as reviewers paste it, and every character that
// opens something else in Markdown.
// prettier-ignore
const proseStarts = ['', ' ', '   ', '    ', '      ', '# ', '## ', '###### ', '**Decision rationale:** ', '**Label:**', '**Label**', '**A**b ', '2015 ', '\u00a0', '- ', '* ', '+   ', '1. ', '2) ', '10. ', '- **Decision rationale:** '];
// prettier-ignore
const otherStarts = ['####### ', '#', '** Label:** ', '**Label: **', '*', '***', '-', '-     ', '- - -', '1.', '> ', '=', '===', '---', '```', '~~~', '<div>', '[ref]: ', '|', '\t', '- # ', '1. > '];
const prose = [
  'The applicant',
  'MTUS',
  'page 99',
  'Upheld',
  'is not medically necessary',
  '(ODG)',
  'ACOEM; ODG',
  'Dr. Smith',
  '2.5 mg',
  'x',
  'é',
  '\u2014',
  '\u{1F600}',
  '"quoted"',
  "applicant's",
  'a & b',
  '!',
  '#',
  ':',
  '.',
  ',',
  '~',
  '>',
  '\u00a0',
  '\u2028',
];
const other = ['&amp;', '&#35;', '&', '*', '**', '_', '`', '[', ']', '<', '\\', '\r', '\0'];
const pick = (common: string[], rare: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const line = fc
  .tuple(
    pick(proseStarts, otherStarts),
    fc.array(fc.tuple(pick(prose, other), fc.constantFrom('', ' ', ' ', '  ')), { maxLength: 6 }),
    fc.constantFrom('', '', '', ' ', '  ', '   '),
  )
  .map(([start, words, end]) => start + words.map(([word, space]) => word + space).join('') + end);
const chunk = fc
  .tuple(
    fc.array(fc.oneof({ weight: 5, arbitrary: line }, { weight: 1, arbitrary: fc.constantFrom('', '  ') }), { minLength: 1, maxLength: 8 }),
    fc.constantFrom('', '\n', '\n\n'),
    // Line breaks as Unix, Windows (Word) and old Mac files write them.
    fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
  )
  .map(([lines, after, lineBreak]) => (lines.join('\n') + after).replace(/\n/g, lineBreak));

// Front matter as drafts open with it, and as it goes wrong: unclosed, empty, CRLF, spaces or a tab after a fence.
// prettier-ignore
const frontMatters = ['', '', '---\ncase: CM15-0123456\nprofile: ca-dwc-imr\n---\n', '---\ncase: CM15-0123456\n---\n\n', '---\r\ncase: x\r\n---\r\n\r\n', '---\r\n---\r\n', '---\n---\n', '---  \na: b\n---  \n\n', '---\t\na: b\n---\n\n', '---\na:\tb\n---\n\n', '---\ncase: x\n\n', '---\n\0\n---\n\n', '\ufeff---\na: b\n---\n\n', '---\na: b\r---\r\r', '---\n# not a heading\n---\n', `---\n${'_'.repeat(300)}\n---\n\n`];

/** Plain JSON: equal trees compare equal whatever their prototypes or key order. */
const tree = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('plain prose read without micromark', () => {
  const cases = Math.max(1, Math.round(4000 * scale));
  it(`equals micromark's tree wherever it reads a run, at any offset and line (${cases} runs)`, () => {
    let read = 0;
    fc.assert(
      fc.property(chunk, fc.nat(5000), fc.nat(200), (text, offset, lineNumber) => {
        const blocks = readPlainBlocks(text, offset, lineNumber);
        if (!blocks) return;
        read++;
        assert.deepEqual(tree(blocks), tree(shiftNodes(parseMarkdownFragment(text).children, offset, lineNumber)), JSON.stringify(text));
      }),
      { numRuns: cases, seed },
    );
    // The generator must reach the fast path often, or the property says little.
    assert.ok(read > cases / 10, `only ${read} of ${cases} runs were read as plain prose`);
  });

  const drafts = Math.max(1, Math.round(800 * scale));
  it(`parses drafts of such runs, between blank lines, as parseMarkdown does (${drafts} drafts)`, () => {
    let plainRuns = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...frontMatters),
        fc.array(chunk, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n\n', '\n\n\n', '\n  \n', '\r\n\r\n', '\r\r'),
        (head, runs, gap) => {
          const text = head + runs.join(gap);
          const parser = new IncrementalParser();
          assert.deepEqual(tree(parser.parse(text)), tree(parseMarkdown(text)), JSON.stringify(text));
          plainRuns += parser.stats.plainRuns;
        },
      ),
      { numRuns: drafts, seed },
    );
    assert.ok(plainRuns > drafts / 2, `only ${plainRuns} runs of ${drafts} drafts were read as plain prose`);
  });

  it('parses every fixture and example as parseMarkdown does, most of it without micromark', () => {
    let plain = 0;
    let runs = 0;
    for (const folder of ['test/fixtures', 'examples']) {
      for (const file of readdirSync(path.join(ROOT, folder), { recursive: true }) as string[]) {
        if (!/\.(?:md|txt)$/.test(file)) continue;
        const text = readFileSync(path.join(ROOT, folder, file), 'utf8');
        assert.deepEqual(tree(parseDraft(text)), tree(parseMarkdown(text)), file);
        const parser = new IncrementalParser();
        parser.parse(text);
        plain += parser.stats.plainRuns;
        runs += parser.stats.runs;
      }
    }
    assert.ok(plain > runs / 2, `${plain} of ${runs} runs read as plain prose`);
  });
});
