// What a repository's configuration costs at most: files read, folders looked at, depth, nesting; and what trust changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigLoader } from '../../engine/src/config/load';
import { compileGlob, matchesGlobs } from '../../engine/src/config/globs';
import { json, memoryHost } from './memory-host';

describe('configuration limits', () => {
  it('discovery looks at each folder once for a run, not once per draft', async () => {
    const host = memoryHost({ '/work/.git/HEAD': 'ref', '/work/a/b/c/.imrlintrc.json': json({ rules: { phi: 'off' } }) });
    let looks = 0;
    const counting = { ...host, exists: (path: string) => (looks++, host.exists(path)) };
    const loader = new ConfigLoader(counting);
    for (let draft = 0; draft < 200; draft++) await loader.resolve(`/work/a/b/c/d/letter-${draft}.imr.md`);
    assert.equal(looks, 5, 'one look for .git in each of d, c, b, a and /work');
    assert.equal(new Set(host.reads).size, host.reads.length, 'each configuration file name read once');
  });

  it('a diamond of extends 12 levels deep reads its distinct files once and stops at the depth limit', async () => {
    const files: Record<string, string> = {};
    for (let level = 0; level < 12; level++)
      for (const side of ['l', 'r'])
        files[`/work/base/${level}${side}.json`] = json(level < 11 ? { extends: [`./${level + 1}l.json`, `./${level + 1}r.json`] } : {});
    files['/work/.imrlintrc.json'] = json({ extends: ['./base/0l.json', './base/0r.json'] });
    const host = memoryHost(files);
    const effective = await new ConfigLoader(host).resolve('/work/d.imr.md', { root: '/work' });
    assert.equal(effective.valid, false);
    const problem = effective.problems.find((candidate) => /files deep/.test(candidate.message));
    assert.match(
      problem!.message,
      /"\.\/9l\.json" is more than 10 files deep in "extends" \(\.\.\/\.imrlintrc\.json → 0l\.json → .* → 9l\.json\); extend fewer bases in a row/,
    );
    assert.ok(host.reads.length <= 1 + 3 + 2 * 10, `${host.reads.length} reads`);
  });

  it('a chain of 10 files is allowed', async () => {
    const files: Record<string, string> = { '/work/.imrlintrc.json': json({ extends: './1.json' }) };
    for (let level = 1; level < 10; level++) files[`/work/${level}.json`] = json(level < 9 ? { extends: `./${level + 1}.json` } : { rules: { phi: 'off' } });
    const effective = await new ConfigLoader(memoryHost(files)).resolve('/work/d.imr.md', { root: '/work' });
    assert.ok(effective.valid, JSON.stringify(effective.problems));
    assert.equal(effective.config.rules?.phi, 'off');
  });

  it('JSON nested past 64 levels is an error at the first bracket too deep, before any parsing', async () => {
    const text = `{"profiles": ${'['.repeat(70)}${']'.repeat(70)}}`;
    const effective = await new ConfigLoader(memoryHost({ '/work/.imrlintrc.json': text })).resolve('/work/d.imr.md', { root: '/work' });
    const [problem] = effective.problems;
    assert.match(problem.message, /nested more than 64 levels deep/);
    assert.equal(problem.span?.start, '{"profiles": '.length + 63);
    // Brackets inside strings and comments do not count.
    const quoted = `{"$schema": "${'['.repeat(100)}" /* ${'{'.repeat(100)} */}`;
    assert.ok((await new ConfigLoader(memoryHost({ '/work/.imrlintrc.json': quoted })).resolve('/work/d.imr.md', { root: '/work' })).valid);
  });

  it('untrusted, a file cannot raise maxFileSize: the default applies and a warning says so; lowering still works', async () => {
    const host = memoryHost({ '/work/.imrlintrc.json': json({ maxFileSize: 50_000_000 }), '/work/low/.imrlintrc.json': json({ maxFileSize: 1000 }) });
    const untrusted = await new ConfigLoader(host).resolve('/work/d.imr.md', { root: '/work', trusted: false });
    assert.equal(untrusted.config.maxFileSize, undefined);
    assert.match(untrusted.problems[0].message, /50000000 is not used in an untrusted workspace/);
    assert.equal(untrusted.problems[0].severity, 'warning');
    const settings = { config: { maxFileSize: 20_000_000 }, problems: [] };
    assert.equal(
      (await new ConfigLoader(host).resolve('/work/d.imr.md', { root: '/work', trusted: false, settings })).config.maxFileSize,
      20_000_000,
      "the user's own setting still applies",
    );
    assert.equal((await new ConfigLoader(host).resolve('/work/low/d.imr.md', { root: '/work', trusted: false })).config.maxFileSize, 1000);
    assert.equal((await new ConfigLoader(host).resolve('/work/d.imr.md', { root: '/work' })).config.maxFileSize, 50_000_000, 'trusted: used');
  });

  it('untrusted, a file cannot raise the budget, key by key; it may lower it; the settings and a trusted workspace may raise it', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ budget: { timeMs: 60_000, memoryMb: 256 } }),
      '/work/big/.imrlintrc.json': json({ budget: { memoryMb: 2048 } }),
    });
    const untrusted = await new ConfigLoader(host).resolve('/work/d.imr.md', { root: '/work', trusted: false });
    assert.deepEqual(untrusted.config.budget, { memoryMb: 256 }, 'the lowered memory budget applies; the raised time budget does not');
    assert.deepEqual(
      untrusted.problems.map((problem) => [problem.path.join('.'), problem.severity, problem.message]),
      [
        [
          'budget.timeMs',
          'warning',
          '60000 is not used in an untrusted workspace, which cannot raise the budget above the default 10000; trust the workspace to use it',
        ],
      ],
    );
    const nested = await new ConfigLoader(host).resolve('/work/big/d.imr.md', { root: '/work', trusted: false });
    assert.deepEqual(nested.config.budget, { memoryMb: 256 }, "the nearer file's raise is dropped; the farther file's lower value stands");
    const settings = { config: { budget: { timeMs: 30_000 } }, problems: [] };
    assert.deepEqual((await new ConfigLoader(host).resolve('/work/d.imr.md', { root: '/work', trusted: false, settings })).config.budget, {
      timeMs: 30_000,
      memoryMb: 256,
    });
    assert.deepEqual(
      (await new ConfigLoader(host).resolve('/work/big/d.imr.md', { root: '/work' })).config.budget,
      { timeMs: 60_000, memoryMb: 2048 },
      'trusted: used',
    );
  });

  it('a budget outside its range is a configuration error that says the range', async () => {
    const host = memoryHost({ '/work/.imrlintrc.json': json({ budget: { timeMs: 10, memoryMb: 1_000_000, seconds: 3 } }) });
    const resolved = await new ConfigLoader(host).resolve('/work/d.imr.md', { root: '/work' });
    assert.equal(resolved.valid, false);
    assert.deepEqual(resolved.problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`).sort(), [
      'budget.memoryMb: budget.memoryMb is at most 16384',
      'budget.seconds: unknown key "seconds" (allowed: timeMs, memoryMb)',
      'budget.timeMs: budget.timeMs is at least 100',
    ]);
  });
});

describe('globs', () => {
  const cases: [string, string, boolean][] = [
    ['templates/', 'templates/blank.md', true],
    ['templates/', 'x/templates/blank.md', true],
    ['*.sample.md', 'a/b/c.sample.md', true],
    ['archive/2014/**', 'archive/2014/x.md', true],
    ['archive/2014/**', 'x/archive/2014/x.md', false],
    ['cases/**/*.md', 'cases/x.md', true],
    ['cases/**/*.md', 'cases/a/b/x.md', true],
    ['cases/**/*.md', 'cases/a/b/x.txt', false],
    ['/top.md', 'top.md', true],
    ['/top.md', 'a/top.md', false],
    ['*.{md,txt}', 'a/b.txt', true],
    ['x?[ab].md', 'q/xya.md', true],
    ['x?[!ab].md', 'q/xya.md', false],
    ['x?[!ab].md', 'q/xyc.md', true],
    ['archive', 'archive/2013/a.md', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['*a*a*a*a*a*a*b', `${'a'.repeat(200)}/d.md`, false],
    ['*a*a*a*a*a*a*b', `${'a'.repeat(200)}b/d.md`, true],
  ];
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path.length > 40 ? `${path.slice(0, 12)}…${path.slice(-8)}` : path}`, () => {
      assert.equal(matchesGlobs({ base: '/w', patterns: [glob] }, `/w/${path}`), expected);
    });
  }

  it('a class RE2 cannot read is an invalid glob, said so', () => {
    assert.deepEqual(compileGlob('[z-a].md'), { ok: false, message: 'invalid character class range: `z-a`' });
  });
});

describe('globs as people write them', () => {
  const cases: [string[], string, boolean][] = [
    [['./cases/*.md'], 'cases/x.md', true],
    [['./cases/*.md'], 'a/cases/x.md', false],
    [['cases\\2014\\*.md'], 'cases/2014/x.md', true],
    [['//top.md'], 'top.md', true],
    [['//top.md'], 'a/top.md', false],
    [['templates//'], 'a/templates/blank.md', true],
    [['notes.md', 'blank.md'], 'templates/blank.md', true],
    [['notes.md', 'blank.md'], 'templates/other.md', false],
    [['**'], 'a/b/c.md', true],
    [['**/x.md'], 'a/b/x.md', true],
    [['a/**'], 'a', true],
    [['a/**/**/b'], 'a/x/b', true],
    [['a/**/**/b'], 'a/x/c', false],
    [['[]a].md'], '].md', true],
    [['[!]a].md'], 'b.md', true],
    [['[!]a].md'], '].md', false],
    [['{a}.md'], '{a}.md', true],
    [['{a}.md'], 'a.md', false],
    [['{a,{b,c}}.md'], 'c.md', true],
    [['{a,{b,c}}.md'], 'd.md', false],
    [['[abc.md'], '[abc.md', true],
    [['a**b.md'], 'axyb.md', true],
    [['a**b.md'], 'ax/yb.md', false],
  ];
  for (const [patterns, path, expected] of cases) {
    it(`${patterns.join(' ')} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(matchesGlobs({ base: '/w', patterns }, `/w/${path}`), expected);
    });
  }

  it('matches nothing at the folder itself or outside it', () => {
    assert.equal(matchesGlobs({ base: '/w', patterns: ['**'] }, '/w'), false);
    assert.equal(matchesGlobs({ base: '/w', patterns: ['**'] }, '/other/x.md'), false);
  });

  it('refuses a glob longer than 1000 characters, and compiles each glob once', () => {
    assert.deepEqual(compileGlob(`${'a'.repeat(1001)}.md`), { ok: false, message: 'longer than 1000 characters' });
    assert.equal(compileGlob(`${'a'.repeat(996)}.md`).ok, true);
    assert.equal(compileGlob('cases/*.md'), compileGlob('cases/*.md'));
  });
});
