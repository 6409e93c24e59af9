// What the configuration schema says of a rule setting written the way people used to other linters write it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigFile } from '../../engine/src/config/parse';
import { ruleIds } from '../../engine/src/rules';

const problems = (rules: Record<string, unknown>) =>
  Object.fromEntries(parseConfigFile('/cases/.imrlintrc.json', JSON.stringify({ rules })).problems.map((problem) => [problem.path.join('.'), problem.message]));

describe('rule settings in configuration', () => {
  it('names the severity meant by a word or number another linter takes, in any case, alone or with options', () => {
    assert.deepEqual(
      problems({
        phi: 'WARN',
        credentials: 'information',
        'decision-value': 'err',
        'item-fields': 'none',
        'field-order': false,
        'section-order': 0,
        'citation-format': '1',
        'date-chronology': 2,
        'required-section': ['Warn', {}],
      }),
      {
        'rules.phi': '"WARN" is not a severity; write "warning"',
        'rules.credentials': '"information" is not a severity; write "info"',
        'rules.decision-value': '"err" is not a severity; write "error"',
        'rules.item-fields': '"none" is not a severity; write "off"',
        'rules.field-order': 'false is not a severity; write "off"',
        'rules.section-order': '0 is not a severity; write "off"',
        'rules.citation-format': '"1" is not a severity; write "warning"',
        'rules.date-chronology': '2 is not a severity; write "error"',
        'rules.required-section': '"Warn" is not a severity; write "warning"',
      },
    );
  });

  it('says what a setting is when it is no severity at all, and which options a rule without any was given', () => {
    assert.deepEqual(problems({ 'date-chronology': 'loud', 'decision-value': ['x'], credentials: ['error', { a: 1, b: 2 }], phi: 'warning' }), {
      'rules.date-chronology': 'a rule setting is "off", "error", "warning", "info" or "hint", or [severity, { options }]; got "loud"',
      'rules.decision-value': 'a rule setting is "off", "error", "warning", "info" or "hint", or [severity, { options }]; got ["x"]',
      'rules.credentials.1.a': 'this rule takes no options (got "a", "b")',
      'rules.credentials.1.b': 'this rule takes no options (got "a", "b")',
    });
  });

  it('suggests the rule meant by an id written in another case or with other separators, or one slip away', () => {
    const said = problems({ decision_Value: 'off', Phi: 'off', 'credental-state': 'off', ph: 'off', xyzzy: 'off' });
    assert.equal(said['rules.decision_Value'], 'unknown rule "decision_Value"; did you mean "decision-value"?');
    assert.equal(said['rules.Phi'], 'unknown rule "Phi"; did you mean "phi"?');
    assert.equal(said['rules.credental-state'], 'unknown rule "credental-state"; did you mean "credential-state"?');
    // Too short to guess from, or like nothing: every rule is listed.
    assert.equal(said['rules.ph'], `unknown rule "ph" (rules: ${ruleIds.join(', ')})`);
    assert.equal(said['rules.xyzzy'], `unknown rule "xyzzy" (rules: ${ruleIds.join(', ')})`);
  });
});
