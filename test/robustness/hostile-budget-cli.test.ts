// imr-lint and the budget of one check: a draft over budget gets the finding, is neither fixed nor exported, and the
// run goes on to the next draft, in bounded time and memory.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repository, runBounded, runMeasured } from './hostile-support';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
/** Row 6: a million headings (4 MB): heap out of memory after 50 s without a budget. */
const headings = `${seed}\n${'# h\n'.repeat(1_000_000)}`;

interface Report {
  file: string;
  diagnostics: { ruleId: string; severity: string; message: string }[];
}

describe('the budget of one check, CLI', () => {
  let repo: ReturnType<typeof repository>;
  before(() => {
    repo = repository('budget-cli');
  });
  after(() => repo.remove());

  const folder = (name: string, files: Record<string, string>): string => repo.write(name, files);

  const byFile = (stdout: string): Record<string, Report['diagnostics']> =>
    Object.fromEntries((JSON.parse(stdout) as Report[]).map((report) => [path.basename(report.file), report.diagnostics]));

  it('row 6: a million headings gets the finding at the time budget; the drafts after it are checked', { timeout: 60_000 }, async (t) => {
    const root = folder('time', {
      '.imrlintrc.json': JSON.stringify({ budget: { timeMs: 1000, memoryMb: 2048 } }),
      'a-headings.imr.md': headings,
      'b-letter.imr.md': seed.replace('Overturned', 'Approved'),
    });
    const run = await runMeasured(['--format', 'json', '.'], { cwd: root, timeoutMs: 45_000 });
    t.diagnostic(`lint: ${run.ms.toFixed(0)} ms, peak ${run.peakMB} MB`);
    assert.equal(run.timedOut, false);
    assert.equal(run.stderr, '');
    const reports = byFile(run.stdout);
    assert.deepEqual(
      reports['a-headings.imr.md'].map((finding) => [finding.ruleId, finding.severity, finding.message.slice(0, 18)]),
      [['check-budget', 'warning', 'Stopped after 1 s:']],
    );
    assert.ok(
      reports['b-letter.imr.md'].some((finding) => finding.ruleId === 'decision-value'),
      'the next draft was checked',
    );
    assert.equal(run.status, 1, 'the error in the letter fails the run');
    assert.ok(run.peakMB < 1000, `peak ${run.peakMB} MB`);
  });

  it('a draft over the memory budget gets the finding; the run goes on', { timeout: 90_000 }, async (t) => {
    const root = folder('memory', {
      '.imrlintrc.json': JSON.stringify({ budget: { memoryMb: 64, timeMs: 100_000 } }),
      'a-headings.imr.md': headings,
      'b-letter.imr.md': seed,
    });
    const run = await runMeasured(['--format', 'json', '.'], { cwd: root, timeoutMs: 75_000 });
    t.diagnostic(`lint: ${run.ms.toFixed(0)} ms, peak ${run.peakMB} MB`);
    const reports = byFile(run.stdout);
    assert.match(reports['a-headings.imr.md'][0].message, /^Stopped at 64 MB: this draft needs more memory to check than the budget of one check allows/);
    assert.equal(reports['a-headings.imr.md'].length, 1);
    assert.deepEqual(
      reports['b-letter.imr.md'].map((finding) => finding.ruleId),
      ['date-chronology', 'date-chronology'],
      "the next draft was checked: the seed's two notes on its dates",
    );
    assert.equal(run.status, 0);
    assert.ok(run.peakMB < 400, `peak ${run.peakMB} MB`);
  });

  it('--fix leaves a draft over budget untouched, says so, and fixes the others', { timeout: 60_000 }, async () => {
    const root = folder('fix', {
      '.imrlintrc.json': JSON.stringify({ budget: { timeMs: 1000, memoryMb: 2048 } }),
      'a-headings.imr.md': headings,
      'b-letter.imr.md': seed.replace('Overturned', 'overturned'),
    });
    const run = await runMeasured(['--fix', 'a-headings.imr.md', 'b-letter.imr.md'], { cwd: root, timeoutMs: 45_000 });
    assert.equal(run.timedOut, false);
    assert.match(run.stderr, /^imr-lint: a-headings\.imr\.md was not fixed: Stopped after 1 s:/m);
    assert.equal(readFileSync(path.join(root, 'a-headings.imr.md'), 'utf8'), headings, 'not a byte changed');
    assert.equal(readFileSync(path.join(root, 'b-letter.imr.md'), 'utf8'), seed, 'the other draft is fixed');
    assert.match(run.stdout, /a-headings\.imr\.md:1:1 {2}warning {2}Stopped after 1 s/);
  });

  it('--export html writes no letter for a draft over budget, says why, and exits 2', { timeout: 60_000 }, async () => {
    const root = folder('export', { '.imrlintrc.json': JSON.stringify({ budget: { timeMs: 1000, memoryMb: 2048 } }), 'h.imr.md': headings });
    const run = await runMeasured(['--export', 'html', 'h.imr.md'], { cwd: root, timeoutMs: 45_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^imr-lint: h\.imr\.md was not exported: Stopped after 1 s: this draft takes longer to check/m);
    assert.equal(existsSync(path.join(root, 'h.html')), false);
  });

  it(
    'under an address-space limit (ulimit -v) with no room for a thread, drafts are checked here, and a warning says the budget is off',
    { timeout: 60_000 },
    async () => {
      const root = folder('ulimit', { 'letter.imr.md': seed.replace('Overturned', 'Approved') });
      const run = await runBounded(['--format', 'json', 'letter.imr.md'], { cwd: root, memoryKb: 1_300_000 });
      assert.equal(run.status, 1, run.stderr);
      assert.match(
        run.stderr,
        /^imr-lint: checks run without a time or memory budget: the process's address-space limit \(ulimit -v\) leaves \d+ MB, and a checking thread needs 912 MB\.\n$/,
      );
      assert.ok(byFile(run.stdout)['letter.imr.md'].some((finding) => finding.ruleId === 'decision-value'));
    },
  );

  it(
    'row 6: a configuration raising maxFileSize, then a 20 MB draft: the finding at the budget, in bounded time and memory (was 19.5 s and 3 GB)',
    { timeout: 90_000 },
    async (t) => {
      const big = `${seed}\n${'The applicant reported improvement in function after therapy. '.repeat((20 * 2 ** 20) / 63)}`;
      const root = folder('large', { '.imrlintrc.json': JSON.stringify({ maxFileSize: 100_000_000, budget: { timeMs: 300 } }), 'big.imr.md': big });
      const run = await runMeasured(['--format', 'json', 'big.imr.md'], { cwd: root, timeoutMs: 60_000 });
      t.diagnostic(`lint: ${run.ms.toFixed(0)} ms, peak ${run.peakMB} MB`);
      // A budget no 20 MB check fits in, on any machine: the finding says so, and nothing else is reported.
      assert.deepEqual(
        byFile(run.stdout)['big.imr.md'].map((finding) => [finding.ruleId, finding.message.slice(0, 13)]),
        [['check-budget', 'Stopped after']],
      );
      assert.ok(run.peakMB < 1000, `peak ${run.peakMB} MB`);
    },
  );
});
