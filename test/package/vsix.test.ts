// The VSIX that `npm run package` builds: what .vscodeignore lets in, untouched by the npm package's "files" list.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageExtension } from '../../scripts/package.mjs';

const repo = path.resolve(import.meta.dirname, '../..');

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(repo, folder), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(repo, path.join(entry.parentPath, entry.name)));
}

describe('the VSIX', { timeout: 180_000 }, () => {
  let scratch: string;
  let files: string[];
  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'imr-vsix-test-'));
    ({ files } = await packageExtension({ out: path.join(scratch, 'imr.vsix'), quiet: true }));
  });
  after(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('holds the extension, its server and CLI bundles, grammars, snippets, docs, media and schema, and nothing else', async () => {
    const expected = [
      'LICENSE',
      'README.md',
      'package.json',
      'language-configuration.json',
      'dist/analysis-worker.cjs',
      'dist/cli.cjs',
      'dist/client.cjs',
      'dist/features.cjs',
      'dist/server.cjs',
      ...(await filesUnder('docs')),
      ...(await filesUnder('media')),
      ...(await filesUnder('schemas')),
      ...(await filesUnder('snippets')),
      ...(await filesUnder('syntaxes')),
    ].sort();
    assert.ok(expected.includes('docs/rules/decision-value.md') && expected.includes('syntaxes/imr.tmLanguage.json'));
    assert.deepEqual([...files].sort(), expected);
  });
});
