import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { registry, ruleDocsPath } from '../../engine/src/rules';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
// Every entry of the registry, rules and the engine's own findings alike, has a page.
const pages = registry.map((entry) => ({ id: entry.id, severity: entry.severity as string, engine: 'engine' in entry }));

/** The keys of a rule's options, from its own schema. */
const optionKeys = (entry: (typeof registry)[number]): string[] => {
  const options = 'options' in entry ? entry.options : undefined;
  return options instanceof z.ZodObject ? Object.keys(options.shape) : [];
};

describe('rule documentation', () => {
  it('gives every entry a stable kebab-case id and a one-line description', () => {
    const ids = new Set<string>();
    for (const rule of registry) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/, rule.id);
      assert.ok(!ids.has(rule.id), `${rule.id} is unique`);
      ids.add(rule.id);
      assert.ok(rule.description.length > 20 && rule.description.length <= 160, `${rule.id}: description length ${rule.description.length}`);
      assert.ok(!rule.description.includes('\n'), `${rule.id}: description is one line`);
      assert.match(rule.description, /^[A-Z].*\.$/, `${rule.id}: description is a sentence`);
    }
  });

  for (const { id, severity, engine } of pages) {
    it(`docs/rules/${id}.md says what it checks, why, how to fix and how to disable`, () => {
      const path = ruleDocsPath(id);
      assert.ok(existsSync(new URL(path, root)), `${path} exists`);
      const page = read(path);
      assert.ok(page.startsWith(`# ${id}\n`), 'opens with the rule id as its title');
      assert.match(page, new RegExp(`Default severity: \\*\\*${severity}\\*\\*`), 'states the default severity');
      for (const heading of ['## What it checks', '## Why it matters', '## Example', '## Fix', '## Options', '## Disabling']) {
        assert.ok(page.includes(`\n${heading}\n`), `has "${heading}"`);
      }
      const keys = optionKeys(registry.find((entry) => entry.id === id)!);
      const options = page.slice(page.indexOf('\n## Options\n'), page.indexOf('\n## Disabling\n'));
      if (keys.length === 0) assert.match(options, /has no options/, 'says it has no options');
      for (const key of keys) assert.ok(options.includes(`\`${key}\``), `documents its option "${key}"`);
      assert.ok(page.includes(`"${id}": "off"`), 'shows the configuration switch');
      if (!engine) {
        assert.ok(page.includes(`<!-- imr-disable-next-line ${id} -->`), 'shows the disable comment');
      }
    });
  }

  it('lists every rule in the index and in the README with its default severity, and no page without a rule', () => {
    const index = read('docs/rules/README.md');
    const readme = read('README.md');
    for (const { id, severity } of pages) {
      assert.match(index, new RegExp(`^\\| \\[\`${id}\`\\]\\(${id}\\.md\\) \\| ${severity} \\|`, 'm'), id);
      assert.match(readme, new RegExp(`^\\| \\[\`${id}\`\\]\\(docs/rules/${id}\\.md\\) \\| ${severity} \\|`, 'm'), `README lists ${id}`);
    }
    const listed = (text: string): number => text.split('\n').filter((line) => /^\| \[`[a-z-]+`\]\(/.test(line)).length;
    assert.equal(listed(index), pages.length, 'the index lists nothing but the registry');
    assert.equal(listed(readme), pages.length, 'the README lists nothing but the registry');
    const documented = readdirSync(new URL('docs/rules/', root))
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => name.slice(0, -3))
      .sort();
    assert.deepEqual(documented, pages.map((page) => page.id).sort());
  });
});
