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

function fixesAt(text: string, needle: string | Range) {
  const result = lint(text);
  return quickFixesAt({ findings: result.findings, lines: result.model!.lines, model: result.model }, typeof needle === 'string' ? at(text, needle) : needle);
}

const summary = (fixes: ReturnType<typeof fixesAt>['fixes']) => fixes.map(({ fix, kind, preferred }) => [kind, fix.title, preferred]);

// A phone number pasted into an item line whose decision is misspelt, and a number after the states: findings side by side and nested.
const crowded = replaceOnce(
  replaceOnce(seed, 'Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection 555-123-4567:  Aproved'),
  'Texas, Ohio, California',
  'Texas, Ohio, California, call 555-987-6543',
);

function cursor(text: string, needle: string, into = 2): Range {
  const position = lint(text).model!.lines.positionAt(text.indexOf(needle) + into);
  return { start: position, end: position };
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

  it('puts the graver finding first on a line asked about as a whole, its fix before the others, the directives last, none preferred', () => {
    const { line } = cursor(crowded, 'Left Hip Cortisone Injection 555', 0).start;
    const { fixes } = fixesAt(crowded, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    assert.deepEqual(summary(fixes), [
      ['fix', 'Change to "Overturned"', false],
      ['fix', 'Redact as [REDACTED]', false],
      ['disable', 'Disable decision-value for this line', false],
      ['disable', 'Disable phi for this line', false],
    ]);
  });

  it('prefers the fix of the finding under the cursor, and leaves the finding beside it out', () => {
    assert.deepEqual(summary(fixesAt(crowded, cursor(crowded, 'Aproved')).fixes), [
      ['fix', 'Change to "Overturned"', true],
      ['disable', 'Disable decision-value for this line', false],
    ]);
  });

  it('of findings nested under the cursor, takes the narrower first', () => {
    assert.deepEqual(summary(fixesAt(crowded, cursor(crowded, '6543')).fixes), [
      ['fix', 'Redact as [REDACTED]', true],
      ['disable', 'Disable phi for this line', false],
      ['disable', 'Disable credential-state for this line', false],
    ]);
  });

  it('puts the finding whose range was asked about before one inside it, even a narrower one', () => {
    const result = lint(crowded);
    const outer = result.findings.find((finding) => finding.ruleId === 'credential-state')!;
    assert.equal(crowded.slice(outer.span.start, outer.span.end), 'call 555-987-6543');
    // As VS Code asks on Ctrl+. over a squiggle: the range of that finding.
    assert.deepEqual(summary(fixesAt(crowded, outer.range).fixes), [
      ['fix', 'Redact as [REDACTED]', false],
      ['disable', 'Disable credential-state for this line', false],
      ['disable', 'Disable phi for this line', false],
    ]);
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

describe('quick fixes beside suggestions', () => {
  const text = replaceOnce(seed, 'The applicant filed', 'Mr. Lee (SSN 512-44-9031) filed');

  it('lists a name’s redaction and its neutral term, neither preferred, and one directive for the line', () => {
    assert.deepEqual(summary(fixesAt(text, cursor(text, 'Lee', 1)).fixes), [
      ['fix', 'Redact as [REDACTED]', false],
      ['suggestion', 'Replace with "the applicant"', false],
      ['disable', 'Disable phi for this line', false],
    ]);
  });

  it('prefers the redaction of a number, which has no other fix', () => {
    assert.deepEqual(summary(fixesAt(text, cursor(text, '512-44-9031')).fixes), [
      ['fix', 'Redact as [REDACTED]', true],
      ['disable', 'Disable phi for this line', false],
    ]);
  });

  it('over a selection of both, lists every fix and still one directive for the rule on the line', () => {
    const { fixes, offerFixAll } = fixesAt(text, 'Mr. Lee (SSN 512-44-9031');
    assert.deepEqual(summary(fixes), [
      ['fix', 'Redact as [REDACTED]', false],
      ['suggestion', 'Replace with "the applicant"', false],
      ['fix', 'Redact as [REDACTED]', false],
      ['disable', 'Disable phi for this line', false],
    ]);
    assert.equal(offerFixAll, true);
  });
});
