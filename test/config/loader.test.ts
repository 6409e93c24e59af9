import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigLoader, type ConfigHost } from '../../engine/src/config/load';
import { readSettings } from '../../engine/src/config/settings';
import { json, memoryHost } from './memory-host';

// Where configuration comes from besides the files beside a draft: a file named on the command line, the editor's
// settings alone, files that cannot be read, and the problems the editor shows inside a configuration file.
const DRAFT = '/work/cases/letter.imr.md';

function failingHost(files: Record<string, string>, failures: Record<string, unknown>): ConfigHost {
  const host = memoryHost(files);
  return {
    readFile: async (path) => {
      if (path in failures) throw failures[path];
      return host.readFile(path);
    },
    exists: host.exists,
  };
}

describe('configuration sources', () => {
  const files = {
    '/work/.imrlintrc.json': json({ rules: { phi: 'off' } }),
    '/work/team.json': json({ rules: { credentials: 'hint' } }),
    '/work/cases/.imrlintrc.json': json({ rules: { phi: 'error' } }),
    '/work/cases/.imrlintrc': json({}),
  };

  it('reads only the file the command line names, and says when there is none', async () => {
    const loader = new ConfigLoader(memoryHost(files));
    const named = await loader.resolve(DRAFT, { root: '/work', explicit: '/work/team.json' });
    assert.deepEqual([named.files, named.config, named.problems], [['/work/team.json'], { rules: { credentials: 'hint' } }, []]);
    const missing = await loader.resolve(DRAFT, { root: '/work', explicit: '/work/none.json' });
    assert.deepEqual(
      [missing.files, missing.config, missing.valid, missing.problems],
      [[], {}, false, [{ file: '/work/none.json', path: [], message: 'no such configuration file', severity: 'error' }]],
    );
  });

  it('reads no file for a draft with no place on disk, only the settings', async () => {
    const effective = await new ConfigLoader(memoryHost(files)).resolve(DRAFT, {
      root: '/work',
      discover: false,
      settings: readSettings({ rules: { phi: 'hint' } }),
    });
    assert.deepEqual([effective.files, effective.config], [[], { rules: { phi: 'hint' } }]);
  });

  it('reads one file per folder, and warns about the other', async () => {
    const effective = await new ConfigLoader(memoryHost(files)).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(effective.files, ['/work/.imrlintrc.json', '/work/cases/.imrlintrc.json']);
    assert.deepEqual(effective.config, { rules: { phi: 'error' } });
    assert.deepEqual(effective.problems, [
      {
        file: '/work/cases/.imrlintrc',
        path: [],
        message: 'not read: .imrlintrc.json in the same folder is read instead; keep one configuration file per folder',
        severity: 'warning',
        span: { start: 0, end: 0 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
    ]);
  });

  it('says why a file cannot be read, and lints with the defaults', async () => {
    const host = failingHost({}, { '/work/.imrlintrc.json': new Error('EACCES: permission denied'), '/work/cases/.imrlintrc.json': 'odd' });
    const effective = await new ConfigLoader(host).resolve(DRAFT, { root: '/work' });
    assert.deepEqual(effective.files, []);
    assert.equal(effective.valid, false);
    assert.deepEqual(
      effective.problems.map((problem) => [problem.file, problem.message, problem.severity]),
      [
        ['/work/.imrlintrc.json', 'cannot be read (EACCES: permission denied)', 'error'],
        ['/work/cases/.imrlintrc.json', 'cannot be read (odd)', 'error'],
      ],
    );
  });

  it('walks up to the folder holding .git when the draft is outside the workspace folder, and to the top without either', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ rules: { phi: 'off' } }),
      '/other/.git/HEAD': 'ref: refs/heads/main',
      '/other/.imrlintrc.json': json({ rules: { phi: 'hint' } }),
      '/.imrlintrc.json': json({ rules: { credentials: 'off' } }),
    });
    const outside = await new ConfigLoader(host).resolve('/other/sub/x.md', { root: '/work' });
    assert.deepEqual([outside.files, outside.config], [['/other/.imrlintrc.json'], { rules: { phi: 'hint' } }]);
    const top = await new ConfigLoader(memoryHost({ '/.imrlintrc.json': json({ rules: { credentials: 'off' } }) })).resolve('/a/b/x.md');
    assert.deepEqual([top.files, top.config], [['/.imrlintrc.json'], { rules: { credentials: 'off' } }]);
  });
});

describe('problems shown in a configuration file', () => {
  const host = memoryHost({
    '/work/.imrlintrc.json': json({ profile: 'no-such' }),
    '/work/cases/.imrlintrc.json': json({ rules: { nope: 'off' } }),
  });

  it('shows each file its own problems only, including those that show once files are layered', async () => {
    const loader = new ConfigLoader(host);
    const top = await loader.diagnose('/work/.imrlintrc.json', { root: '/work' });
    assert.deepEqual(
      top.map((problem) => [problem.file, problem.path, problem.message]),
      [
        [
          '/work/.imrlintrc.json',
          ['profile'],
          'unknown profile "no-such" (profiles: ca-dwc-imr, ca-dwc-imr-2015, ca-dwc-imr-2013); name a built-in profile or define it under "profiles"',
        ],
      ],
    );
    const near = await loader.diagnose('/work/cases/.imrlintrc.json', { root: '/work' });
    assert.deepEqual(
      near.map((problem) => [problem.file, problem.path]),
      [['/work/cases/.imrlintrc.json', ['rules', 'nope']]],
    );
    assert.match(near[0].message, /^unknown rule "nope" \(rules: required-section, /);
  });
});
