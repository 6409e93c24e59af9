// Drafts as an attacker plants them: a link to /dev/zero, pathological Markdown under the size limit, terminal escapes.
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repository, runBounded } from './hostile-support';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

describe('hostile drafts, CLI', () => {
  let repo: ReturnType<typeof repository>;
  before(() => {
    repo = repository('drafts');
  });
  after(() => repo.remove());

  const folder = (name: string, files: Record<string, string>): string => repo.write(name, files);

  it(
    'row 3: a committed link notes.md -> /dev/zero, reached by searching the folder, is reported and skipped; memory stays under 1.5 GB',
    { timeout: 30_000 },
    async (t) => {
      const root = folder('zero', { 'letter.imr.md': seed });
      symlinkSync('/dev/zero', path.join(root, 'notes.md'));
      const run = await runBounded(['--format', 'json', '.'], { cwd: root, timeoutMs: 20_000, memoryKb: 1_500_000 });
      t.diagnostic(`lint: ${run.ms.toFixed(0)} ms`);
      assert.equal(run.timedOut, false);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /notes\.md is not a regular file \(a device\)/);
      assert.deepEqual(
        (JSON.parse(run.stdout) as { file: string }[]).map((report) => path.basename(report.file)),
        ['letter.imr.md'],
        'the other draft is still checked',
      );
    },
  );

  it('row 3: the same link, ignored by configuration, is never opened', { timeout: 30_000 }, async () => {
    const root = folder('zero-ignored', { 'letter.imr.md': seed, '.imrlintrc.json': JSON.stringify({ ignore: ['notes.md'] }) });
    symlinkSync('/dev/zero', path.join(root, 'notes.md'));
    const run = await runBounded(['.'], { cwd: root, memoryKb: 1_500_000 });
    assert.equal(run.status, 0, run.stderr);
    // Under this cap a checking thread has no room: the run says so, and nothing about the link.
    assert.equal(run.stderr.replace(/^imr-lint: checks run without a time or memory budget: .*\n/m, ''), '');
  });

  // Each was seconds to minutes; each now parses in well under the limit. The budget (a time limit per check)
  // catches what no guard does.
  const pathological: [string, () => string][] = [
    ["'_a* ' x 10,000 (43 KB)", () => `${seed}\n${'_a* '.repeat(10_000)}\n`],
    ['a list nested 1,000 levels (1 MB)', () => `${seed}\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n')}\n`],
    ['backtick runs of 1 to 1,000', () => `${seed}\n${Array.from({ length: 1000 }, (_, i) => `${'`'.repeat(i + 1)}a`).join(' ')}\n`],
    ['80,000 social security numbers on a line', () => `${seed}\n${'572-38-1946 '.repeat(80_000)}\n`],
    ['a date of birth followed by 100,000 spaces', () => `${seed}\nDOB${' '.repeat(100_000)}x\n`],
  ];
  for (const [name, make] of pathological) {
    it(`row 6: ${name} is checked within the time limit`, { timeout: 45_000 }, async (t) => {
      const root = folder(name.replace(/\W+/g, '-'), { 'd.imr.md': make() });
      const run = await runBounded(['--format', 'json', 'd.imr.md'], { cwd: root, timeoutMs: 30_000 });
      t.diagnostic(`lint: ${run.ms.toFixed(0)} ms`);
      assert.equal(run.timedOut, false, 'the run ended within 30 s');
      const [report] = JSON.parse(run.stdout) as { diagnostics: { ruleId: string }[] }[];
      assert.ok(report.diagnostics.length > 0, 'findings were reported');
      assert.equal(
        report.diagnostics.some((finding) => finding.ruleId === 'unreadable-draft'),
        false,
        'the draft was read',
      );
      if (name.startsWith('80,000'))
        assert.equal(report.diagnostics.filter((finding) => finding.ruleId === 'phi').length, 80_000, 'every number is found once');
    });
  }

  it('row 10: escapes and bells in front matter and in a file name are shown escaped in stylish output', { timeout: 30_000 }, async () => {
    const name = 'case\u001b]0;owned\u0007\u001b[2J.imr.md';
    const root = folder('escapes', { [name]: `---\nprofile: "x\u001b]52;c;ZWNobyBvd25lZA==\u0007\u009b31m"\n---\n${seed}` });
    const run = await runBounded([name], { cwd: root });
    assert.equal(run.status, 0, run.stderr);

    assert.doesNotMatch(run.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, 'no control character reaches the terminal');
    assert.match(run.stdout, /case\\e\]0;owned\\x07\\e\[2J\.imr\.md:\d+:\d+/);
    assert.match(run.stdout, /x\\e\]52;c;ZWNobyBvd25lZA==\\x07\\x9b31m/);
  });
});
