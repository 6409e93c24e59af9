import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, rangeOf } from '../support/drafts';

describe('credential-state', () => {
  it('warns about a misspelt state at the entry and corrects it to the state it is nearest', () => {
    const text = draft({ states: 'Texas, Ohoi, Califronia' });
    const findings = findingsOf(text, 'credential-state');
    assert.deepEqual(
      findings.map((finding) => [finding.severity, finding.range, finding.message]),
      [
        ['warning', rangeOf(text, 'Ohoi'), '"Ohoi" is not a state; did you mean "Ohio"?'],
        ['warning', rangeOf(text, 'Califronia'), '"Califronia" is not a state; did you mean "California"?'],
      ],
    );
    const fixed = applyFix(applyFix(text, findings[1]), findings[0]);
    assert.match(fixed, /State\(s\) of Licensure: Texas, Ohio, California\n/);
    assert.deepEqual(findingsOf(fixed, 'credential-state'), []);
  });

  it('warns without a fix when no state is near', () => {
    const text = draft({ states: 'Texas, Ontario' });
    const [finding] = findingsOf(text, 'credential-state');
    assert.deepEqual(finding.range, rangeOf(text, 'Ontario'));
    assert.equal(finding.fix, undefined);
    assert.match(finding.message, /not a US state, the District of Columbia or a territory; write/);
  });

  it('accepts states, DC, territories, postal abbreviations and "and" lists', () => {
    for (const states of [
      'Texas, Ohio, and California',
      'New York and New Jersey',
      'District of Columbia; Puerto Rico',
      'Washington, D.C.',
      'TX, OH, CA.',
      'Guam, U.S. Virgin Islands',
      'rhode island',
    ]) {
      assert.deepEqual(findingsOf(draft({ states }), 'credential-state'), [], states);
    }
  });

  it('reads a state typed with runs of spaces as the state, and names the one its fix writes', () => {
    const text = draft({ states: 'Ohoi,   New   Yrok, New  Mexico' });
    assert.deepEqual(
      findingsOf(text, 'credential-state').map((finding) => [text.slice(finding.span.start, finding.span.end), finding.message, finding.fix?.title]),
      [
        ['Ohoi', '"Ohoi" is not a state; did you mean "Ohio"?', 'Change to "Ohio"'],
        ['New   Yrok', '"New Yrok" is not a state; did you mean "New York"?', 'Change to "New York"'],
      ],
    );
  });

  it('leaves a bracketed placeholder to the placeholder rule', () => {
    const text = draft({ states: '[State(s) of licensure]' });
    assert.deepEqual(findingsOf(text, 'credential-state'), []);
    assert.equal(findingsOf(text, 'placeholder').length, 1);
  });
});
