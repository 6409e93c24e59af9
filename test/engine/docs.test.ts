import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ruleDocsPath, rules } from '../../engine/src';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
// The engine's own finding for drafts too large to check has a page too, though it is no rule.
const pages = [...rules.map((rule) => ({ id: rule.id, severity: rule.severity as string })), { id: 'max-file-size', severity: 'warning' }];

describe('rule documentation', () => {
  it('gives every rule a stable kebab-case id and a one-line description', () => {
    const ids = new Set<string>();
    for (const rule of rules) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/, rule.id);
      assert.ok(!ids.has(rule.id), `${rule.id} is unique`);
      ids.add(rule.id);
      assert.ok(rule.description.length > 20 && rule.description.length <= 160, `${rule.id}: description length ${rule.description.length}`);
      assert.ok(!rule.description.includes('\n'), `${rule.id}: description is one line`);
      assert.match(rule.description, /^[A-Z].*\.$/, `${rule.id}: description is a sentence`);
    }
    assert.equal(rules.length, 20);
  });

  for (const { id, severity } of pages) {
    it(`docs/rules/${id}.md says what it checks, why, how to fix and how to disable`, () => {
      const path = ruleDocsPath(id);
      assert.ok(existsSync(new URL(path, root)), `${path} exists`);
      const page = read(path);
      assert.ok(page.startsWith(`# ${id}\n`), 'opens with the rule id as its title');
      assert.match(page, new RegExp(`Default severity: \\*\\*${severity}\\*\\*`), 'states the default severity');
      for (const heading of ['## What it checks', '## Why it matters', '## Example', '## Fix', '## Options', '## Disabling']) {
        assert.ok(page.includes(`\n${heading}\n`), `has "${heading}"`);
      }
      if (id !== 'max-file-size') {
        assert.ok(page.includes(`<!-- imr-disable-next-line ${id} -->`), 'shows the disable comment');
        assert.ok(page.includes(`"${id}": "off"`), 'shows the configuration switch');
      }
    });
  }

  it('lists every rule in the index with its default severity, and no page without a rule', () => {
    const index = read('docs/rules/README.md');
    for (const { id, severity } of pages) {
      assert.match(index, new RegExp(`^\\| \\[\`${id}\`\\]\\(${id}\\.md\\) \\| ${severity} \\|`, 'm'), id);
    }
    const documented = readdirSync(new URL('docs/rules/', root))
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => name.slice(0, -3))
      .sort();
    assert.deepEqual(documented, pages.map((page) => page.id).sort());
  });
});
