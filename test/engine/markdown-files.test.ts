// The search for drafts in a folder that imr-lint and the server's workspace diagnostics share.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findMarkdownFiles } from '../../engine/src';

async function all(folder: string, search?: Parameters<typeof findMarkdownFiles>[1]): Promise<string[]> {
  const found: string[] = [];
  for await (const file of findMarkdownFiles(folder, search)) found.push(file);
  return found;
}

describe('finding Markdown files in a folder', () => {
  let root: string;
  const relative = (files: string[]): string[] => files.map((file) => path.relative(root, file));

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'imr-search-'));
    const write = (file: string): void => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '# IMR\n');
    };
    for (const file of [
      '2016-07/CM16-0001234.imr.md',
      '2016-07/notes.md',
      '2016-07/scan.pdf',
      '2016-08/appeal/CM16-0004321.imr.md',
      'README.md',
      'node_modules/imr-templates/template.imr.md',
      '.git/COMMIT_EDITMSG.md',
      '.drafts-backup/old.imr.md',
      '2016-07/.~lock.draft.md',
    ]) {
      write(file);
    }
    symlinkSync(path.join(root, '2016-07'), path.join(root, 'current'));
    symlinkSync('..', path.join(root, '2016-08', 'up'));
    symlinkSync('/dev/null', path.join(root, 'device.md'));
    symlinkSync(path.join(root, 'gone.md'), path.join(root, 'dangling.md'));
    execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds every *.md file in name order, skipping hidden entries and node_modules, each real folder once', async () => {
    assert.deepEqual(relative(await all(root)), [
      'README.md',
      'device.md',
      '2016-07/CM16-0001234.imr.md',
      '2016-07/notes.md',
      '2016-08/appeal/CM16-0004321.imr.md',
    ]);
  });

  it('stops after the entries it may look at, and when cancelled', async () => {
    // Hidden entries and folders count: .drafts-backup, .git, 2016-07, 2016-08, then README.md.
    assert.deepEqual(relative(await all(root, { maxEntries: 5 })), ['README.md']);
    assert.deepEqual(await all(root, { cancelled: () => true }), []);
  });

  it('finds nothing in a folder that is not there', async () => {
    assert.deepEqual(await all(path.join(root, 'missing')), []);
  });
});
