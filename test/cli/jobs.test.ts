// imr-lint --jobs: drafts checked on several threads give exactly what one thread gives, in the same order.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { DRAFTS_PER_THREAD, runJobs, threadsFor } from '../../cli/src/jobs';
import type { FileOutcome } from '../../cli/src/lint-file';
import { runCli } from '../support/cli';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** Three folders of every fixture draft, a binary file, notes that are no determination, and a folder whose configuration is invalid. */
function writeArchive(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'imr-jobs-'));
  for (const month of ['2015-01', '2015-02', '2015-03']) {
    for (const kind of ['clean', 'defective', 'unfinished']) {
      const folder = path.join(dir, month, kind);
      mkdirSync(folder, { recursive: true });
      for (const name of readdirSync(path.join(FIXTURES, kind)).filter((file) => file.endsWith('.md')))
        copyFileSync(path.join(FIXTURES, kind, name), path.join(folder, name));
    }
  }
  writeFileSync(path.join(dir, '2015-02', 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
  writeFileSync(path.join(dir, '2015-02', 'notes.md'), '# Meeting notes\n\nDecision: Approved\n');
  // Said once for the whole run, however many drafts it governs and whichever thread reads it first.
  writeFileSync(path.join(dir, '2015-03', 'unfinished', '.imrlintrc.json'), '{ "rules": { "phi": "loud" } }\n');
  return dir;
}

describe('imr-lint --jobs', () => {
  let dir: string;
  before(() => {
    dir = writeArchive();
  });

  for (const format of ['stylish', 'json']) {
    it(`prints with 2 and 4 threads exactly what one thread prints (${format}), messages and status included`, async () => {
      const one = await runCli(['--jobs', '1', '--format', format, '.'], { cwd: dir });
      assert.equal(one.status, 2, one.stderr);
      assert.match(one.stderr, /scan\.md is a binary file/);
      assert.equal(one.stderr.match(/the defaults apply/g)?.length, 1, one.stderr);
      for (const jobs of ['2', '4']) {
        const many = await runCli(['--jobs', jobs, '--format', format, '.'], { cwd: dir });
        assert.equal(many.stdout, one.stdout, `stdout with --jobs ${jobs}`);
        assert.equal(many.stderr, one.stderr, `stderr with --jobs ${jobs}`);
        assert.equal(many.status, one.status);
      }
    });
  }

  it('refuses a number of threads that is not a whole number of at least 1', async () => {
    for (const jobs of ['0', '-1', '1.5', 'many']) {
      const run = await runCli(['--jobs', jobs, '.'], { cwd: dir });
      assert.equal(run.status, 2, jobs);
      assert.match(run.stderr, /whole number of threads/);
    }
  });

  it('starts a thread only for enough drafts to pay for it', () => {
    assert.equal(threadsFor(1, 8), 1);
    assert.equal(threadsFor(2 * DRAFTS_PER_THREAD - 1, 8), 1);
    assert.equal(threadsFor(2 * DRAFTS_PER_THREAD, 8), 2);
    assert.equal(threadsFor(2000, 2), 2);
    assert.equal(threadsFor(2000, 1), 1);
  });

  it('hands the outcomes on in the order of the drafts, whichever thread finished first', async () => {
    const files = readdirSync(path.join(dir, '2015-01', 'defective')).map((name) => path.join(dir, '2015-01', 'defective', name));
    const tasks = Array.from({ length: 2 * DRAFTS_PER_THREAD }, (_, index) => ({ file: files[index % files.length], searched: false }));
    const outcomes: FileOutcome[] = [];
    const options = { fix: false, cache: false, engine: 'test', today: '2030-01-01' };
    const threads = await runJobs(tasks, options, 2, (outcome) => outcomes.push(outcome) > 0);
    assert.equal(threads, 2);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.report?.file),
      tasks.map((task) => task.file),
    );
    const alone: FileOutcome[] = [];
    await runJobs(tasks, options, 1, (outcome) => alone.push(outcome) > 0);
    assert.deepEqual(outcomes, alone);
  });
});
