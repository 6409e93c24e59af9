// Property-based tests of the engine: arbitrary strings, mutated drafts and edit sequences (see properties.ts).
// FUZZ_SCALE=<n> multiplies the case counts, FUZZ_SEED=<n> changes the seed; `npm run fuzz` runs 100,000 and more.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { descriptions, emptyStats, properties } from './properties';

const scale = Number(process.env.FUZZ_SCALE ?? 1);
// A fixed seed keeps `npm test` repeatable; FUZZ_SEED picks another, and `npm run fuzz` draws a fresh one.
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const runs = { 'arbitrary strings': 1000, 'mutated drafts': 700, 'edit sequences': 250 } as const;

// Fix-all defects already reported to the rules' owner: item-fields sometimes inserts a missing field
// where the next lint does not attach it to the item (after a line the model then reads as another
// item, or inside a paragraph). Any other rule whose fixed finding comes back fails the test.
const KNOWN_FIX_ALL_DEFECTS = new Set(['item-fields: fixed finding reported again']);

describe('engine under arbitrary input (fast-check)', () => {
  for (const [name, count] of Object.entries(runs) as [keyof typeof runs, number][]) {
    const cases = Math.max(1, Math.round(count * scale));
    it(`${name}: ${descriptions[name]} (${cases} cases)`, (t) => {
      const stats = { ...emptyStats(), defects: {} as NonNullable<ReturnType<typeof emptyStats>['defects']> };
      fc.assert(properties[name](stats), { numRuns: cases, seed });
      assert.equal(stats.cases, cases);
      // The cases must reach the engine's findings, or the property proves nothing.
      assert.ok(stats.findings > 0, 'no case produced a finding');
      assert.ok(stats.withFix > 0, 'no case produced a finding with a fix');
      for (const [category, defect] of Object.entries(stats.defects)) {
        t.diagnostic(`known defect ${category}: ${defect.count} case(s)`);
        assert.ok(KNOWN_FIX_ALL_DEFECTS.has(category), `${category} in ${defect.count} case(s), first in ${JSON.stringify(defect.draft)}\n${defect.message}`);
      }
    });
  }
});
