// The model an editor keeps per document equals a full rebuild after any sequence of edits (see properties.ts),
// and a keystroke rereads only the block and the field it touched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser } from '../../engine/src/incremental';
import { lint } from '../../engine/src/lint';
import { ModelCache } from '../../engine/src/model/cache';
import { LineMemo } from '../../engine/src/rules/line-memo';
import { emptyStats, properties } from './properties';

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);

/** A determination with `count` disputed items, each with its three fields, as reviewers write them. */
function draftWithItems(count: number): string {
  const items = Array.from(
    { length: count },
    (_, index) => `${index + 1}. Physical Therapy ${index + 1} Sessions:  Upheld

Claims Administrator guideline: The Claims Administrator based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, page 99.

MAXIMUS guideline: The Expert Reviewer based his decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, page 99.

Decision rationale: The applicant had ${index + 8} sessions of therapy in 2014 without functional improvement. Therefore, the request is not medically necessary.
`,
  );
  return `CLINICAL CASE SUMMARY

The applicant is a 52-year-old who reported an industrial injury of March 3, 2012.

IMR ISSUES, DECISIONS AND RATIONALES

${items.join('\n')}
`;
}

describe('incremental model', () => {
  const sequences = Math.max(1, Math.round(300 * scale));
  it(`equals a full rebuild, model and findings, after random edit sequences (${sequences} sequences)`, () => {
    const stats = emptyStats();
    fc.assert(properties['incremental model'](stats), { numRuns: sequences, seed });
    assert.equal(stats.cases, sequences);
    assert.ok(stats.texts > sequences, 'the sequences made no edits');
    assert.ok(stats.findings > 0 && stats.withFix > 0, 'no version had a finding to compare');
    assert.ok(stats.keptItems > sequences, `only ${stats.keptItems} items were kept rather than read again`);
  });

  it('rereads only the block, the field and the item a keystroke touched, and moves the rest', () => {
    const text = draftWithItems(60);
    const parser = new IncrementalParser();
    const modelCache = new ModelCache({ origin: parser.originOf });
    const lineMemo = new LineMemo();
    const check = (version: string) => lint(version, { parse: parser.parse, modelCache, lineMemo, today: '2030-01-01' });
    check(text);
    const at = text.indexOf('without functional improvement', text.indexOf('30. Physical'));
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const kept = check(edited);
    assert.deepEqual(kept.model, lint(edited, { today: '2030-01-01' }).model);
    assert.equal(modelCache.stats.blocks.read, 1, 'blocks read afresh');
    // The edited item is read again, its two other fields taken as they were; the items after it are moved.
    assert.deepEqual(modelCache.stats.items, { read: 1, kept: 59 }, 'items read afresh and kept');
    assert.deepEqual(modelCache.stats.fields, { read: 1, kept: 2 }, 'fields of the items read afresh');
  });

  it('keeps line readings when the configuration comes as a new copy with each check, as a checking thread receives it', () => {
    const memo = new LineMemo();
    const read: string[] = [];
    const length = (text: string): number => {
      read.push(text);
      return text.length;
    };
    const config = { privacy: { patterns: ['\\bMRN \\d{6}\\b'] }, rules: { phi: 'warning' } };
    for (const line of ['The applicant was seen on May 1.', 'The applicant was seen on May 12.']) {
      const reader = memo.reader('phi', structuredClone(config));
      reader('Decision rationale: none.', length);
      reader(line, length);
      memo.settle();
    }
    assert.deepEqual(read, ['Decision rationale: none.', 'The applicant was seen on May 1.', 'The applicant was seen on May 12.']);
    // Another configuration may read a line otherwise (the privacy patterns): every line is read again.
    memo.reader('phi', { ...config, privacy: { patterns: [] } })('Decision rationale: none.', length);
    assert.equal(read.length, 4);
  });

  it('reads the front matter again only when its own text changes', () => {
    const text = `---\ncase: CM26-0001234\nprofile: ca-dwc-imr\n---\n\n${draftWithItems(3)}`;
    const parser = new IncrementalParser();
    const modelCache = new ModelCache({ origin: parser.originOf });
    const check = (version: string) => lint(version, { parse: parser.parse, modelCache, today: '2030-01-01' }).model!;
    const first = check(text);
    const typed = text.replace('sessions of therapy', 'sessions of physical therapy');
    const below = check(typed);
    assert.equal(below.frontMatter, first.frontMatter, 'kept for an edit below it');
    assert.deepEqual(below, lint(typed, { today: '2030-01-01' }).model);
    const renamed = typed.replace('CM26-0001234', 'CM26-0001235');
    const inside = check(renamed);
    assert.notEqual(inside.frontMatter, below.frontMatter);
    assert.equal(inside.frontMatter?.data.case, 'CM26-0001235');
    assert.deepEqual(inside, lint(renamed, { today: '2030-01-01' }).model);
  });

  it('moves the items after a new paragraph down by its lines', () => {
    const text = draftWithItems(40);
    const parser = new IncrementalParser();
    const modelCache = new ModelCache();
    const check = (version: string) => lint(version, { parse: parser.parse, modelCache, today: '2030-01-01' });
    check(text);
    const at = text.indexOf('Therefore', text.indexOf('12. Physical'));
    const edited = `${text.slice(0, at)}The applicant was working.\n\n${text.slice(at)}`;
    assert.deepEqual(check(edited).model, lint(edited, { today: '2030-01-01' }).model);
    assert.deepEqual(modelCache.stats.items, { read: 1, kept: 39 });
  });
});
