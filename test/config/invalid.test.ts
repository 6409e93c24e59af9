import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { ConfigLoader } from '../../engine/src/config/load';
import { configurationNotices, formatJsonPath } from '../../engine/src/config/problems';
import { memoryHost } from './memory-host';

const FILE = '/work/.imrlintrc.json';
const DRAFT = '/work/letter.imr.md';

interface Case {
  kind: string;
  text: string;
  /** The offending value's JSON path, as messages print it. */
  path: string;
  reason: RegExp;
  /** The text the diagnostic underlines in the configuration file. */
  at: string;
}

const cases: Case[] = [
  {
    kind: 'bad JSON: a missing comma',
    text: '{\n  "profile": "ca-dwc-imr"\n  "rules": {}\n}',
    path: '(root)',
    reason: /not valid JSON: a comma is expected/,
    at: '"rules"',
  },
  {
    kind: 'bad JSON: an unclosed string',
    text: '{ "profile": "ca-dwc-imr }',
    path: '(root)',
    reason: /not valid JSON: a string is not closed/,
    at: '"ca-dwc-imr }',
  },
  { kind: 'not an object', text: '["phi"]', path: '(root)', reason: /a configuration file holds one JSON object/, at: '["phi"]' },
  {
    kind: 'an unknown key',
    text: '{ "rule": { "phi": "off" } }',
    path: 'rule',
    reason: /unknown key "rule" \(allowed: \$schema, root, extends, profile, profiles, rules,/,
    at: '"rule"',
  },
  {
    kind: 'an unknown rule id',
    text: '{ "rules": { "decisionvalue": "off" } }',
    path: 'rules.decisionvalue',
    reason: /unknown rule "decisionvalue"; did you mean "decision-value"\?/,
    at: '"decisionvalue"',
  },
  {
    kind: 'an unknown rule id with no near match',
    text: '{ "rules": { "spelling": "off" } }',
    path: 'rules.spelling',
    reason: /unknown rule "spelling" \(rules: required-section, .*phi/,
    at: '"spelling"',
  },
  {
    kind: 'a severity from another linter',
    text: '{ "rules": { "phi": "warn" } }',
    path: 'rules.phi',
    reason: /"warn" is not a severity; write "warning"/,
    at: '"warn"',
  },
  {
    kind: 'a severity that does not exist',
    text: '{ "rules": { "phi": "loud" } }',
    path: 'rules.phi',
    reason: /a rule setting is "off", "error", "warning", "info" or "hint", or \[severity, \{ options \}\]; got "loud"/,
    at: '"loud"',
  },
  {
    kind: 'a rule tuple with options that are not an object',
    text: '{ "rules": { "phi": ["error", 3] } }',
    path: 'rules.phi',
    reason: /a rule setting is .* got \["error",3\]/,
    at: '["error", 3]',
  },
  { kind: 'a wrong type', text: '{ "root": "yes" }', path: 'root', reason: /expected boolean, received string/, at: '"yes"' },
  { kind: 'a size that is not a number', text: '{ "maxFileSize": "big" }', path: 'maxFileSize', reason: /maxFileSize is a number of characters/, at: '"big"' },
  {
    kind: 'an empty include list',
    text: '{ "include": [] }',
    path: 'include',
    reason: /include lists at least one glob; leave it out to check every draft/,
    at: '[]',
  },
  { kind: 'a number out of range', text: '{ "maxFileSize": 0 }', path: 'maxFileSize', reason: /maxFileSize must be more than 0/, at: '0' },
  {
    kind: 'a bad regular expression',
    text: '{ "privacy": { "patterns": [{ "name": "a claim number", "pattern": "CLM(\\\\d+" }] } }',
    path: 'privacy.patterns[0].pattern',
    reason: /not a valid regular expression: missing closing \): `CLM\(\\d\+`/,
    at: '"CLM(\\\\d+"',
  },
  {
    kind: 'bad regular-expression flags',
    text: '{ "privacy": { "patterns": [{ "name": "x", "pattern": "x", "flags": "g" }] } }',
    path: 'privacy.patterns[0].flags',
    reason: /flags may be i, m, s and u, each once/,
    at: '"g"',
  },
  { kind: 'a glob starting with "!"', text: '{ "ignore": ["!keep.md"] }', path: 'ignore[0]', reason: /a glob cannot start with "!"/, at: '"!keep.md"' },
  {
    kind: 'an unknown profile name',
    text: '{\n  "profile": "ca-dwc-imr-2020"\n}',
    path: 'profile',
    reason: /unknown profile "ca-dwc-imr-2020" \(profiles: ca-dwc-imr, ca-dwc-imr-2015, ca-dwc-imr-2013\)/,
    at: '"ca-dwc-imr-2020"',
  },
  {
    kind: 'a profile without sections',
    text: '{ "profiles": [{ "id": "org", "issuesSection": "x" }] }',
    path: 'profiles[0].sections',
    reason: /a profile without "extends" needs "sections"/,
    at: '{',
  },
  {
    kind: 'a profile id with capitals',
    text: '{ "profiles": [{ "id": "My Org", "extends": "ca-dwc-imr" }] }',
    path: 'profiles[0].id',
    reason: /a profile id is lower-case letters, digits and hyphens/,
    at: '"My Org"',
  },
  {
    kind: 'a profile defined twice',
    text: '{ "profiles": [{ "id": "org", "extends": "ca-dwc-imr" }, { "id": "org", "extends": "ca-dwc-imr" }] }',
    path: 'profiles[1].id',
    reason: /profile "org" is defined twice in this file/,
    at: '"org"',
  },
  {
    kind: 'an issues section that is not a section',
    text: '{ "profiles": [{ "id": "org", "sections": [{ "id": "a", "title": "A" }], "issuesSection": "issues" }] }',
    path: 'profiles[0].issuesSection',
    reason: /"issues" is not the id of one of this profile's sections \(a\)/,
    at: '"issues"',
  },
  {
    kind: 'a profile extending an unknown one',
    text: '{ "profiles": [{ "id": "org", "extends": "maximus" }] }',
    path: 'profiles[0].extends',
    reason: /unknown profile "maximus" \(profiles: org, ca-dwc-imr, ca-dwc-imr-2015, ca-dwc-imr-2013\)/,
    at: '"maximus"',
  },
  {
    kind: 'profiles extending each other',
    text: '{ "profiles": [{ "id": "a", "extends": "b" }, { "id": "b", "extends": "a" }] }',
    path: 'profiles[1].extends',
    reason: /profiles extend each other in a cycle \(a → b → a\)/,
    at: '"a"',
  },
  {
    kind: 'the same word for both decisions',
    text: '{ "profiles": [{ "id": "org", "extends": "ca-dwc-imr", "decisions": { "upheld": "Final", "overturned": "Final" } }] }',
    path: 'profiles[0].decisions.overturned',
    reason: /the two decision words must differ/,
    at: '"Final"',
  },
  {
    kind: 'a missing extends target',
    text: '{ "extends": "./base.json" }',
    path: 'extends',
    reason: /cannot find "\.\/base\.json" \(looked for \/work\/base\.json\)/,
    at: '"./base.json"',
  },
];

describe('invalid configuration', () => {
  for (const entry of cases) {
    it(`reports ${entry.kind} at the offending node, with its path and reason`, async () => {
      const effective = await new ConfigLoader(memoryHost({ [FILE]: entry.text })).resolve(DRAFT, { root: '/work' });
      assert.equal(effective.valid, false, 'the configuration is invalid');
      assert.deepEqual(effective.config, {}, 'the defaults apply');
      const problem = effective.problems.find((candidate) => candidate.severity === 'error');
      assert.ok(problem, 'a problem is reported');
      assert.equal(problem.file, FILE);
      assert.equal(formatJsonPath(problem.path), entry.path);
      assert.match(problem.message, entry.reason);
      assert.ok(problem.span, 'the problem has a place in the file');
      assert.equal(entry.text.slice(problem.span.start, problem.span.end), entry.at);
      const [notice] = configurationNotices(effective.problems, (file) => file.replace('/work/', ''));
      assert.equal(notice.severity, 'error');
      assert.match(notice.message, /^Configuration \.imrlintrc\.json is invalid: /);
      assert.ok(notice.message.includes(`${entry.path === '(root)' ? '' : `${entry.path}: `}${problem.message}`), notice.message);
      assert.match(notice.message, /; the defaults apply\.$/);
    });
  }

  it('lints with the defaults when the configuration is invalid', async () => {
    const effective = await new ConfigLoader(memoryHost({ [FILE]: '{ "rules": { "decision-value": "off", "bogus": 1 } }' })).resolve(DRAFT, { root: '/work' });
    const findings = lint('IMR ISSUES, DECISIONS AND RATIONALES\n\nKnee brace:  Approved\n', { config: effective.config }).findings;
    assert.ok(
      findings.some((finding) => finding.ruleId === 'decision-value'),
      'the rule the broken file turned off still runs',
    );
  });

  it('warns about a duplicate key without invalidating the file', async () => {
    const text = '{\n  "rules": { "phi": "off" },\n  "rules": { "credentials": "off" }\n}';
    const effective = await new ConfigLoader(memoryHost({ [FILE]: text })).resolve(DRAFT, { root: '/work' });
    assert.equal(effective.valid, true);
    assert.deepEqual(effective.config.rules, { credentials: 'off' });
    const [problem] = effective.problems;
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /duplicate key "rules"; only the last one counts/);
    assert.deepEqual(problem.range?.start, { line: 2, character: 2 });
    const [notice] = configurationNotices(effective.problems, (file) => file);
    assert.equal(notice.severity, 'warning');
    assert.doesNotMatch(notice.message, /defaults apply/);
  });

  it('lists a few problems of one file in full and counts the rest', async () => {
    const text = JSON.stringify({ rules: { a: 'off', b: 'off', c: 'off', d: 'off', e: 'off' } });
    const effective = await new ConfigLoader(memoryHost({ [FILE]: text })).resolve(DRAFT, { root: '/work' });
    const [notice] = configurationNotices(effective.problems, (file) => file);
    assert.match(notice.message, /rules\.a: .*rules\.b: .*rules\.c: .*; and 2 more; the defaults apply\.$/);
  });

  it('treats an empty file as an empty configuration, and a byte-order mark as nothing', async () => {
    assert.equal((await new ConfigLoader(memoryHost({ [FILE]: '  // nothing yet\n' })).resolve(DRAFT, { root: '/work' })).valid, true);
    const bom = await new ConfigLoader(memoryHost({ [FILE]: '\ufeff{ "rules": { "phi": "off" } }' })).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(bom.config.rules, { phi: 'off' });
  });

  it('keeps "__proto__" an ordinary, unknown key', async () => {
    const effective = await new ConfigLoader(memoryHost({ [FILE]: '{ "__proto__": { "rules": { "phi": "off" } } }' })).resolve(DRAFT, { root: '/work' });
    assert.equal(effective.valid, false);
    assert.match(effective.problems[0].message, /unknown key "__proto__"/);
  });
});
