import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { ConfigLoader, isChecked } from '../../engine/src/config/load';
import { readSettings } from '../../engine/src/config/settings';
import { json, memoryHost } from './memory-host';

const DRAFT = '/work/cases/2016/drafts/letter.imr.md';

describe('configuration discovery', () => {
  it('reads the files from the draft folder up to the workspace root, nearest last', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ rules: { phi: 'error' } }),
      '/work/cases/.imrlintrc.json': json({ rules: { phi: 'off', 'date-chronology': 'off' } }),
      '/work/cases/2016/drafts/.imrlintrc.json': json({ rules: { 'date-chronology': 'hint' } }),
      '/.imrlintrc.json': json({ rules: { 'decision-value': 'off' } }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(effective.files, ['/work/.imrlintrc.json', '/work/cases/.imrlintrc.json', '/work/cases/2016/drafts/.imrlintrc.json']);
    assert.deepEqual(effective.config.rules, { phi: 'off', 'date-chronology': 'hint' });
    assert.ok(!host.reads.some((path) => path.startsWith('/.imrlintrc')), 'nothing above the workspace root is read');
  });

  it('without a workspace root, stops at the folder holding .git', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ rules: { phi: 'off' } }),
      '/work/cases/.git/HEAD': 'ref: refs/heads/main',
      '/work/cases/.imrlintrc.json': json({ rules: { credentials: 'warning' } }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT);
    assert.deepEqual(effective.files, ['/work/cases/.imrlintrc.json']);
    assert.deepEqual(effective.config.rules, { credentials: 'warning' });
  });

  it('without a workspace root or .git, goes up to the file-system root', async () => {
    const host = memoryHost({ '/.imrlintrc.json': json({ maxFileSize: 1000 }) });
    const effective = await new ConfigLoader(host).resolve(DRAFT);
    assert.deepEqual(effective.files, ['/.imrlintrc.json']);
    assert.equal(effective.config.maxFileSize, 1000);
  });

  it('stops at a file with "root": true', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ rules: { phi: 'off' } }),
      '/work/cases/.imrlintrc.json': json({ root: true, rules: { credentials: 'info' } }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(effective.files, ['/work/cases/.imrlintrc.json']);
  });

  it('a draft outside the workspace root is governed by the files above it', async () => {
    const host = memoryHost({ '/elsewhere/.imrlintrc.json': json({ profile: 'ca-dwc-imr-2015' }) });
    const effective = await new ConfigLoader(host).resolve('/elsewhere/draft.md', { root: '/work' });
    assert.equal(effective.config.profile, 'ca-dwc-imr-2015');
  });

  it('accepts .imrlintrc.jsonc and .imrlintrc, and warns when a folder has two', async () => {
    const host = memoryHost({
      '/work/cases/.imrlintrc': json({ rules: { phi: 'info' } }),
      '/work/cases/2016/.imrlintrc.jsonc': '// comments are allowed\n{ "rules": { "phi": "hint", }, }',
      '/work/cases/2016/.imrlintrc': json({ rules: { phi: 'error' } }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(effective.files, ['/work/cases/.imrlintrc', '/work/cases/2016/.imrlintrc.jsonc']);
    assert.equal(effective.config.rules?.phi, 'hint');
    assert.ok(effective.valid, 'a second file is a warning, not an error');
    const [warning] = effective.problems;
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.file, '/work/cases/2016/.imrlintrc');
    assert.match(warning.message, /not read: \.imrlintrc\.jsonc in the same folder is read instead/);
  });

  it('caches file reads until invalidated', async () => {
    const host = memoryHost({ '/work/.imrlintrc.json': json({ rules: { phi: 'off' } }) });
    const loader = new ConfigLoader(host);
    await loader.resolve(DRAFT, { root: '/work' });
    const count = host.reads.length;
    await loader.resolve('/work/cases/2016/drafts/other.md', { root: '/work' });
    assert.equal(host.reads.length, count, 'a second draft in the same folder reads nothing');
    host.files.set('/work/.imrlintrc.json', json({ rules: { phi: 'error' } }));
    assert.equal((await loader.resolve(DRAFT, { root: '/work' })).config.rules?.phi, 'off', 'still the cached text');
    loader.invalidate();
    assert.equal((await loader.resolve(DRAFT, { root: '/work' })).config.rules?.phi, 'error');
  });
});

describe('configuration precedence', () => {
  it('a bare severity keeps the options a farther file set; a tuple replaces them', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ rules: { 'credential-specialty': ['warning', { specialties: ['Far Board'] }] } }),
      '/work/cases/.imrlintrc.json': json({ rules: { 'credential-specialty': 'error' } }),
      '/work/cases/a/.imrlintrc.json': json({ rules: { 'credential-specialty': ['hint', { specialties: ['Near Board'] }] } }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(effective.config.rules, { 'credential-specialty': ['error', { specialties: ['Far Board'] }] });
    const nearer = await new ConfigLoader(host).resolve('/work/cases/a/draft.imr.md', { root: '/work' });
    assert.deepEqual(nearer.config.rules, { 'credential-specialty': ['hint', { specialties: ['Near Board'] }] });
  });

  it('merges profiles by id, the nearer definition winning, and selects one defined farther up', async () => {
    const profile = (title: string) => ({ id: 'org', sections: [{ id: 'issues', title }], issuesSection: 'issues' });
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ profiles: [profile('FAR TITLE'), { ...profile('OTHER'), id: 'other' }] }),
      '/work/cases/.imrlintrc.json': json({ profile: 'org', profiles: [profile('NEAR TITLE')] }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.ok(effective.valid, JSON.stringify(effective.problems));
    assert.deepEqual(
      effective.config.profiles?.map((entry) => [entry.id, entry.sections?.[0].title]),
      [
        ['other', 'OTHER'],
        ['org', 'NEAR TITLE'],
      ],
    );
    const result = lint('NEAR TITLE\n\nSomething: Upheld\n', { config: effective.config });
    assert.equal(result.model?.profile.id, 'org');
    assert.equal(result.model?.sections[0].id, 'issues');
  });

  it('concatenates ignore globs and privacy patterns; the nearest include decides', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({
        ignore: ['**/templates/**'],
        include: ['**/*.md'],
        privacy: { patterns: [{ name: 'a claim number', pattern: 'CLM\\d+' }] },
      }),
      '/work/cases/.imrlintrc.json': json({ ignore: ['old/'], include: ['2016/**'], privacy: { patterns: [{ name: 'a policy number', pattern: 'POL\\d+' }] } }),
    });
    const loader = new ConfigLoader(host);
    const effective = await loader.resolve(DRAFT, { root: '/work' });
    assert.deepEqual(
      effective.config.privacy?.patterns.map((pattern) => pattern.name),
      ['a claim number', 'a policy number'],
    );
    assert.deepEqual(effective.ignore, [
      { base: '/work', patterns: ['**/templates/**'] },
      { base: '/work/cases', patterns: ['old/'] },
    ]);
    assert.deepEqual(effective.include, { base: '/work/cases', patterns: ['2016/**'] });
    assert.equal(isChecked(effective, DRAFT), true);
    assert.equal(isChecked(effective, '/work/cases/2016/templates/blank.md'), false, 'ignored by the farther file');
    assert.equal(isChecked(effective, '/work/cases/old/2016/a.md'), false, 'ignored by the nearer file');
    assert.equal(isChecked(effective, '/work/cases/2017/a.md'), false, 'not included by the nearer include');
  });

  it('VS Code settings apply below every file', async () => {
    const host = memoryHost({ '/work/cases/.imrlintrc.json': json({ rules: { phi: 'off' } }) });
    const settings = readSettings({ profile: 'ca-dwc-imr-2015', rules: { phi: 'error', credentials: 'hint' }, ignore: ['scratch/**'] });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work', settings, settingsBase: '/work' });
    assert.deepEqual(effective.config.rules, { phi: 'off', credentials: 'hint' });
    assert.equal(effective.config.profile, 'ca-dwc-imr-2015');
    assert.equal(isChecked(effective, '/work/scratch/x.md'), false, 'settings globs are relative to the workspace folder');
  });

  it('any invalid source makes the defaults apply, with every problem kept', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ rules: { phi: 'off' }, ignore: ['**'] }),
      '/work/cases/.imrlintrc.json': json({ rules: { 'no-such-rule': 'off' } }),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work', settings: readSettings({ maxFileSize: -5 }) });
    assert.equal(effective.valid, false);
    assert.deepEqual(effective.config, {});
    assert.equal(isChecked(effective, DRAFT), true, 'an invalid configuration ignores nothing');
    assert.deepEqual(
      effective.problems.map((problem) => [problem.file, problem.path.join('.')]),
      [
        [undefined, 'maxFileSize'],
        ['/work/cases/.imrlintrc.json', 'rules.no-such-rule'],
      ],
    );
  });
});

describe('include and ignore globs', () => {
  const check = async (config: object, path: string): Promise<boolean> => {
    const host = memoryHost({ '/work/.imrlintrc.json': json(config) });
    return isChecked(await new ConfigLoader(host).resolve(path, { root: '/work' }), path);
  };

  it('a pattern without a slash matches a name in any folder', async () => {
    assert.equal(await check({ ignore: ['*.template.md'] }, '/work/a/b/blank.template.md'), false);
    assert.equal(await check({ ignore: ['*.template.md'] }, '/work/a/b/letter.md'), true);
  });

  it('a pattern with a slash is relative to the configuration file', async () => {
    assert.equal(await check({ ignore: ['archive/*.md'] }, '/work/archive/a.md'), false);
    assert.equal(await check({ ignore: ['archive/*.md'] }, '/work/cases/archive/a.md'), true);
    assert.equal(await check({ ignore: ['./archive/*.md'] }, '/work/archive/a.md'), false);
  });

  it('a pattern that names a folder covers everything in it', async () => {
    assert.equal(await check({ ignore: ['archive'] }, '/work/cases/archive/2014/a.md'), false);
    assert.equal(await check({ ignore: ['archive/'] }, '/work/archive/a.md'), false);
    assert.equal(await check({ include: ['drafts'] }, '/work/drafts/2016/a.md'), true);
    assert.equal(await check({ include: ['drafts'] }, '/work/final/a.md'), false);
  });

  it('dot-folders are matched like any other', async () => {
    assert.equal(await check({ ignore: ['**/backup/**'] }, '/work/.trash/backup/a.md'), false);
  });
});

describe('the merged configuration, exactly', () => {
  it('holds only what the files set: a nearer size wins, empty lists add nothing, rules merge one by one', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ maxFileSize: 300_000, rules: { phi: 'warning', credentials: 'hint' }, ignore: [] }),
      '/work/cases/.imrlintrc.json': json({ maxFileSize: 200_000, rules: { phi: 'error' }, ignore: ['old/'] }),
      '/work/cases/2016/drafts/.imrlintrc.json': json({}),
    });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(effective.problems, []);
    assert.deepEqual(effective.config, { maxFileSize: 200_000, rules: { phi: 'error', credentials: 'hint' } });
    assert.deepEqual(effective.ignore, [{ base: '/work/cases', patterns: ['old/'] }]);
    assert.equal(effective.include, undefined);
  });

  it('is empty for files that set nothing', async () => {
    const host = memoryHost({ '/work/.imrlintrc.json': json({}), '/work/cases/.imrlintrc.json': json({ ignore: [] }) });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(effective.config, {});
    assert.deepEqual(effective.ignore, []);
    assert.equal(effective.valid, true);
  });
});
