// imr-lint --cache: findings kept by the draft's text, its configuration, the engine and the date.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { runCli } from '../support/cli';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
const defective = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');

interface CacheFile {
  files: Record<string, { key: string; findings?: { ruleId: string; message: string }[] }>;
}

describe('imr-lint --cache', () => {
  let dir: string;
  let draft: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'imr-cache-'));
    mkdirSync(path.join(dir, 'drafts'));
    draft = path.join(dir, 'drafts', 'defective.imr.md');
    writeFileSync(draft, defective);
    writeFileSync(path.join(dir, 'drafts', 'seed.imr.md'), seed);
    writeFileSync(path.join(dir, 'drafts', 'notes.md'), '# Notes\n\nDecision: Approved\n');
  });
  const defaultCache = (): string => path.join(dir, 'node_modules', '.cache', 'imr-lint', 'results.json');
  const read = (file = defaultCache()): CacheFile => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  /** Rewrites what the cache says of the defective draft, so a run that prints it shows it took the cache's word. */
  const tamper = (file = defaultCache()): void => {
    const contents = read(file);
    const entry = contents.files[draft];
    entry.findings = entry.findings!.map((finding) => ({ ...finding, message: `kept: ${finding.message}` }));
    writeFileSync(file, JSON.stringify(contents));
  };

  it('keeps each draft checked, in node_modules/.cache/imr-lint, and reports it again unread', async () => {
    const first = await runCli(['--cache', 'drafts'], { cwd: dir });
    assert.equal(first.status, 1, first.stderr);
    const kept = read();
    assert.deepEqual(
      Object.keys(kept.files).sort(),
      ['defective.imr.md', 'notes.md', 'seed.imr.md'].map((name) => path.join(dir, 'drafts', name)),
    );
    // Notes that are no determination are kept as such: nothing to report.
    assert.equal(kept.files[path.join(dir, 'drafts', 'notes.md')].findings, undefined);
    tamper();
    const second = await runCli(['--cache', 'drafts'], { cwd: dir });
    const expected = first.stdout
      .split('\n')
      .map((line) => (line.startsWith('drafts/defective.imr.md') ? line.replace(/(?:error|warning|info) +/, (severity) => `${severity}kept: `) : line))
      .join('\n');
    assert.notEqual(expected, first.stdout);
    assert.equal(second.stdout, expected);
    assert.equal(second.status, first.status);
  });

  it('checks again a draft whose text changed', async () => {
    await runCli(['--cache', 'drafts'], { cwd: dir });
    tamper();
    writeFileSync(draft, `${defective}\n`);
    const run = await runCli(['--cache', 'drafts'], { cwd: dir });
    assert.doesNotMatch(run.stdout, /kept: /);
    assert.match(run.stdout, /"Approved" is a utilization review word/);
  });

  it('checks again the drafts a changed configuration governs', async () => {
    await runCli(['--cache', 'drafts'], { cwd: dir });
    tamper();
    writeFileSync(path.join(dir, 'drafts', '.imrlintrc.json'), '{ "rules": { "decision-value": "off" } }\n');
    const run = await runCli(['--cache', 'drafts'], { cwd: dir });
    assert.doesNotMatch(run.stdout, /kept: |utilization review word/);
  });

  it('reads and writes nothing without --cache', async () => {
    await runCli(['drafts'], { cwd: dir });
    assert.equal(existsSync(path.join(dir, 'node_modules')), false);
  });

  it('keeps the cache where --cache-location says: a file, or a folder', async () => {
    await runCli(['--cache', '--cache-location', 'ci/imr.json', 'drafts'], { cwd: dir });
    tamper(path.join(dir, 'ci', 'imr.json'));
    const run = await runCli(['--cache', '--cache-location', 'ci/imr.json', 'drafts'], { cwd: dir });
    assert.match(run.stdout, /kept: /);
    mkdirSync(path.join(dir, 'elsewhere'));
    await runCli(['--cache', '--cache-location', 'elsewhere', 'drafts'], { cwd: dir });
    assert.ok(read(path.join(dir, 'elsewhere', 'results.json')).files[draft]);
    assert.equal(existsSync(defaultCache()), false);
  });

  it('rebuilds a cache it cannot read, and says nothing about it', async () => {
    mkdirSync(path.dirname(defaultCache()), { recursive: true });
    writeFileSync(defaultCache(), '{ "files": [oops');
    const run = await runCli(['--cache', 'drafts'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /utilization review word/);
    assert.ok(read().files[draft]);
  });

  it('--fix fixes a draft whose kept findings have fixes, and keeps the findings of the fixed text', async () => {
    await runCli(['--cache', 'drafts'], { cwd: dir });
    const fixed = await runCli(['--cache', '--fix', 'drafts'], { cwd: dir });
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.equal(readFileSync(draft, 'utf8'), seed);
    tamper();
    // The fixed draft is taken from the cache, under the key of what it holds now.
    const again = await runCli(['--cache', '--format', 'json', 'drafts'], { cwd: dir });
    const reports = JSON.parse(again.stdout) as { file: string; diagnostics: { message: string }[] }[];
    const report = reports.find((entry) => entry.file.endsWith('defective.imr.md'))!;
    assert.ok(report.diagnostics.length > 0 && report.diagnostics.every((diagnostic) => diagnostic.message.startsWith('kept: ')), again.stdout);
  });
});
