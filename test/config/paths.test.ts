import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigLoader, shortPath } from '../../engine/src/config/load';
import { dirname, isRoot, normalize, relativeTo, resolvePath } from '../../engine/src/config/paths';
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
});
