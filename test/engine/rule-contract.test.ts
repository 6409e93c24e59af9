import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { configSchema } from '../../engine/src/config/schema';
import { lint } from '../../engine/src/lint';
import { registry } from '../../engine/src/rules';
import { defineRule } from '../../engine/src/rules/types';

const DRAFT = 'HOW THE IMR FINAL DETERMINATION WAS MADE\n\nText.\n';

/** A rule from outside the registry: the runner must treat it exactly as a built-in one. */
const seen: unknown[] = [];
const probe = defineRule({
  id: 'probe',
  description: 'Reports what it was given.',
  severity: 'hint',
  tags: ['test'],
  options: z.strictObject({ limit: z.number().int().default(3) }),
  check(model, context) {
    seen.push({ options: context.options, today: context.today, privacy: context.privacy });
    context.report({ span: { start: 0, end: 3 }, message: `limit ${context.options.limit}` });
  },
});

describe('the rule contract', () => {
  it('gives a rule its options checked and defaulted by its own schema, the clock and the privacy patterns', () => {
    seen.length = 0;
    const privacy = [{ name: 'a claim number', pattern: 'CLM-\\d+' }];
    const result = lint(DRAFT, { rules: [probe], today: '2020-02-02', config: { privacy: { patterns: privacy }, rules: { probe: ['warning', {}] } as never } });
    assert.deepEqual(seen, [{ options: { limit: 3 }, today: '2020-02-02', privacy }]);
    assert.deepEqual(
      result.findings.map((finding) => [finding.ruleId, finding.severity, finding.message]),
      [['probe', 'warning', 'limit 3']],
    );
  });

  it('reports a rule whose options fail its schema as failed, and runs the others', () => {
    const result = lint(DRAFT, {
      rules: [probe, registry.find((entry) => entry.id === 'required-section') as never],
      config: { rules: { probe: ['error', { limit: 'x' }] } as never },
    });
    assert.deepEqual(
      result.failures.map((failure) => failure.ruleId),
      ['probe'],
    );
    assert.match(result.findings.find((finding) => finding.ruleId === 'probe')!.message, /options are invalid: limit/);
    assert.ok(result.findings.some((finding) => finding.ruleId === 'required-section'));
  });

  it("takes each rule's options from the rule in configuration: accepted when the rule declares them, refused otherwise", () => {
    assert.ok(configSchema.safeParse({ rules: { 'credential-specialty': ['info', { specialties: ['Naturopathy'] }] } }).success);
    const misspelt = configSchema.safeParse({ rules: { 'credential-specialty': ['info', { specialty: ['Naturopathy'] }] } });
    assert.ok(!misspelt.success);
    const none = configSchema.safeParse({ rules: { 'decision-value': ['error', { words: [] }] } });
    assert.ok(!none.success);
    assert.match(none.error.issues.map((issue) => issue.message).join('\n'), /takes no options \(got "words"\)/);
  });

  it("configures the engine's own findings like rules", () => {
    const big = 'x'.repeat(50);
    assert.equal(lint(big, { config: { maxFileSize: 10 } }).findings[0].ruleId, 'max-file-size');
    assert.equal(lint(big, { config: { maxFileSize: 10, rules: { 'max-file-size': 'error' } } }).findings[0].severity, 'error');
    assert.deepEqual(lint(big, { config: { maxFileSize: 10, rules: { 'max-file-size': 'off' } } }).findings, []);
  });
});
