// A repository's configuration as an attacker writes it, met by imr-lint: it cannot hang the run, take the memory or abort it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { repository, runBounded } from './hostile-support';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
// What the seed gets with the defaults: its own date notes.
const seedFindings = lint(seed).findings.length;
/** A letter with a line an exponential-time engine needs 2^40 steps to reject, and a line the pattern does match. */
const draft = `${seed}\nThe file reference ${'a'.repeat(40)}! was noted.\n\n${'a'.repeat(40)}!\n\naaaa\n`;
const REDOS = { name: 'a run of a', pattern: '^(a+)+$' };

function findings(stdout: string): { ruleId: string; message: string; range: { start: { line: number } } }[] {
  return (JSON.parse(stdout) as { diagnostics: { ruleId: string; message: string; range: { start: { line: number } } }[] }[]).flatMap(
    (report) => report.diagnostics,
  );
}

describe('hostile configuration, CLI', () => {
  let repo: ReturnType<typeof repository>;
  before(() => {
    repo = repository('config');
  });
  after(() => repo.remove());

  /** A folder of the repository holding `files`, each a path relative to it and its text. */
  const folder = (name: string, files: Record<string, string>): string => repo.write(name, files);

  it('row 1: a catastrophic-backtracking privacy pattern is matched in linear time, and still finds what it should', { timeout: 30_000 }, async (t) => {
    const root = folder('redos', { '.imrlintrc.json': JSON.stringify({ privacy: { patterns: [REDOS] } }), 'd.imr.md': draft });
    const run = await runBounded(['--format', 'json', 'd.imr.md'], { cwd: root, timeoutMs: 20_000 });
    t.diagnostic(`lint: ${run.ms.toFixed(0)} ms`);
    assert.equal(run.timedOut, false, 'the run ended');
    const matched = findings(run.stdout).filter((finding) => finding.message.startsWith('This looks like a run of a'));
    assert.equal(matched.length, 1, 'the pattern matched the line "aaaa" and nothing else');

    const exported = await runBounded(['--export', 'html', 'd.imr.md'], { cwd: root, timeoutMs: 20_000 });
    t.diagnostic(`--export: ${exported.ms.toFixed(0)} ms`);
    assert.equal(exported.timedOut, false);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(readFileSync(path.join(root, 'd.html'), 'utf8'), /a run of a/);
  });

  it('row 1: patterns RE2 cannot read (look-behind, back-references) are a configuration error that says why', { timeout: 30_000 }, async () => {
    const root = folder('lookbehind', {
      '.imrlintrc.json': JSON.stringify({
        privacy: {
          patterns: [
            { name: 'x', pattern: '(?<=ID )\\d+' },
            { name: 'y', pattern: '(a)\\1' },
          ],
        },
      }),
      'd.imr.md': seed,
    });
    const run = await runBounded(['d.imr.md'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /privacy\.patterns\[0\]\.pattern: not a valid regular expression: look-behind \("\(\?<=", "\(\?<!"\) is not supported/);
    assert.match(run.stderr, /back-references \("\\1", "\\k<name>"\) are not supported/);
  });

  it("row 1: patterns in the phi rule's options (which skipped the schema) are a configuration error saying where they go", { timeout: 30_000 }, async (t) => {
    const root = folder('rule-option', {
      '.imrlintrc.json': JSON.stringify({ rules: { phi: ['warning', { patterns: [REDOS] }] } }),
      'd.imr.md': draft,
    });
    const run = await runBounded(['--format', 'json', 'd.imr.md'], { cwd: root, timeoutMs: 20_000 });
    t.diagnostic(`lint: ${run.ms.toFixed(0)} ms`);
    assert.equal(run.timedOut, false);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /rules\.phi\[1\]\.patterns: privacy patterns are not a rule option: put them under "privacy": \{ "patterns": \[\.\.\.\] \}/);
    assert.equal(
      findings(run.stdout).some((finding) => finding.message.includes('a run of a')),
      false,
      'the pattern was not used',
    );
  });

  it("row 2: an ignore glob with many stars and a folder named with 200 a's: matched in linear time, and still right", { timeout: 30_000 }, async (t) => {
    const root = folder('globs', {
      '.imrlintrc.json': JSON.stringify({ ignore: ['*a*a*a*a*a*a*b', '*a*a*a*a*a*a*a*a*a*a*a*a*b'] }),
      [`${'a'.repeat(200)}/kept.imr.md`]: seed,
      [`${'a'.repeat(200)}b/ignored.imr.md`]: seed,
    });
    const run = await runBounded(['--format', 'json', '.'], { cwd: root, timeoutMs: 20_000 });
    t.diagnostic(`lint: ${run.ms.toFixed(0)} ms`);
    assert.equal(run.timedOut, false);
    const files = (JSON.parse(run.stdout) as { file: string }[]).map((report) => path.basename(report.file));
    assert.deepEqual(files, ['kept.imr.md'], 'the folder ending in b is ignored, the other checked');
  });

  it(
    'row 4: a configuration that is /dev/zero, a named pipe, or extends /dev/zero or /dev/stdin: refused unread, the defaults apply',
    { timeout: 60_000 },
    async (t) => {
      const zero = folder('zero-link', { 'd.imr.md': seed });
      symlinkSync('/dev/zero', path.join(zero, '.imrlintrc.json'));
      const pipe = folder('fifo', { 'd.imr.md': seed });
      execFileSync('mkfifo', [path.join(pipe, '.imrlintrc.json')]);
      const extendsZero = folder('extends-zero', { '.imrlintrc.json': JSON.stringify({ extends: '/dev/zero' }), 'd.imr.md': seed });
      const extendsStdin = folder('extends-stdin', { '.imrlintrc.json': JSON.stringify({ extends: '/dev/stdin' }), 'd.imr.md': seed });
      for (const [root, reason] of [
        [zero, /Configuration \.imrlintrc\.json is invalid: cannot be read: it is not a regular file \(a device\)/],
        [pipe, /Configuration \.imrlintrc\.json is invalid: cannot be read: it is not a regular file \(a named pipe\)/],
        [extendsZero, /extends: "\/dev\/zero" is invalid: cannot be read: it is not a regular file \(a device\)/],
        // Node gives a child's stdin as a socket pair; a shell would give a pipe.
        [extendsStdin, /extends: "\/dev\/stdin" is invalid: cannot be read: it is not a regular file \((a named pipe|a socket)\)/],
      ] as const) {
        // stdin is a pipe nobody writes to: reading it would wait for ever.
        const run = await runBounded(['--format', 'json', 'd.imr.md'], { cwd: root, timeoutMs: 20_000, memoryKb: 1_500_000, stdin: 'pipe' });
        t.diagnostic(`${path.basename(root)}: ${run.ms.toFixed(0)} ms`);
        assert.equal(run.timedOut, false, `${path.basename(root)}: the run ended`);
        assert.equal(run.status, 2);
        assert.match(run.stderr, reason);
        assert.match(run.stderr, /the defaults apply/);
        assert.equal(findings(run.stdout).length, seedFindings, 'the draft was still checked, with the defaults');
      }
    },
  );

  it('row 5: a 13 MB configuration is refused unread, naming the file and the limit', { timeout: 30_000 }, async (t) => {
    const root = folder('huge', { 'd.imr.md': seed });
    writeFileSync(path.join(root, '.imrlintrc.json'), `{"ignore": [${'"x", '.repeat((13 * 2 ** 20) / 5)}"y"]}`);
    const run = await runBounded(['d.imr.md'], { cwd: root, timeoutMs: 20_000, memoryKb: 1_500_000 });
    t.diagnostic(`lint: ${run.ms.toFixed(0)} ms`);
    assert.equal(run.timedOut, false);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /Configuration \.imrlintrc\.json is invalid: cannot be read: it is larger than the 1,048,576 bytes read \(13,\d{3},\d{3} bytes or more\)/,
    );
  });

  it('row 5: a diamond of extends 16 levels deep costs its distinct files and stops at the depth limit', { timeout: 30_000 }, async (t) => {
    // Level i has two files, each extending both files of level i + 1: 2^16 paths, 32 files.
    const files: Record<string, string> = { 'd.imr.md': seed };
    for (let level = 0; level < 16; level++) {
      for (const side of ['l', 'r'])
        files[`base/${level}${side}.json`] = JSON.stringify(
          level < 15 ? { extends: [`./${level + 1}l.json`, `./${level + 1}r.json`] } : { rules: { phi: 'error' } },
        );
    }
    files['.imrlintrc.json'] = JSON.stringify({ extends: ['./base/0l.json', './base/0r.json'] });
    const root = folder('diamond', files);
    const run = await runBounded(['d.imr.md'], { cwd: root, timeoutMs: 20_000 });
    t.diagnostic(`lint: ${run.ms.toFixed(0)} ms`);
    assert.equal(run.timedOut, false);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is more than 10 files deep in "extends" \(.*→.*\); extend fewer bases in a row/);
    assert.doesNotMatch(run.stderr, /RangeError| {4}at /, 'no stack trace');
  });

  it('row 5: a configuration nested 100,000 deep is an error naming the file; the run goes on', { timeout: 30_000 }, async (t) => {
    const root = folder('nested', { 'deep/d.imr.md': seed, 'flat/d.imr.md': seed });
    writeFileSync(path.join(root, 'deep', '.imrlintrc.json'), `{"profiles": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const run = await runBounded(['--format', 'json', 'deep/d.imr.md', 'flat/d.imr.md'], { cwd: root, timeoutMs: 20_000 });
    t.diagnostic(`lint: ${run.ms.toFixed(0)} ms`);
    assert.equal(run.timedOut, false);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Configuration deep\/\.imrlintrc\.json is invalid: nested more than 64 levels deep/);
    assert.doesNotMatch(run.stderr, /RangeError| {4}at /, 'no stack trace');
    assert.equal((JSON.parse(run.stdout) as unknown[]).length, 2, 'both drafts were checked');
  });
});
