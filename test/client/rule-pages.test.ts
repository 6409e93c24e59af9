// The rule pages the extension shows in the editor, read for its quick pick: every rule's page, its description and severity.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { registry, rules } from '../../engine/src/rules';
import { isRuleId, readRulePage, ruleIdOfFile } from '../../client/src/rules/pages';

const folder = new URL('../../docs/rules/', import.meta.url);

describe('rule pages', () => {
  it('name one page per rule, the index and other files none', () => {
    const ids = readdirSync(folder).flatMap((name) => ruleIdOfFile(name) ?? []);
    assert.deepEqual(ids.sort(), registry.map((rule) => rule.id).sort());
    assert.equal(ruleIdOfFile('README.md'), undefined);
    assert.equal(ruleIdOfFile('decision-value.txt'), undefined);
  });

  it("give each rule's description and default severity as the engine has them", () => {
    const read = (id: string) => readRulePage(id, readFileSync(new URL(`${id}.md`, folder), 'utf8'));
    for (const rule of rules) assert.deepEqual(read(rule.id), { id: rule.id, description: rule.description, severity: rule.severity }, rule.id);
    // The engine's own findings: their pages say what happened to the draft.
    for (const entry of registry.filter((candidate) => !rules.includes(candidate as (typeof rules)[number]))) {
      const page = read(entry.id);
      assert.equal(page.severity, entry.severity, entry.id);
      assert.ok(page.description.length > 20, `${entry.id}: ${page.description}`);
    }
  });

  it('read a page written with CRLF and a description over two lines', () => {
    const page = readRulePage('phi', '# phi\r\n\r\nNo identifying details:\r\nnames or numbers.\r\n\r\nDefault severity: **warning** · Fixable: **yes**\r\n');
    assert.deepEqual(page, { id: 'phi', description: 'No identifying details: names or numbers.', severity: 'warning' });
  });

  it('take only rule ids, never a path, as the command argument', () => {
    for (const id of ['decision-value', 'phi', 'item-fields']) assert.ok(isRuleId(id), id);
    for (const value of ['../security', 'decision-value.md', 'Decision-Value', '', 'a/b', '%2e%2e', 42, undefined, 'x'.repeat(81)]) {
      assert.equal(isRuleId(value), false, String(value));
    }
  });
});
