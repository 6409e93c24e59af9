// --export and --fix in a repository an attacker prepared: writes go only where they are meant to.
import assert from 'node:assert/strict';
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readDraft } from '../../cli/src/files';
import { writeFixedDraft } from '../../cli/src/write';
import { bundleCopy, repository, runBounded } from './hostile-support';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
/** A draft with one obvious fix: a UR word as a decision. */
const fixable = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');
const fixed = seed;

describe('hostile writes, CLI', () => {
  let repo: ReturnType<typeof repository>;
  before(() => {
    repo = repository('writes');
  });
  after(() => repo.remove());

  function folder(name: string): string {
    const root = path.join(repo.folder, name);
    mkdirSync(root, { recursive: true });
    return root;
  }

  it('row 7: --export never writes through a link planted where the letter goes, beside the draft or as --out', async () => {
    const root = folder('export-link');
    const victim = path.join(root, 'bashrc');
    writeFileSync(victim, 'export PATH=/usr/bin\n');
    writeFileSync(path.join(root, 'd.imr.md'), seed);
    symlinkSync(victim, path.join(root, 'd.html'));
    symlinkSync(victim, path.join(root, 'out.html'));
    for (const args of [['d.imr.md'], ['d.imr.md', '--out', 'out.html']]) {
      const run = await runBounded(['--export', 'html', ...args], { cwd: root });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /\.html is a symbolic link; not written through it/);
      assert.equal(readFileSync(victim, 'utf8'), 'export PATH=/usr/bin\n', 'the link target is untouched');
    }
    // --force replaces the link itself, never its target.
    const forced = await runBounded(['--export', 'html', 'd.imr.md', '--force'], { cwd: root });
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(readFileSync(victim, 'utf8'), 'export PATH=/usr/bin\n');
    assert.equal(lstatSync(path.join(root, 'd.html')).isSymbolicLink(), false);
    assert.match(readFileSync(path.join(root, 'd.html'), 'utf8'), /<meta name="generator" content="IMR Determinations">/);
  });

  it('row 8: --export of a folder writes determinations only and never overwrites a file it did not write without --force', async () => {
    const root = folder('export-folder');
    writeFileSync(path.join(root, 'case.imr.md'), seed);
    writeFileSync(path.join(root, 'README.md'), '# Notes\n\nHow we file letters.\n');
    writeFileSync(path.join(root, 'other.md'), seed);
    writeFileSync(path.join(root, 'other.html'), '<p>hand-written page</p>\n');
    const run = await runBounded(['--export', 'html', '.'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /other\.html exists and was not written by imr-lint; not overwritten \(use --force to replace it\)/);
    assert.equal(existsSync(path.join(root, 'README.html')), false, 'a README is not a determination');
    assert.ok(existsSync(path.join(root, 'case.html')));
    assert.equal(readFileSync(path.join(root, 'other.html'), 'utf8'), '<p>hand-written page</p>\n');
    // Its own export is replaced on the next run; a foreign file only with --force.
    const again = await runBounded(['--export', 'html', 'case.imr.md'], { cwd: root });
    assert.equal(again.status, 0, again.stderr);
    const forced = await runBounded(['--export', 'html', '.', '--force'], { cwd: root });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(path.join(root, 'other.html'), 'utf8'), /IMR Determinations/);
  });

  it("row 9: --fix writes a linked draft's target and keeps the link; keeps hard links, mode and owner", async () => {
    const root = folder('fix-links');
    mkdirSync(path.join(root, 'real'));
    const target = path.join(root, 'real', 'draft.imr.md');
    writeFileSync(target, fixable);
    chmodSync(target, 0o640);
    symlinkSync(target, path.join(root, 'linked.imr.md'));
    const hard = path.join(root, 'hard.imr.md');
    writeFileSync(hard, fixable);
    linkSync(hard, path.join(root, 'hard-too.imr.md'));
    const owned = path.join(root, 'owned.imr.md');
    writeFileSync(owned, fixable);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) chownSync(owned, 1234, 5678);
    const run = await runBounded(['--fix', 'linked.imr.md', 'hard.imr.md', 'owned.imr.md'], { cwd: root });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.ok(lstatSync(path.join(root, 'linked.imr.md')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readFileSync(target, 'utf8'), fixed, 'the target was fixed');
    assert.equal(statSync(target).mode & 0o777, 0o640, 'mode kept');
    assert.equal(readFileSync(path.join(root, 'hard-too.imr.md'), 'utf8'), fixed, 'the other name of a hard link sees the fix');
    assert.equal(statSync(hard).nlink, 2);
    assert.equal(readFileSync(owned, 'utf8'), fixed);
    if (isRoot) assert.deepEqual([statSync(owned).uid, statSync(owned).gid], [1234, 5678], 'owner kept');
  });

  it('row 9: --fix refuses a read-only draft, keeps CR-only line endings, and leaves no temporary file', async () => {
    const root = folder('fix-modes');
    const readOnly = path.join(root, 'read-only.imr.md');
    writeFileSync(readOnly, fixable);
    chmodSync(readOnly, 0o444);
    const mac = path.join(root, 'mac.imr.md');
    // A missing field label is a fix that inserts a line: it must be CR, as the file's.
    const crOnly = fixable.replace(/\n/g, '\r');
    writeFileSync(mac, crOnly);
    const run = await runBounded(['--fix', 'read-only.imr.md', 'mac.imr.md'], { cwd: root });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /read-only\.imr\.md is read-only; not fixed \(make it writable to let --fix change it\)/);
    assert.equal(readFileSync(readOnly, 'utf8'), fixable, 'the read-only file is untouched');
    const written = readFileSync(mac, 'utf8');
    assert.equal(written, fixed.replace(/\n/g, '\r'));
    assert.equal(written.includes('\n'), false, 'no LF was mixed in');
    assert.deepEqual(readdirSync(root).sort(), ['mac.imr.md', 'read-only.imr.md']);
  });

  it('row 9: --fix in a folder it cannot write reports that file and goes on to the next', async () => {
    // Root writes to any folder: as root, the linter runs as nobody, for whom the folder is read-only.
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? { uid: 65534, gid: 65534 } : {};
    const locked = folder('fix-locked');
    const open = folder('fix-open');
    writeFileSync(path.join(locked, 'a.imr.md'), fixable);
    writeFileSync(path.join(open, 'b.imr.md'), fixable);
    if (asRoot) {
      chmodSync(repo.folder, 0o755);
      for (const file of [path.join(locked, 'a.imr.md'), open, path.join(open, 'b.imr.md')]) chownSync(file, 65534, 65534);
    }
    chmodSync(locked, 0o555);
    try {
      const run = await runBounded(['--fix', path.join(locked, 'a.imr.md'), path.join(open, 'b.imr.md')], {
        ...user,
        // The other user may not reach the checkout: the bundles are copied where it can, and it runs from there.
        ...(asRoot ? { bundle: bundleCopy(repo.folder), cwd: repo.folder } : {}),
      });
      assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stderr, /a\.imr\.md cannot be written \(EACCES/);
      assert.doesNotMatch(run.stderr, / {4}at /, 'no stack trace');
      assert.equal(readFileSync(path.join(locked, 'a.imr.md'), 'utf8'), fixable);
      assert.equal(readFileSync(path.join(open, 'b.imr.md'), 'utf8'), fixed, 'the next file was fixed');
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('row 9: --fix skips a draft saved again after it was read, rather than lose that save', () => {
    const root = folder('fix-race');
    const file = path.join(root, 'd.imr.md');
    writeFileSync(file, fixable);
    const read = readDraft(file, 10_000_000);
    assert.ok(read.ok);
    // The writer saves while the linter works on what it read.
    const saved = `${fixable}\nA sentence typed meanwhile.\n`;
    writeFileSync(file, saved);
    const outcome = writeFixedDraft(file, read, fixed);
    assert.deepEqual(outcome, { written: false, reason: 'changed since it was read; not fixed (run --fix again)' });
    assert.equal(readFileSync(file, 'utf8'), saved, 'the save is kept');
    const again = readDraft(file, 10_000_000);
    assert.ok(again.ok);
    assert.deepEqual(writeFixedDraft(file, again, fixed), { written: true }, 'unchanged since read: written');
  });
});
