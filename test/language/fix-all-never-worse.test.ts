// Fixes never make a draft worse: after fix-all, a draft has no more errors than before, for every fixture as it is
// and as a reviewer might have slipped (a UR word, a decision swapped, a conclusion contradicted, lines moved).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixAll } from '../../engine/src/language/fix-all';
import { lint } from '../../engine/src/lint';
import { rules as allRules } from '../../engine/src/rules';
import { defineRule } from '../../engine/src/rules/types';
import type { Finding } from '../../engine/src/rules/types';
import { fixtureDrafts, mutate, mutation } from '../fuzz/arbitraries';

const errors = (findings: readonly Finding[]): number => findings.filter((finding) => finding.severity === 'error').length;
const TODAY = '2026-01-01';
const drafts = fixtureDrafts();

/** Slips reviewers make in a decision or a conclusion, which tempt a fix to contradict the rationale. */
const SLIPS: [RegExp, string][] = [
  [/:\s+Upheld/, ':  Approved'],
  [/:\s+Overturned/, ':  Denied'],
  [/:\s+Upheld/, ':  Modified'],
  [/:\s+Overturned/, ':  overturn'],
  [/:\s+Upheld/, ':  Overturned'],
  [/ not medically necessary\./, ' medically necessary.'],
  [/Therefore, the request was [^.]*\./, ''],
];

describe('fix-all never leaves more errors than it found', () => {
  it('holds for every fixture as it is', () => {
    for (const text of drafts) {
      const before = lint(text, { today: TODAY }).findings;
      const fixed = fixAll(text, { today: TODAY }, before);
      assert.ok(errors(fixed.remaining) <= errors(before), `${errors(before)} errors became ${errors(fixed.remaining)}:\n${text.slice(0, 200)}`);
    }
  });

  it("holds for fixtures with a reviewer's slips and random edits (property)", () => {
    const slip = fc.constantFrom(...SLIPS);
    fc.assert(
      fc.property(fc.constantFrom(...drafts), fc.array(slip, { maxLength: 3 }), fc.array(mutation, { maxLength: 2 }), (original, slips, mutations) => {
        let text = original;
        for (const [pattern, replacement] of slips) text = text.replace(pattern, replacement);
        for (const change of mutations) text = mutate(text, change);
        const before = lint(text, { today: TODAY }).findings;
        const fixed = fixAll(text, { today: TODAY }, before);
        const after = lint(fixed.text, { today: TODAY }).findings;
        return errors(after) <= errors(before);
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  it('refuses a fix after which the draft has more errors, and applies the others', () => {
    // A rule whose "fix" writes a UR word where the decision stands: decision-value would then report an error.
    const harmful = defineRule({
      id: 'harmful',
      description: 'Writes a UR word over the decision.',
      severity: 'warning',
      tags: ['test'],
      check(model, context) {
        for (const item of model.items)
          context.report({ span: item.decision.span, message: 'harmful', fix: { title: 'Harm', edits: [{ span: item.decision.span, newText: 'Denied' }] } });
      },
    });
    const rules = [harmful, ...allRules];
    const text = drafts.find((draft) => draft.includes('Left Hip Cortisone Injection:  Overturned'))!.replace('Texas, Ohio', 'Texas, Ohoi');
    const before = lint(text, { today: TODAY, rules }).findings;
    const fixed = fixAll(text, { today: TODAY, rules }, before);
    assert.deepEqual(
      fixed.refused.map((finding) => finding.ruleId),
      ['harmful'],
    );
    assert.match(fixed.text, /Left Hip Cortisone Injection: {2}Overturned/);
    // The harmless fix in the same pass is applied.
    assert.match(fixed.text, /Texas, Ohio/);
    assert.ok(errors(fixed.remaining) <= errors(before));
  });
});
