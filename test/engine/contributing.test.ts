// The steps of CONTRIBUTING.md, checked for every rule and every built-in profile, so a step left out fails here by name.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { builtinProfiles } from '../../engine/src/profiles/builtin';
import { registry, rules } from '../../engine/src/rules';
import { engineFindings } from '../../engine/src/rules/engine-findings';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const exists = (path: string): boolean => existsSync(new URL(path, root));
const guide = read('CONTRIBUTING.md');

/** Every test file's text, for entries tested outside test/rules (the engine's own findings). */
function testSources(folder = 'test/'): string[] {
  return readdirSync(new URL(folder, root), { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'vscode' ? [] : testSources(`${folder}${entry.name}/`);
    return entry.name.endsWith('.test.ts') ? [read(`${folder}${entry.name}`)] : [];
  });
}

describe('adding a rule', () => {
  it('CONTRIBUTING.md names the four files and the build', () => {
    for (const step of [
      'engine/src/rules/<rule-id>.ts',
      'engine/src/rules/index.ts',
      'test/rules/<rule-id>.test.ts',
      'docs/rules/<rule-id>.md',
      'npm run build',
    ]) {
      assert.ok(guide.includes(step), step);
    }
  });

  for (const rule of rules) {
    it(`${rule.id}: its file, its registry entry, its test and its page`, () => {
      const file = `engine/src/rules/${rule.id}.ts`;
      assert.ok(exists(file), `1. ${file}`);
      assert.match(read(file), new RegExp(`id: '${rule.id}'`), `1. ${file} declares the id`);
      assert.equal(registry.filter((entry) => entry.id === rule.id).length, 1, '2. one registry entry');
      const test = `test/rules/${rule.id}.test.ts`;
      assert.ok(exists(test), `3. ${test}`);
      assert.ok(read(test).includes(`'${rule.id}'`), `3. ${test} checks findings of ${rule.id}`);
      assert.ok(exists(`docs/rules/${rule.id}.md`), `4. docs/rules/${rule.id}.md`);
    });
  }

  it('every rule file is in the registry', () => {
    const declared = readdirSync(new URL('engine/src/rules/', root))
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => [...read(`engine/src/rules/${name}`).matchAll(/^\s+id: '([a-z-]+)',$/gm)].map((match) => match[1]));
    assert.deepEqual(declared.sort(), registry.map((entry) => entry.id).sort());
  });

  it("the engine's own findings each have a page and a test", () => {
    const tests = testSources();
    for (const entry of engineFindings) {
      assert.ok(exists(`docs/rules/${entry.id}.md`), `docs/rules/${entry.id}.md`);
      assert.ok(
        tests.some((source) => source.includes(`'${entry.id}'`)),
        `a test checks ${entry.id}`,
      );
    }
  });
});

describe('adding a built-in profile', () => {
  it('CONTRIBUTING.md names the data, the fixture and the build', () => {
    for (const step of ['engine/src/profiles/builtin.ts', 'test/config/fixtures/<profile-id>.imr.md', 'npm run build']) assert.ok(guide.includes(step), step);
  });

  for (const profile of builtinProfiles) {
    it(`${profile.id}: a fixture that names it and lints without an error or a warning`, () => {
      const fixture = `test/config/fixtures/${profile.id}.imr.md`;
      assert.ok(exists(fixture), fixture);
      const result = lint(read(fixture), { today: '2024-06-01' });
      assert.equal(result.model?.profile.id, profile.id, 'the fixture names the profile in its front matter');
      assert.deepEqual(
        result.findings
          .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
          .map((finding) => `${finding.ruleId}: ${finding.message}`),
        [],
      );
    });
  }
});
