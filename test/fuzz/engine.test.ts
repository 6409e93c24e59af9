// Property-based tests of the engine: arbitrary strings, mutated drafts and edit sequences (see properties.ts).
// FUZZ_SCALE=<n> multiplies the case counts; `npm run fuzz` runs 100,000 and more.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { descriptions, emptyStats, properties } from './properties';

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const runs = { 'arbitrary strings': 1000, 'mutated drafts': 700, 'edit sequences': 250 } as const;

describe('engine under arbitrary input (fast-check)', () => {
  for (const [name, count] of Object.entries(runs) as [keyof typeof runs, number][]) {
    const cases = Math.max(1, Math.round(count * scale));
    it(`${name}: ${descriptions[name]} (${cases} cases)`, () => {
      const stats = emptyStats();
      fc.assert(properties[name](stats), { numRuns: cases });
      assert.equal(stats.cases, cases);
      // The cases must reach the engine's findings, or the property proves nothing.
      assert.ok(stats.findings > 0, 'no case produced a finding');
      assert.ok(stats.withFix > 0, 'no case produced a finding with a fix');
    });
  }
});
