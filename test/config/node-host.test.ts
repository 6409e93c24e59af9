import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigLoader } from '../../engine/src/config/load';
import { MAX_CONFIG_BYTES, nodeConfigHost, toConfigPath, toNativePath } from '../../engine/src/config/node';

// Configuration read from a real folder on disk, as the CLI and the language server read it.
const folder = mkdtempSync(path.join(tmpdir(), 'imr-config-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const file = path.join(folder, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('configuration from the file system', () => {
  it('finds the files beside a draft up to the workspace folder and merges them, nearest last', async () => {
    write('.imrlintrc.json', '{ "rules": { "phi": "error", "date-chronology": "off" } }');
    write('cases/.imrlintrc.jsonc', '// the team\'s choice\n{ "rules": { "phi": "off" } }');
    const draft = write('cases/letter.imr.md', 'IMR ISSUES, DECISIONS AND RATIONALES\n');
    const effective = await new ConfigLoader(nodeConfigHost).resolve(toConfigPath(draft), { root: toConfigPath(folder) });
    assert.deepEqual(effective.problems, []);
    assert.deepEqual(effective.files, [`${toConfigPath(folder)}/.imrlintrc.json`, `${toConfigPath(folder)}/cases/.imrlintrc.jsonc`]);
    assert.deepEqual(effective.config.rules, { phi: 'off', 'date-chronology': 'off' });
  });

  it('reads a file whole, says when there is none, and tells a folder from a file', async () => {
    const file = write('read/.imrlintrc.json', '{ "maxFileSize": 2000 }');
    assert.equal(await nodeConfigHost.readFile(toConfigPath(file)), '{ "maxFileSize": 2000 }');
    assert.equal(await nodeConfigHost.readFile(`${toConfigPath(folder)}/read/missing.json`), undefined);
    assert.equal(await nodeConfigHost.exists(toConfigPath(file)), true);
    assert.equal(await nodeConfigHost.exists(`${toConfigPath(folder)}/read`), true);
    assert.equal(await nodeConfigHost.exists(`${toConfigPath(folder)}/read/missing.json`), false);
    await assert.rejects(nodeConfigHost.readFile(`${toConfigPath(folder)}/read`), {
      name: 'FileRefused',
      message: 'is a directory; a configuration file is a regular file of at most 1 MB',
    });
  });

  it('refuses a configuration file larger than 1 MB, saying why', async () => {
    const file = write('large/.imrlintrc.json', `{ "rules": {} }${' '.repeat(MAX_CONFIG_BYTES)}`);
    assert.equal(MAX_CONFIG_BYTES, 1_048_576);
    await assert.rejects(nodeConfigHost.readFile(toConfigPath(file)), (error: Error) => {
      assert.equal(error.name, 'FileRefused');
      assert.match(error.message, /; a configuration file is a regular file of at most 1 MB$/);
      return true;
    });
    // A file of exactly 1 MB is read.
    const limit = write('limit/.imrlintrc.json', `{}${' '.repeat(MAX_CONFIG_BYTES - 2)}`);
    assert.equal((await nodeConfigHost.readFile(toConfigPath(limit)))?.length, MAX_CONFIG_BYTES);
  });

  it('writes paths with forward slashes, absolute, and back in the native form', () => {
    assert.equal(toConfigPath(path.join(folder, 'cases', '..', 'cases', 'letter.imr.md')), `${folder.split(path.sep).join('/')}/cases/letter.imr.md`);
    assert.equal(toConfigPath('relative/letter.imr.md'), `${process.cwd().split(path.sep).join('/')}/relative/letter.imr.md`);
    assert.equal(toNativePath('/work/cases/letter.imr.md'), path.sep === '/' ? '/work/cases/letter.imr.md' : '\\work\\cases\\letter.imr.md');
  });
});
