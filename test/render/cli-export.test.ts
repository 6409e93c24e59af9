// Runs the bundled CLI (npm run build first): imr-lint --export html <draft> [--out <file.html>].
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CLI_BUNDLE, runCli, type CliRun } from '../support/cli';
import { attr, byClass, byTag, classes, parseDocument, textOf } from './html';

const seed = fileURLToPath(new URL('../fixtures/seed.imr.md', import.meta.url));

const run = (args: string[], cwd: string): Promise<CliRun> => runCli(args, { cwd });

describe('imr-lint --export html', () => {
  let folder: string;
  before(() => {
    assert.ok(existsSync(CLI_BUNDLE), 'dist/cli.cjs exists (run npm run build)');
    folder = mkdtempSync(join(tmpdir(), 'imr-export-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('writes the letter where --out says, prints nothing and exits 0', async () => {
    const out = join(folder, 'letter.html');
    const result = await run(['--export', 'html', seed, '--out', out], folder);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, '');
    assert.equal(result.status, 0);
    const page = parseDocument(readFileSync(out, 'utf8'));
    assert.equal(textOf(byTag(page, 'title')[0]), 'IMR Final Determination seed.imr.md');
    assert.ok(byTag(page, 'meta').some((meta) => attr(meta, 'charset') === 'utf-8'));
    assert.equal(byTag(page, 'script').length, 0);
    assert.deepEqual(
      byClass(page, 'section-title').map((title) => textOf(title)),
      ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    );
    assert.equal(textOf(byClass(page, 'decision')[1]), 'Overturned');
    assert.ok(!classes(byTag(page, 'body')[0]).includes('print-summary'));
  });

  it('writes <draft>.html beside the draft by default, and no other file', async () => {
    const draftFolder = mkdtempSync(join(folder, 'beside-'));
    const draft = join(draftFolder, 'CM14-0123456.imr.md');
    writeFileSync(draft, `---\ncase: CM14-0123456\n---\n${readFileSync(seed, 'utf8')}`);
    const result = await run(['--export', 'html', draft], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(draftFolder).sort(), ['CM14-0123456.html', 'CM14-0123456.imr.md']);
    const page = parseDocument(readFileSync(join(draftFolder, 'CM14-0123456.html'), 'utf8'));
    assert.equal(textOf(byTag(page, 'title')[0]), 'IMR Final Determination CM14-0123456');
  });

  it('exports a draft with lint errors all the same (export is not a check)', async () => {
    const draft = join(folder, 'approved.imr.md');
    writeFileSync(draft, readFileSync(seed, 'utf8').replace('Injection:  Overturned', 'Injection:  Approved'));
    const result = await run(['--export', 'html', draft], folder);
    assert.equal(result.status, 0, result.stderr);
    const page = parseDocument(readFileSync(join(folder, 'approved.html'), 'utf8'));
    assert.ok(Number(textOf(byClass(byClass(page, 'count-error')[0], 'count-number')[0])) >= 1);
  });

  it('prints the summary with the letter when asked', async () => {
    const out = join(folder, 'with-summary.html');
    const result = await run(['--export', 'html', '--print-summary', seed, '-o', out], folder);
    assert.equal(result.status, 0, result.stderr);
    const page = parseDocument(readFileSync(out, 'utf8'));
    assert.ok(classes(byTag(page, 'body')[0]).includes('print-summary'));
    const toggle = byClass(page, 'print-summary-toggle')[0];
    assert.ok(toggle.attrs.some((attribute) => attribute.name === 'checked'));
  });

  it('exits 2 for an unknown format, --out without --export, --out with several drafts, or --fix', async () => {
    const copy = join(folder, 'second.imr.md');
    copyFileSync(seed, copy);
    const cases: [string[], RegExp][] = [
      [['--export', 'pdf', seed], /Allowed choices are html/],
      [['--out', join(folder, 'x.html'), seed], /go with --export html/],
      [['--export', 'html', seed, copy, '--out', join(folder, 'two.html')], /--out names one file, but 2 drafts were given/],
      [['--export', 'html', '--fix', seed], /cannot be combined/],
      [['--export', 'html', join(folder, 'missing.imr.md')], /no such file/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args, folder);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    }
    assert.equal(existsSync(join(folder, 'x.html')), false);
    assert.equal(existsSync(join(folder, 'two.html')), false);
  });

  it('exits 2 when the file cannot be written', async () => {
    const result = await run(['--export', 'html', seed, '--out', join(folder, 'no-such-folder', 'x.html')], folder);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /x\.html cannot be written/);
  });
});
