import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigLoader, isChecked } from '../../engine/src/config/load';
import { json, memoryHost } from './memory-host';

const DRAFT = '/work/cases/letter.imr.md';

describe('extends', () => {
  it('follows a chain: each file wins over the files it extends', async () => {
    const host = memoryHost({
      '/shared/base.json': json({ rules: { phi: 'error', credentials: 'warning', 'date-chronology': 'off' } }),
      '/shared/org.json': json({ extends: './base.json', rules: { credentials: 'info' } }),
      '/work/cases/.imrlintrc.json': json({ extends: '../../shared/org.json', rules: { phi: 'warning' } }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.ok(effective.valid, JSON.stringify(effective.problems));
    assert.deepEqual(effective.files, ['/shared/base.json', '/shared/org.json', '/work/cases/.imrlintrc.json']);
    assert.deepEqual(effective.config.rules, { phi: 'warning', credentials: 'info', 'date-chronology': 'off' });
  });

  it('applies a list in order, later entries winning, and accepts absolute paths', async () => {
    const host = memoryHost({
      '/work/a.json': json({ profile: 'ca-dwc-imr-2013', rules: { phi: 'off' } }),
      '/opt/b.json': json({ profile: 'ca-dwc-imr-2015' }),
      '/work/cases/.imrlintrc.json': json({ extends: ['../a.json', '/opt/b.json'] }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.equal(effective.config.profile, 'ca-dwc-imr-2015');
    assert.equal(effective.config.rules?.phi, 'off');
  });

  it("makes a base's globs relative to the file that extends it", async () => {
    const host = memoryHost({
      '/shared/base.json': json({ ignore: ['templates/**'] }),
      '/work/cases/.imrlintrc.json': json({ extends: '../../shared/base.json' }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.equal(isChecked(effective, '/work/cases/templates/blank.md'), false);
    assert.equal(isChecked(effective, DRAFT), true);
  });

  it('reports a missing target at the extends entry, naming where it looked', async () => {
    const text = '{\n  "extends": ["./base.json", "./missing.json"]\n}\n';
    const host = memoryHost({ '/work/cases/base.json': '{}', '/work/cases/.imrlintrc.json': text });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.equal(effective.valid, false);
    const [problem] = effective.problems;
    assert.deepEqual(problem.path, ['extends', 1]);
    assert.match(problem.message, /cannot find "\.\/missing\.json" \(looked for \/work\/cases\/missing\.json\)/);
    assert.equal(text.slice(problem.span!.start, problem.span!.end), '"./missing.json"');
    assert.deepEqual(problem.range!.start, { line: 1, character: 29 });
  });

  it('detects a cycle and names every file in it', async () => {
    const host = memoryHost({
      '/work/a.json': json({ extends: './b.json' }),
      '/work/b.json': json({ extends: './a.json' }),
      '/work/cases/.imrlintrc.json': json({ extends: '../a.json' }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.equal(effective.valid, false);
    const cycle = effective.problems.find((problem) => problem.file === '/work/b.json');
    assert.ok(cycle, JSON.stringify(effective.problems));
    assert.deepEqual(cycle.path, ['extends']);
    assert.match(cycle.message, /"\.\/a\.json" makes a cycle \(cases\/\.imrlintrc\.json → a\.json → b\.json → a\.json\)/);
    const top = effective.problems.find((problem) => problem.file === '/work/cases/.imrlintrc.json');
    assert.match(top?.message ?? '', /"\.\.\/a\.json" is invalid: /, 'the file the draft sees points at the broken base');
  });

  it('detects a file that extends itself', async () => {
    const host = memoryHost({ '/work/cases/.imrlintrc.json': json({ extends: './.imrlintrc.json' }) });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.match(effective.problems[0].message, /makes a cycle/);
  });

  it('reports an invalid base in the base and at the extends entry', async () => {
    const host = memoryHost({
      '/work/base.json': '{ "rules": { "phi": "loud" } }',
      '/work/cases/.imrlintrc.json': json({ extends: '../base.json' }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(
      effective.problems.map((problem) => [problem.file, problem.path.join('.')]),
      [
        ['/work/base.json', 'rules.phi'],
        ['/work/cases/.imrlintrc.json', 'extends'],
      ],
    );
    assert.match(effective.problems[1].message, /"\.\.\/base\.json" is invalid: rules\.phi: a rule setting is/);
  });

  it('only ever loads JSON: a JavaScript file is reported, never run', async () => {
    const host = memoryHost({
      '/work/config.js': 'module.exports = { rules: {} }; globalThis.ran = true;',
      '/work/cases/.imrlintrc.json': json({ extends: '../config.js' }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.equal(effective.valid, false);
    assert.match(effective.problems[0].message, /not valid JSON/);
    assert.equal((globalThis as { ran?: boolean }).ran, undefined);
  });
});
