// imr-lint and configuration: discovery, --config, ignore globs, custom profiles, exit 2 on invalid configuration.
// Needs `npm run build` first: it runs the bundled dist/cli.cjs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, type CliRun } from '../support/cli';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
const approved = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');
const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

const run = (args: string[], cwd: string): Promise<CliRun> => runCli(args, { cwd });
type Run = CliRun;

interface Reported {
  file: string;
  diagnostics: { ruleId: string; severity: string }[];
}

const reported = (result: Run): Reported[] => JSON.parse(result.stdout) as Reported[];
const ruleSeverity = (result: Run, file: string, ruleId: string): string | undefined =>
  reported(result)
    .find((entry) => entry.file === file)
    ?.diagnostics.find((diagnostic) => diagnostic.ruleId === ruleId)?.severity;

describe('imr-lint configuration', () => {
  let dir: string;
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'imr-config-cli-'));
    // The repository root: discovery stops here and never reads the machine's own folders.
    mkdirSync(path.join(dir, '.git'));
    write('.imrlintrc.json', '{\n  // the team base\n  "rules": { "decision-value": "off" },\n  "ignore": ["archive"]\n}\n');
    write('drafts/approved.md', approved);
    write('drafts/strict/.imrlintrc.jsonc', '{ "rules": { "decision-value": "warning" } }');
    write('drafts/strict/approved.md', approved);
    write('drafts/archive/approved.md', approved);
    write('broken/.imrlintrc.json', '{\n  "rules": { "phi": "warn" }\n}\n');
    write('broken/approved.md', approved);
    write('acme/.imrlintrc.json', fixture('acme-iro.imrlintrc.json'));
    write('acme/letter.md', fixture('acme-iro.md').replace(/^---[\s\S]*?---\n/, ''));
    write('strict.json', '{ "rules": { "decision-value": "error", "date-chronology": "off" } }');
    write('bad.json', '{ "profile": "ca-dwc-imr-1999" }');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the files found beside each draft, the nearer winning, and skips ignored drafts', async () => {
    const result = await run(['--format', 'json', 'drafts'], dir);
    assert.equal(result.stderr, '');
    assert.deepEqual(
      reported(result)
        .map((entry) => entry.file)
        .sort(),
      [path.join('drafts', 'approved.md'), path.join('drafts', 'strict', 'approved.md')],
    );
    assert.equal(ruleSeverity(result, path.join('drafts', 'approved.md'), 'decision-value'), undefined, 'turned off by the root file');
    assert.equal(ruleSeverity(result, path.join('drafts', 'strict', 'approved.md'), 'decision-value'), 'warning', 'the nearer file wins');
    assert.equal(result.status, 0, 'no errors left');
  });

  it('--config replaces discovery', async () => {
    const result = await run(['--format', 'json', '--config', 'strict.json', 'drafts/approved.md', 'drafts/archive/approved.md'], dir);
    assert.equal(result.status, 1);
    assert.equal(ruleSeverity(result, path.join('drafts', 'approved.md'), 'decision-value'), 'error');
    assert.equal(ruleSeverity(result, path.join('drafts', 'approved.md'), 'date-chronology'), undefined);
    assert.ok(
      reported(result).some((entry) => entry.file === path.join('drafts', 'archive', 'approved.md')),
      'the root file’s ignore no longer applies',
    );
  });

  it('checks a custom profile selected by the folder’s configuration', async () => {
    const result = await run(['--format', 'json', 'acme/letter.md'], dir);
    assert.equal(result.status, 0, result.stderr);
    const [entry] = reported(result);
    assert.deepEqual(
      entry.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning'),
      [],
    );
  });

  it('exits 2 and prints the file, the path and the reason when a discovered configuration is invalid', async () => {
    const result = await run(['--format', 'json', 'broken/approved.md'], dir);
    assert.equal(result.status, 2);
    assert.deepEqual(
      reported(result).map((entry) => entry.file),
      [path.join('broken', 'approved.md')],
      'linted with the defaults',
    );
    assert.ok(reported(result)[0].diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
    assert.match(result.stderr, /the defaults apply/);
    assert.match(
      result.stderr,
      new RegExp(
        `imr-lint: Configuration ${path.join('broken', '.imrlintrc.json').replace(/[.\\]/g, '\\$&')} is invalid: rules\\.phi: "warn" is not a severity; write "warning" \\(line 2\\)`,
      ),
    );
  });

  it('exits 2 on an invalid --config, with the reason', async () => {
    const result = await run(['--config', 'bad.json', 'drafts/approved.md'], dir);
    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /Configuration bad\.json is invalid: profile: unknown profile "ca-dwc-imr-1999" \(profiles: ca-dwc-imr, ca-dwc-imr-2015, ca-dwc-imr-2013\)/,
    );
  });

  it('exits 2 when --config names no file', async () => {
    const result = await run(['--config', 'missing.json', 'drafts/approved.md'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Configuration missing\.json is invalid: no such configuration file/);
  });
});
