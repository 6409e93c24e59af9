// Property-based tests of the engine: arbitrary strings, mutated drafts and edit sequences (see properties.ts).
// FUZZ_SCALE=<n> multiplies the case counts; `npm run fuzz` runs 100,000 and more.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { emptyStats, properties, type PropertyName } from './properties';

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const runs: Record<PropertyName, number> = { 'arbitrary strings': 1000, 'mutated drafts': 700, 'edit sequences': 250 };

describe('engine under arbitrary input (fast-check)', () => {
  for (const name of Object.keys(properties) as PropertyName[]) {
    it(`${name}: never throws, ranges inside, fixes never collide, fix-all sticks (${Math.round(runs[name] * scale)} cases)`, () => {
      const stats = emptyStats();
      fc.assert(properties[name](stats), { numRuns: Math.round(runs[name] * scale) });
      assert.equal(stats.cases, Math.round(runs[name] * scale));
      // The cases must reach the engine's findings, or the property proves nothing.
      assert.ok(stats.findings > 0, 'no case produced a finding');
    });
  }
});
