import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { runCli } from '../support/cli';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
const defective = seed
  .replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved')
  .replace('Texas, Ohio, California', 'Texas, Ohoi, California');

describe('imr-lint', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-'));
    writeFileSync(path.join(dir, 'seed.md'), seed);
    writeFileSync(path.join(dir, 'defective.md'), defective);
    mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'pkg', 'readme.md'), defective);
    mkdirSync(path.join(dir, '.hidden'));
    writeFileSync(path.join(dir, '.hidden', 'draft.md'), defective);
    mkdirSync(path.join(dir, 'nested'));
    writeFileSync(path.join(dir, 'nested', 'copy.md'), defective);
    writeFileSync(path.join(dir, 'nested', 'notes.md'), '# Meeting notes\n\nDecision: Approved\n');
  });

  it('exits 0 on the seed and prints nothing worse than info', async () => {
    const run = await runCli(['seed.md'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /\b(error|warning)\b/);
  });

  it('prints file:line:col  severity  message  rule-id and exits 1 on errors', async () => {
    const run = await runCli(['defective.md'], { cwd: dir });
    assert.equal(run.status, 1);
    const line = defective.split('\n').findIndex((text) => text.includes('Approved')) + 1;
    assert.match(run.stdout, new RegExp(`^defective\\.md:${line}:32  error    "Approved" is a utilization review word.*  decision-value$`, 'm'));
    assert.match(run.stdout, /defective\.md:\d+:\d+ {2}warning {2}"Ohoi" is not a state; did you mean "Ohio"\? {2}credential-state/);
  });

  it('searches directories for *.md, skipping node_modules and dot-folders', async () => {
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    const files = (JSON.parse(run.stdout) as { file: string }[]).map((entry) => entry.file).sort();
    assert.deepEqual(files, ['defective.md', path.join('nested', 'copy.md'), 'seed.md']);
  });

  it('checks a Markdown file found by a search only when it is a determination, but any file named', async () => {
    const searched = await runCli(['--format', 'json', 'nested'], { cwd: dir });
    assert.deepEqual(
      (JSON.parse(searched.stdout) as { file: string }[]).map((entry) => entry.file),
      [path.join('nested', 'copy.md')],
    );
    const named = await runCli(['--format', 'json', path.join('nested', 'notes.md')], { cwd: dir });
    assert.equal(named.status, 1);
    assert.ok(
      (JSON.parse(named.stdout) as { diagnostics: { ruleId: string }[] }[])[0].diagnostics.some((diagnostic) => diagnostic.ruleId === 'required-section'),
    );
  });

  it('accepts globs', async () => {
    const run = await runCli(['--format', 'json', '**/copy.md'], { cwd: dir });
    assert.deepEqual(
      (JSON.parse(run.stdout) as { file: string }[]).map((entry) => entry.file),
      [path.join('nested', 'copy.md')],
    );
  });

  it('prints the JSON contract with 0-based LSP positions', async () => {
    const run = await runCli(['--format', 'json', 'defective.md'], { cwd: dir });
    assert.equal(run.status, 1);
    const [entry] = JSON.parse(run.stdout) as { file: string; diagnostics: { ruleId: string; severity: string; message: string; range: unknown }[] }[];
    assert.equal(entry.file, 'defective.md');
    const decision = entry.diagnostics.find((diagnostic) => diagnostic.ruleId === 'decision-value');
    const line = defective.split('\n').findIndex((text) => text.includes('Approved'));
    assert.deepEqual(decision, {
      ruleId: 'decision-value',
      severity: 'error',
      message: decision!.message,
      range: { start: { line, character: 31 }, end: { line, character: 39 } },
    });
    for (const diagnostic of entry.diagnostics) assert.deepEqual(Object.keys(diagnostic), ['ruleId', 'severity', 'message', 'range']);
  });

  it('prints SARIF 2.1.0 that validates against the schema', async () => {
    const run = await runCli(['--format', 'sarif', 'seed.md', 'defective.md'], { cwd: dir });
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as { version: string; runs: { results: unknown[] }[] };
    const schema = JSON.parse(readFileSync(new URL('./sarif-2.1.0.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    const decision = results.find((result) => result.ruleId === 'decision-value')!;
    assert.equal(decision.level, 'error');
    assert.equal(decision.locations[0].physicalLocation.artifactLocation.uri, 'defective.md');
    assert.equal(decision.locations[0].physicalLocation.region.startLine, defective.split('\n').findIndex((text) => text.includes('Approved')) + 1);
  });

  it('a schema violation is caught by the SARIF check (the check can fail)', () => {
    const schema = JSON.parse(readFileSync(new URL('./sarif-2.1.0.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] }), false);
  });

  it('exits 2 with a message for a missing file, and still lints the others', async () => {
    const run = await runCli(['--format', 'json', 'missing.md', 'defective.md'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /missing\.md: no such file/);
    assert.equal((JSON.parse(run.stdout) as unknown[]).length, 1);
  });

  it('exits 2 on bad usage', async () => {
    const unknownFormat = await runCli(['--format', 'xml', 'seed.md'], { cwd: dir });
    assert.equal(unknownFormat.status, 2);
    assert.match(unknownFormat.stderr, /xml/);
    const noFiles = await runCli([], { cwd: dir });
    assert.equal(noFiles.status, 2);
  });

  it('exits 2 for an unreadable (binary or non-UTF-8) file', async () => {
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('CLINICAL CASE SUMMARY\n\nJos\xe9\n', 'latin1'));
    const run = await runCli(['binary.md', 'latin1.md', 'seed.md'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /binary\.md is a binary file/);
    assert.match(run.stderr, /latin1\.md is not valid UTF-8 text \(first bad byte at offset 26\)/);
  });

  it('--fix writes the obvious fixes back and leaves clean files untouched', async () => {
    const fixDir = mkdtempSync(path.join(tmpdir(), 'imr-fix-'));
    const target = path.join(fixDir, 'draft.md');
    const clean = path.join(fixDir, 'clean.md');
    writeFileSync(target, defective);
    writeFileSync(clean, seed);
    const before = (await import('node:fs')).statSync(clean).mtimeMs;
    const run = await runCli(['--fix', '--format', 'json', 'draft.md', 'clean.md'], { cwd: fixDir });
    assert.equal(run.status, 0, run.stdout);
    const fixed = readFileSync(target, 'utf8');
    assert.equal(fixed, seed);
    assert.equal((await import('node:fs')).statSync(clean).mtimeMs, before);
  });
});
