// The quick fixes at a place, in the order an editor lists them, with the one to apply on a single key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixesAt } from '../../engine/src/language/quick-fixes';
import { lint } from '../../engine/src/lint';
import type { Range } from '../../engine/src/text';
import { replaceOnce, seed } from './drafts';

function at(text: string, needle: string): Range {
  const result = lint(text);
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return { start: result.model!.lines.positionAt(offset), end: result.model!.lines.positionAt(offset + needle.length) };
}

function fixesAt(text: string, needle: string) {
  const result = lint(text);
  return quickFixesAt({ findings: result.findings, lines: result.model!.lines, model: result.model }, at(text, needle));
}

describe('quick fixes', () => {
  it("lists a finding's obvious fix first, preferred when it is the only one, then the directive", () => {
    const text = replaceOnce(seed, 'Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');
    const { fixes, offerFixAll } = fixesAt(text, 'Approved');
    assert.deepEqual(
      fixes.map(({ fix, kind, preferred }) => [kind, fix.title, preferred]),
      [
        ['fix', 'Change to "Overturned"', true],
        ['disable', 'Disable decision-value for this line', false],
      ],
    );
    assert.equal(offerFixAll, false, 'nothing else in the draft to fix');
  });

  it('prefers none when a finding offers a choice, and disables each rule once per line', () => {
    const text = replaceOnce(seed, 'The applicant filed a claim', 'Mr. Jones, seen by Dr. Smith, filed a claim');
    const { fixes } = fixesAt(text, 'Mr. Jones, seen by Dr. Smith');
    assert.ok(fixes.filter((fix) => fix.kind !== 'disable').length >= 4, 'each name has its fix and its neutral term');
    assert.ok(fixes.every((fix) => !fix.preferred));
    assert.deepEqual(
      fixes.filter((fix) => fix.kind === 'disable').map((fix) => fix.fix.title),
      ['Disable phi for this line'],
    );
  });

  it('offers fixing the whole draft beside a fixable finding when the draft has more to fix', () => {
    const text = replaceOnce(
      replaceOnce(seed, 'Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved'),
      'Texas, Ohio',
      'Texas, Ohoi',
    );
    assert.equal(fixesAt(text, 'Approved').offerFixAll, true);
    assert.equal(fixesAt(text, 'CLINICAL CASE SUMMARY').fixes.length, 0, 'nothing where nothing is reported');
  });
});
