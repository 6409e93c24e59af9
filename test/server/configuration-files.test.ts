// The server's own check of configuration files: what configuration read is stamped, and any write, creation,
// replacement or removal shows; a folder that is only asked about (.git) counts by being there, not by its times.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { toConfigPath } from '../../engine/src';
import { ConfigurationFiles, folderOf, scopeOf } from '../../server/src/configuration-files';

describe('configuration files checked by the server', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'imr-stamps-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const at = (name: string): string => toConfigPath(path.join(root, name));

  /** Reads `names` through the stamping file system, as configuration discovery does, and returns the stamps. */
  async function reading(...names: string[]): Promise<ConfigurationFiles> {
    const files = new ConfigurationFiles();
    for (const name of names) await files.fileSystem.readFile(at(name));
    return files;
  }

  it('sees nothing changed when nothing was touched, and reads what is there', async () => {
    writeFileSync(path.join(root, '.imrlintrc.json'), '{ "rules": { "phi": "off" } }');
    const files = new ConfigurationFiles();
    assert.equal(await files.fileSystem.readFile(at('.imrlintrc.json')), '{ "rules": { "phi": "off" } }');
    assert.equal(await files.fileSystem.readFile(at('.imrlintrc.jsonc')), undefined);
    assert.equal(files.size, 2);
    assert.equal(files.changed(), false);
  });

  it('sees a file written in place, even to the same size', async () => {
    const files = await reading('.imrlintrc.json');
    writeFileSync(path.join(root, '.imrlintrc.json'), '{ "rules": { "phi": "err" } }');
    assert.equal(files.changed(), true);
  });

  it('sees a file created where there was none, one replaced by a rename, and one removed', async () => {
    const created = await reading('.imrlintrc.jsonc');
    writeFileSync(path.join(root, '.imrlintrc.jsonc'), '{}');
    assert.equal(created.changed(), true);

    const replaced = await reading('.imrlintrc.jsonc');
    writeFileSync(path.join(root, 'saved-by-editor.tmp'), '{}');
    renameSync(path.join(root, 'saved-by-editor.tmp'), path.join(root, '.imrlintrc.jsonc'));
    assert.equal(replaced.changed(), true);

    const removed = await reading('.imrlintrc.jsonc');
    unlinkSync(path.join(root, '.imrlintrc.jsonc'));
    assert.equal(removed.changed(), true);
  });

  it('counts a folder it only asked about by whether it is there, not by its times', async () => {
    mkdirSync(path.join(root, 'repo', '.git'), { recursive: true });
    const files = new ConfigurationFiles();
    assert.equal(await files.fileSystem.exists(at('repo/.git')), true);
    writeFileSync(path.join(root, 'repo', '.git', 'index.lock'), '');
    utimesSync(path.join(root, 'repo', '.git'), new Date(), new Date(Date.now() + 5000));
    assert.equal(files.changed(), false);
    rmSync(path.join(root, 'repo', '.git'), { recursive: true });
    assert.equal(files.changed(), true);
  });

  it('forgets its stamps when configuration is read afresh', async () => {
    const files = await reading('.imrlintrc.json');
    writeFileSync(path.join(root, '.imrlintrc.json'), '{ "rules": {} }');
    files.reset();
    assert.equal(files.size, 0);
    assert.equal(files.changed(), false);
  });

  it("looks only where the open drafts' configuration comes from, when given their scope", async () => {
    mkdirSync(path.join(root, 'cases', 'july'), { recursive: true });
    mkdirSync(path.join(root, 'cases', 'august'), { recursive: true });
    mkdirSync(path.join(root, 'shared'), { recursive: true });
    writeFileSync(path.join(root, 'shared', 'base.json'), '{}');
    const files = await reading('cases/july/.imrlintrc.json', 'cases/august/.imrlintrc.json', 'cases/.imrlintrc.json', 'shared/base.json');
    const july = scopeOf([at('cases/july/lumbar.md')], [at('shared/base.json')]);
    writeFileSync(path.join(root, 'cases', 'august', '.imrlintrc.json'), '{}');
    assert.equal(files.changed(july), false, 'a folder no open draft is in');
    assert.equal(files.changed(), true, 'everything');
    writeFileSync(path.join(root, 'shared', 'base.json'), '{ "rules": {} }');
    assert.equal(files.changed(scopeOf([at('cases/july/lumbar.md')], [])), false, 'a base the draft does not extend');
    assert.equal(files.changed(july), true, 'a base it extends');
  });

  it('goes up from a draft to the root, each folder once', () => {
    assert.deepEqual(
      [...scopeOf(['/srv/cases/july/a.md', '/srv/cases/july/b.md', '/srv/notes/c.md'], []).folders],
      ['/srv/cases/july', '/srv/cases', '/srv', '/', '/srv/notes'],
    );
    assert.deepEqual([...scopeOf(['c:/cases/a.md'], []).folders], ['c:/cases', 'c:']);
    assert.equal(folderOf('/.imrlintrc.json'), '/');
    assert.equal(folderOf('c:/.imrlintrc.json'), 'c:');
  });
});
