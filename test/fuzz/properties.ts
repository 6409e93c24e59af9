// The fuzz properties, shared by `npm test` (a few thousand cases) and `npm run fuzz` (100,000 and more).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IncrementalParser, parseDraft } from '../../engine/src/incremental';
import { parseMarkdown } from '../../engine/src/parse';
import { ModelCache } from '../../engine/src/model/cache';
import { LineMemo } from '../../engine/src/rules/line-memo';
import { applyChange, applyRelative, blockText, change, edit, fixtureDrafts, manyItems, markdownText, mutate, mutation, typing } from './arbitraries';
import { assertFindingsInside, assertFixAll, assertModelInside, lintChecked } from './invariants';

/** What the cases met, so a run can show it exercised something. */
export interface FuzzStats {
  cases: number;
  texts: number;
  findings: number;
  withFix: number;
  fixPasses: number;
  /** Fixes of different findings that collided (fixEdits then takes the first and leaves the other for the next pass). */
  collisions: number;
  parsedIncrementally: number;
  /** Disputed items an incremental check took from the last one (moved or not) rather than read again. */
  keptItems: number;
  /** Fixed findings that came back because of a known defect, by rule and defect (see invariants.ts). */
  knownDefects: Record<string, number>;
  /** Set by `npm run fuzz`: fix-all defects are counted by category, with the first draft that showed each, instead of failing the run. */
  defects?: Record<string, { count: number; draft: string; message: string }>;
}

export function emptyStats(): FuzzStats {
  return { cases: 0, texts: 0, findings: 0, withFix: 0, fixPasses: 0, collisions: 0, parsedIncrementally: 0, keptItems: 0, knownDefects: {} };
}

const drafts = fixtureDrafts();
const draft = fc.constantFrom(...drafts);

/** Any string at all: ASCII, any code point, lone surrogates, or Markdown-shaped pieces. */
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 100 }),
  markdownText,
);

function checkText(text: string, stats: FuzzStats): void {
  // The draft as lint reads it (plain prose without micromark) is the tree of the parser of record.
  assert.deepEqual(parseDraft(text), parseMarkdown(text), `parseDraft differs from parseMarkdown on ${JSON.stringify(text.slice(0, 120))}`);
  const result = lintChecked(text);
  assertFindingsInside(text, result.findings);
  assertModelInside(result, text);
  stats.texts++;
  stats.findings += result.findings.length;
  stats.withFix += result.findings.filter((finding) => finding.fix).length;
}

function checkFixAll(text: string, stats: FuzzStats): void {
  const defects = stats.defects;
  const record = defects
    ? (category: string, draft: string, message: string): void => {
        const seen = defects[category];
        if (seen) seen.count++;
        else defects[category] = { count: 1, draft, message };
      }
    : undefined;
  const outcome = assertFixAll(text, {}, record);
  stats.fixPasses += outcome.passes;
  stats.collisions += outcome.collisions;
  for (const [rule, count] of Object.entries(outcome.knownDefects)) stats.knownDefects[rule] = (stats.knownDefects[rule] ?? 0) + count;
}

/** Parses each version with one incremental parser, comparing every tree with a fresh parse. */
export function assertIncrementalMatches(versions: readonly string[]): IncrementalParser {
  const parser = new IncrementalParser();
  for (const text of versions)
    assert.deepEqual(parser.parse(text), parseMarkdown(text), `incremental tree differs from a fresh parse of ${JSON.stringify(text.slice(0, 120))}`);
  return parser;
}

export type PropertyName = 'arbitrary strings' | 'mutated drafts' | 'edit sequences' | 'incremental parse' | 'incremental model';

// Each property has its own argument types; callers only run them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FuzzProperty = (stats: FuzzStats) => fc.IProperty<any>;

export const descriptions: Record<PropertyName, string> = {
  'arbitrary strings': 'never throws, every range inside, fixes never collide, fix-all settles and sticks',
  'mutated drafts': 'never throws, every range inside, fixes never collide, fix-all settles and sticks',
  'edit sequences': 'every version lints without a failure, ranges inside, incremental tree and findings equal a fresh lint',
  'incremental parse': 'incremental tree equals a fresh parse, positions included',
  'incremental model': 'the model and findings kept and updated between edits equal a full rebuild, positions included',
};

export const properties: Record<PropertyName, FuzzProperty> = {
  /** Arbitrary strings: the engine answers, every range inside, fix-all settles. */
  'arbitrary strings': (stats: FuzzStats) =>
    fc.property(anyText, (text) => {
      stats.cases++;
      checkText(text, stats);
      checkFixAll(text, stats);
    }),

  /** Drafts from test/fixtures with lines and characters inserted, deleted and swapped. */
  'mutated drafts': (stats: FuzzStats) =>
    fc.property(draft, fc.array(mutation, { minLength: 1, maxLength: 8 }), (start, mutations) => {
      stats.cases++;
      const text = mutations.reduce(mutate, start);
      checkText(text, stats);
      checkFixAll(text, stats);
    }),

  /**
   * Random edit sequences, as typed into an open document: every version lints cleanly, and the
   * incremental parser the server keeps gives the tree of a fresh parse, positions included, and the
   * same findings.
   */
  'edit sequences': (stats: FuzzStats) =>
    fc.property(fc.oneof(draft, markdownText), fc.array(edit, { minLength: 1, maxLength: 10 }), (start, edits) => {
      stats.cases++;
      const parser = new IncrementalParser();
      let text = start;
      for (const change of [undefined, ...edits]) {
        if (change) text = applyRelative(text, change);
        assert.deepEqual(parser.parse(text), parseMarkdown(text), 'incremental tree differs from a fresh parse');
        const incremental = lintChecked(text, { parse: parser.parse });
        const fresh = lintChecked(text);
        assert.deepEqual(incremental.findings, fresh.findings, 'incremental findings differ from a fresh lint');
        assertFindingsInside(text, fresh.findings);
        stats.texts++;
        stats.parsedIncrementally++;
        stats.findings += fresh.findings.length;
        stats.withFix += fresh.findings.filter((finding) => finding.fix).length;
      }
    }),

  /**
   * What the analysis step keeps per document for an editor (incremental parse, blocks, fields and items kept by
   * their text, line readings kept per line) against a full check of the same text, after every edit of a random
   * sequence: bursts of typing at one place, pasted snippets, deletions.
   */
  'incremental model': (stats: FuzzStats) =>
    fc.property(
      fc.oneof({ weight: 2, arbitrary: draft }, { weight: 1, arbitrary: markdownText }, { weight: 3, arbitrary: manyItems }),
      fc.array(fc.oneof(edit, typing), { minLength: 1, maxLength: 12 }),
      (start, edits) => {
        stats.cases++;
        const parser = new IncrementalParser();
        // Blocks found by the block the parser first produced, or (every other sequence) by their text.
        const modelCache = new ModelCache(stats.cases % 2 === 0 ? { origin: parser.originOf } : {});
        const lineMemo = new LineMemo();
        let text = start;
        for (const change of [undefined, ...edits]) {
          if (change) text = 'keys' in change ? change.keys.reduce(applyRelative, text) : applyRelative(text, change);
          const incremental = lintChecked(text, { parse: parser.parse, modelCache, lineMemo });
          const fresh = lintChecked(text);
          assert.deepEqual(incremental.model, fresh.model, 'the kept model differs from a full rebuild');
          assert.deepEqual(incremental.findings, fresh.findings, 'the kept findings differ from a full check');
          stats.texts++;
          stats.parsedIncrementally++;
          stats.keptItems += modelCache.stats.items.kept;
          stats.findings += fresh.findings.length;
          stats.withFix += fresh.findings.filter((finding) => finding.fix).length;
        }
      },
    ),

  /** Only the parser, so many more sequences fit in the same time. */
  'incremental parse': (stats: FuzzStats) =>
    fc.property(fc.oneof(markdownText, draft, blockText), fc.array(change, { maxLength: 12 }), (start, changes) => {
      stats.cases++;
      const versions = [start];
      for (const next of changes) versions.push(applyChange(versions[versions.length - 1], next));
      assertIncrementalMatches(versions);
      stats.texts += versions.length;
      stats.parsedIncrementally += versions.length;
    }),
};
