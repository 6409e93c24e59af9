// imr-lint on hostile files: binary, invalid UTF-8, empty, 20 MB; and --fix writes only what it was asked to, atomically.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../support/cli';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

/** The findings of the first file in --format json output. */
function findingsOf(stdout: string): { ruleId: string; message: string }[] {
  return (JSON.parse(stdout) as { diagnostics: { ruleId: string; message: string }[] }[])[0].diagnostics;
}

/** Every file in a folder with its bytes, mode and inode, to show what a run touched. */
function snapshot(folder: string): Map<string, { bytes: string; mode: number; inode: number; mtime: number }> {
  const files = new Map<string, { bytes: string; mode: number; inode: number; mtime: number }>();
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    const stat = statSync(file);
    files.set(name, { bytes: readFileSync(file).toString('base64'), mode: stat.mode & 0o7777, inode: stat.ino, mtime: stat.mtimeMs });
  }
  return files;
}

describe('imr-lint robustness', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'imr-robust-cli-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('a binary file: exit 2 and a message that says it is not a text draft; the other files are still checked', async () => {
    writeFileSync(path.join(folder, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(path.join(folder, 'ok.imr.md'), seed);
    const run = await runCli([path.join(folder, 'scan.md'), path.join(folder, 'ok.imr.md'), '--format', 'json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /scan\.md is a binary file, not a text draft/);
    assert.deepEqual(
      JSON.parse(run.stdout).map((report: { file: string }) => path.basename(report.file)),
      ['ok.imr.md'],
    );
  });

  it('invalid UTF-8: exit 2 and the offset of the first bad byte, with what to do', async () => {
    const file = path.join(folder, 'latin1.md');
    writeFileSync(file, Buffer.concat([Buffer.from('# Title\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]));
    const run = await runCli([file]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /latin1\.md is not valid UTF-8 text \(first bad byte at offset 12\); save it as UTF-8/);
    assert.equal(run.stdout, '');
  });

  it('an empty file: the missing sections, exit 1, no crash', async () => {
    const file = path.join(folder, 'empty.imr.md');
    writeFileSync(file, '');
    const run = await runCli([file, '--format', 'json']);
    assert.equal(run.status, 1);
    assert.deepEqual(
      findingsOf(run.stdout).map((finding) => finding.ruleId),
      ['required-section', 'required-section', 'required-section'],
    );
  });

  it('a 20 MB file: the size-limit finding, and the limit is configurable', async () => {
    const file = path.join(folder, 'huge.imr.md');
    writeFileSync(file, `${seed}\n${'lorem ipsum '.repeat((20 * 2 ** 20) / 12)}`);
    const run = await runCli([file, '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const findings = findingsOf(run.stdout);
    assert.deepEqual(
      findings.map((finding) => finding.ruleId),
      ['max-file-size'],
    );
    assert.match(findings[0].message, /raise "maxFileSize" in configuration/);

    const config = path.join(folder, 'small-limit.json');
    writeFileSync(config, JSON.stringify({ maxFileSize: 1000 }));
    const limited = await runCli([path.join(folder, 'ok.imr.md'), '--config', config, '--format', 'json']);
    assert.deepEqual(
      findingsOf(limited.stdout).map((finding) => finding.ruleId),
      ['max-file-size'],
    );
    rmSync(file);
  });

  it('without --fix nothing is written; with --fix only the named file, atomically, keeping mode 0640 and CRLF', async () => {
    const work = mkdtempSync(path.join(folder, 'fix-'));
    const target = path.join(work, 'draft.imr.md');
    const bystander = path.join(work, 'other.imr.md');
    const crlf = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved').replace(/\n/g, '\r\n');
    writeFileSync(target, crlf);
    writeFileSync(bystander, seed.replace('Overturned', 'Approved'));
    chmodSync(target, 0o640);
    const untouched = snapshot(work);

    const check = await runCli([target]);
    assert.equal(check.status, 1, 'a UR word as the decision is an error');
    assert.deepEqual(snapshot(work), untouched, 'a run without --fix wrote nothing');

    const fixed = await runCli([target, '--fix']);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    const now = snapshot(work);
    assert.deepEqual([...now.keys()].sort(), [...untouched.keys()].sort(), 'no temporary or backup file is left behind');
    assert.deepEqual(now.get('other.imr.md'), untouched.get('other.imr.md'), 'a file not named was not touched');
    const written = readFileSync(target, 'utf8');
    assert.ok(written.includes('Left Hip Cortisone Injection:  Overturned'));
    assert.equal(written.replace(/\r\n/g, '').includes('\n'), false, 'every line still ends in CRLF');
    assert.equal(written, crlf.replace('Injection:  Approved', 'Injection:  Overturned'), 'only the fix changed');
    assert.equal(now.get('draft.imr.md')!.mode, 0o640, 'permissions kept');
    assert.notEqual(now.get('draft.imr.md')!.inode, untouched.get('draft.imr.md')!.inode, 'replaced by rename, not rewritten in place');

    const again = await runCli([target, '--fix']);
    assert.equal(again.status, 0);
    assert.deepEqual(snapshot(work).get('draft.imr.md'), now.get('draft.imr.md'), 'a clean file is not rewritten');
  });
});
