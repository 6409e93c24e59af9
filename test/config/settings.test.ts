import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configurationNotices } from '../../engine/src/config/problems';
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

  it('takes severities only; options belong in configuration files', () => {
    const layer = readSettings({ rules: { phi: ['error', { patterns: [] }] } });
    assert.match(layer.problems[0]?.message ?? '', /"error" is not a severity|a rule setting is/);
  });
});
