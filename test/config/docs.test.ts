import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { configSchema } from '../../engine/src/config/schema';
import { builtinProfiles } from '../../engine/src/profiles/builtin';
import { rules } from '../../engine/src/rules';
import { ConfigLoader } from '../../engine/src/config/load';
import { readSettings } from '../../engine/src/config/settings';
import { memoryHost } from './memory-host';

const docs = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
const examples = [...docs.matchAll(/```jsonc\n([\s\S]*?)```/g)].map((match) => match[1]);

describe('docs/configuration.md', () => {
  it('has examples, each a valid configuration file or valid settings', async () => {
    assert.ok(examples.length >= 10, `${examples.length} examples`);
    for (const example of examples) {
      const value = parse(example) as Record<string, unknown>;
      if (Object.keys(value).some((key) => key.startsWith('imr.'))) {
        const settings = Object.fromEntries(Object.entries(value).map(([key, setting]) => [key.replace(/^imr\./, ''), setting]));
        assert.deepEqual(readSettings(settings).problems, [], example);
        continue;
      }
      // Bases an example extends exist, so that only the example itself is judged.
      const host = memoryHost({ '/work/team/.imrlintrc.json': example, '/work/shared/.imrlintrc.base.json': '{}' });
      const effective = await new ConfigLoader(host).resolve('/work/team/draft.md', { root: '/work' });
      assert.deepEqual(effective.problems, [], example);
    }
  });

  it('names every configuration key, rule id and built-in profile', () => {
    for (const key of Object.keys(configSchema.shape)) assert.ok(docs.includes(`\`${key}\``), key);
    for (const rule of rules) assert.ok(docs.includes(`\`${rule.id}\``), rule.id);
    for (const profile of builtinProfiles) assert.ok(docs.includes(`\`${profile.id}\``), profile.id);
  });
});
