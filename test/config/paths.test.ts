import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigLoader, shortPath } from '../../engine/src/config/load';
import { basename, dirname, isAbsolute, isRoot, normalize, relativeTo, resolvePath, rootOf } from '../../engine/src/config/paths';
import { json, memoryHost } from './memory-host';

describe('configuration paths', () => {
  it('resolves relative, parent and absolute targets, with POSIX roots and drive letters', () => {
    assert.equal(resolvePath('/work/cases', '../shared/base.json'), '/work/shared/base.json');
    assert.equal(resolvePath('/work/cases', './a/./b.json'), '/work/cases/a/b.json');
    assert.equal(resolvePath('/work/cases', '/etc/base.json'), '/etc/base.json');
    assert.equal(resolvePath('c:/work/cases', '..\\shared\\base.json'), 'c:/work/shared/base.json');
    assert.equal(resolvePath('c:/work', 'd:/base.json'), 'd:/base.json');
    assert.equal(normalize('/../..//a'), '/a', 'nothing goes above the root');
  });

  it('walks up to the root', () => {
    assert.equal(dirname('/work/a.md'), '/work');
    assert.equal(dirname('/work'), '/');
    assert.equal(dirname('c:/work'), 'c:/');
    assert.ok(isRoot('/') && isRoot('c:/') && !isRoot('/work'));
  });

  it('tells whether a path lies inside a folder', () => {
    assert.equal(relativeTo('/work', '/work/cases/a.md'), 'cases/a.md');
    assert.equal(relativeTo('/work', '/workshop/a.md'), undefined);
    assert.equal(relativeTo('/', '/a.md'), 'a.md');
  });

  it('writes short paths for messages', () => {
    assert.equal(shortPath('/work/cases', '/work/shared/base.json'), '../shared/base.json');
    assert.equal(shortPath('/work', '/work/cases/.imrlintrc.json'), 'cases/.imrlintrc.json');
  });

  it('discovers files on a Windows drive up to its root', async () => {
    const host = memoryHost({ 'c:/.imrlintrc.json': json({ rules: { phi: 'off' } }), 'c:/work/.imrlintrc': json({ rules: { credentials: 'off' } }) });
    const effective = await new ConfigLoader(host).resolve('c:/work/cases/a.md');
    assert.deepEqual(effective.files, ['c:/.imrlintrc.json', 'c:/work/.imrlintrc']);
  });

  it('knows a root by a leading slash or a drive letter, with either kind of separator', () => {
    assert.deepEqual(['/work', 'C:/work', 'c:/', 'c:work', 'work/a.md', '1:/work', '', 'ab:/x'].map(rootOf), [
      '/',
      'C:/',
      'c:/',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    assert.deepEqual(['/work', 'C:\\work', 'c:/work', '\\work', 'work\\a.md', 'c:work', 'x/c:/work'].map(isAbsolute), [
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('normalizes separators, dots and parents, keeping what goes above a relative start', () => {
    assert.equal(normalize('a/b/../../..'), '..');
    assert.equal(normalize('../../a'), '../../a');
    assert.equal(normalize('a/./b//c/'), 'a/b/c');
    assert.equal(normalize('a/..'), '.');
    assert.equal(normalize(''), '.');
    assert.equal(normalize('c:\\work\\..\\..\\x'), 'c:/x');
    assert.equal(normalize('/'), '/');
  });

  it('takes the folder and the name of a path, relative ones too', () => {
    assert.equal(dirname('a.md'), '.');
    assert.equal(dirname('cases/a.md'), 'cases');
    assert.equal(dirname('/a.md'), '/');
    assert.equal(dirname('c:/a.md'), 'c:/');
    assert.equal(dirname('/'), '/');
    assert.equal(basename('/work/cases/a.md'), 'a.md');
    assert.equal(basename('a.md'), 'a.md');
    assert.equal(basename('/work/'), '');
  });

  it('takes a folder as itself, and one written with a trailing slash', () => {
    assert.equal(relativeTo('/work', '/work'), '');
    assert.equal(relativeTo('/work/', '/work/a.md'), 'a.md');
    assert.equal(relativeTo('/work/cases', '/work'), undefined);
  });
});
