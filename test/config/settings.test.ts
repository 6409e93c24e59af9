import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configurationNotices, describeProblem, describeProblems, describeSources, formatJsonPath, groupBySource } from '../../engine/src/config/problems';
import { readSettings } from '../../engine/src/config/settings';

describe('imr.* settings', () => {
  it('treats unset settings (null, "", {} and [] from the contributed defaults) as not set', () => {
    const layer = readSettings({ profile: '', rules: {}, privacy: {}, maxFileSize: null, include: [], ignore: [], debounceMs: 150, trace: { server: 'off' } });
    assert.deepEqual(layer, { config: {}, problems: [] });
  });

  it('reads what is set, with the same schema as configuration files', () => {
    const layer = readSettings({
      profile: 'ca-dwc-imr-2013',
      rules: { phi: 'off' },
      privacy: { patterns: [{ name: 'a claim number', pattern: 'CLM\\d+' }] },
      ignore: ['scratch/**'],
    });
    assert.deepEqual(layer.problems, []);
    assert.deepEqual(layer.config, {
      profile: 'ca-dwc-imr-2013',
      rules: { phi: 'off' },
      privacy: { patterns: [{ name: 'a claim number', pattern: 'CLM\\d+' }] },
      ignore: ['scratch/**'],
    });
  });

  it('reports every invalid setting under its imr.* name, and the defaults apply', () => {
    const layer = readSettings({ rules: { phi: 'warn', spelling: 'off' }, maxFileSize: 'big', privacy: { patterns: [{ name: 'x', pattern: '[' }] } });
    assert.equal(layer.config, undefined);
    const [notice] = configurationNotices(layer.problems, (file) => file);
    assert.equal(notice.severity, 'error');
    assert.match(notice.message, /^The "imr" settings are invalid: /);
    assert.match(notice.message, /imr\.rules\.phi: "warn" is not a severity; write "warning"/);
    assert.match(notice.message, /imr\.rules\.spelling: unknown rule "spelling"/);
    assert.match(notice.message, /imr\.privacy\.patterns\[0\]\.pattern: not a valid regular expression: missing closing \]: `\[`/);
    assert.match(notice.message, /; and 1 more; the defaults apply\.$/);
    assert.ok(layer.problems.some((problem) => problem.path.join('.') === 'maxFileSize' && /maxFileSize is a number of characters/.test(problem.message)));
  });

  it('says each unknown rule or key of a setting on its own, at its own place', () => {
    const layer = readSettings({ rules: { ph: 'off', 'decison-value': 'off' } });
    assert.deepEqual(
      layer.problems.map((problem) => [problem.path.join('.'), problem.message.replace(/ \(rules: .*\)$/, ' (rules: …)'), problem.severity]),
      [
        ['rules.ph', 'unknown rule "ph" (rules: …)', 'error'],
        ['rules.decison-value', 'unknown rule "decison-value"; did you mean "decision-value"?', 'error'],
      ],
    );
    assert.deepEqual(readSettings({ privacy: { patterns: [], extra: 1 } }).problems, [
      { path: ['privacy', 'extra'], message: 'unknown key "extra" (allowed: patterns)', severity: 'error' },
    ]);
    assert.deepEqual(readSettings({ maxFileSize: 0 }).problems, [{ path: ['maxFileSize'], message: 'maxFileSize must be more than 0', severity: 'error' }]);
    assert.deepEqual(readSettings(null), { config: {}, problems: [] });
    assert.deepEqual(readSettings({ rules: { phi: 'off' }, unknownSetting: 'x' }), { config: { rules: { phi: 'off' } }, problems: [] });
  });

  it('takes severities only; options belong in configuration files', () => {
    const layer = readSettings({ rules: { phi: ['error', { patterns: [] }] } });
    assert.match(layer.problems[0]?.message ?? '', /"error" is not a severity|a rule setting is/);
  });
});

describe('configuration problems in words', () => {
  const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 9 } });
  const file = '/cases/.imrlintrc.json';

  it('names a place in a file by its keys and indexes, and the whole file as (root)', () => {
    assert.equal(formatJsonPath(['profiles', 0, 'sections', 1, 'title']), 'profiles[0].sections[1].title');
    assert.equal(formatJsonPath([3, 'pattern']), '[3].pattern');
    assert.equal(formatJsonPath([]), '(root)');
    assert.equal(formatJsonPath(['rules', 'phi'], 'imr'), 'imr.rules.phi');
    assert.equal(formatJsonPath([], 'imr'), 'imr');
  });

  it('says one problem with its place and line; a file-wide one by its message alone; a setting by its imr.* name', () => {
    const inRules = { file, path: ['rules', 'ph'], message: 'unknown rule "ph"', severity: 'error' as const, range: range(2) };
    assert.equal(describeProblem(inRules), 'rules.ph: unknown rule "ph" (line 3)');
    assert.equal(describeProblem(inRules, false), 'rules.ph: unknown rule "ph"');
    assert.equal(describeProblem({ file, path: [], message: 'not valid JSON', severity: 'error', range: range(0) }), 'not valid JSON (line 1)');
    assert.equal(describeProblem({ file, path: [], message: 'cannot be read', severity: 'error' }), 'cannot be read');
    assert.equal(describeProblem({ path: [], message: 'not an object', severity: 'error' }), 'imr: not an object');
    assert.equal(describeProblem({ path: ['maxFileSize'], message: 'too small', severity: 'error' }), 'imr.maxFileSize: too small');
  });

  it('lists the first three problems of a source and counts the rest', () => {
    const problem = (n: number) => ({ file, path: ['rules', `r${n}`], message: `bad ${n}`, severity: 'error' as const });
    assert.equal(describeProblems([1, 2, 3].map(problem)), 'rules.r1: bad 1; rules.r2: bad 2; rules.r3: bad 3');
    assert.equal(describeProblems([1, 2, 3, 4, 5].map(problem)), 'rules.r1: bad 1; rules.r2: bad 2; rules.r3: bad 3; and 2 more');
  });

  it('gives one sentence per source in the order met: invalid with its errors, else its warnings', () => {
    const problems = [
      { file: '/cases/a/.imrlintrc.json', path: ['maxFileSize'], message: 'not used in an untrusted workspace', severity: 'warning' as const },
      { path: ['rules', 'phi'], message: '"warn" is not a severity', severity: 'error' as const },
      { file, path: ['rules', 'ph'], message: 'unknown rule "ph"', severity: 'error' as const },
      { file, path: ['profile'], message: 'not used', severity: 'warning' as const },
      { file: '/cases/a/.imrlintrc.json', path: ['budget', 'timeMs'], message: 'not used either', severity: 'warning' as const },
    ];
    const display = (name: string) => name.replace('/cases/', '');
    assert.deepEqual(
      groupBySource(problems).map((group) => [group.file, group.problems.length]),
      [
        ['/cases/a/.imrlintrc.json', 2],
        [undefined, 1],
        [file, 2],
      ],
    );
    assert.deepEqual(configurationNotices(problems, display), [
      { severity: 'warning', message: 'Configuration a/.imrlintrc.json: maxFileSize: not used in an untrusted workspace; budget.timeMs: not used either.' },
      { severity: 'error', message: 'The "imr" settings are invalid: imr.rules.phi: "warn" is not a severity; the defaults apply.' },
      { severity: 'error', message: 'Configuration .imrlintrc.json is invalid: rules.ph: unknown rule "ph"; the defaults apply.' },
    ]);
    assert.deepEqual(describeSources([problems[0]], display), [
      { severity: 'warning', message: 'Configuration a/.imrlintrc.json: maxFileSize: not used in an untrusted workspace' },
    ]);
    assert.deepEqual(describeSources([{ path: ['profile'], message: 'a warning', severity: 'warning' }], display), [
      { severity: 'warning', message: 'The "imr" settings: imr.profile: a warning' },
    ]);
  });
});
