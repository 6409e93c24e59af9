import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, fixEdits } from '../../engine/src/fixes';
import type { Finding, TextEdit } from '../../engine/src/rules/types';

// Edits of an item line, as the decision and PHI fixes make them.
const LINE = 'Left Hip Cortisone Injection:  Approved, SSN 512-44-9031';
const at = (needle: string): { start: number; end: number } => ({ start: LINE.indexOf(needle), end: LINE.indexOf(needle) + needle.length });
const edit = (needle: string, newText: string): TextEdit => ({ span: at(needle), newText });
const insert = (offset: number, newText: string): TextEdit => ({ span: { start: offset, end: offset }, newText });

describe('applying edits', () => {
  it('applies edits given in any order, each where it belongs', () => {
    const result = applyEdits(LINE, [edit('512-44-9031', '[REDACTED]'), edit('Approved', 'Overturned')]);
    assert.equal(result.text, 'Left Hip Cortisone Injection:  Overturned, SSN [REDACTED]');
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(
      result.applied.map((applied) => applied.newText),
      ['Overturned', '[REDACTED]'],
    );
  });

  it('skips an edit that overlaps one already taken, and hands it back for a second pass', () => {
    const whole = edit('Approved, SSN', 'Upheld. No SSN');
    const inner = edit('SSN 512-44-9031', '[REDACTED]');
    const result = applyEdits(LINE, [inner, whole]);
    assert.equal(result.text, 'Left Hip Cortisone Injection:  Upheld. No SSN 512-44-9031');
    assert.deepEqual(result.skipped, [inner]);
  });

  it('takes edits that only touch, one ending where the next begins', () => {
    const result = applyEdits(LINE, [edit('Approved', 'Overturned'), edit(', SSN', '; SSN')]);
    assert.equal(result.text, 'Left Hip Cortisone Injection:  Overturned; SSN 512-44-9031');
    assert.deepEqual(result.skipped, []);
  });

  it('takes one insertion at a place and skips a second one there, but not an edit that starts there', () => {
    const offset = LINE.indexOf('Approved');
    const result = applyEdits(LINE, [insert(offset, 'Not '), insert(offset, 'Also '), edit('Approved', 'approved')]);
    assert.equal(result.text, 'Left Hip Cortisone Injection:  Not approved, SSN 512-44-9031');
    assert.deepEqual(result.skipped, [insert(offset, 'Also ')]);
    const replaceThenInsert = applyEdits('ab', [{ span: { start: 0, end: 1 }, newText: 'A' }, insert(1, '-')]);
    assert.equal(replaceThenInsert.text, 'A-b');
  });

  it('skips an edit past the end of the text, and takes one at its very end', () => {
    const beyond: TextEdit = { span: { start: LINE.length + 1, end: LINE.length + 1 }, newText: '.' };
    const overEnd: TextEdit = { span: { start: LINE.length - 4, end: LINE.length + 2 }, newText: '0000' };
    const result = applyEdits(LINE, [beyond, overEnd, insert(LINE.length, '.')]);
    assert.equal(result.text, `${LINE}.`);
    assert.deepEqual(result.skipped, [overEnd, beyond]);
  });

  it('keeps the farthest end of the edits taken, so a later edit inside a long one is skipped', () => {
    const long = edit('Approved, SSN 512', 'Upheld');
    const short = edit('Approved', 'Overturned');
    const inside = edit('44', '00');
    const result = applyEdits(LINE, [short, long, inside]);
    assert.equal(result.text, 'Left Hip Cortisone Injection:  Overturned, SSN 512-00-9031');
    assert.deepEqual(result.skipped, [long]);
    const sameStart = applyEdits(LINE, [long, short, edit('9031', '0000')]);
    assert.deepEqual(sameStart.skipped, [long]);
    assert.equal(sameStart.text, 'Left Hip Cortisone Injection:  Overturned, SSN 512-44-0000');
  });
});

describe('choosing the fixes of findings', () => {
  const nowhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const finding = (edits: TextEdit[] | undefined): Finding => ({
    ruleId: 'decision-value',
    severity: 'error',
    message: 'a finding on the item line',
    span: { start: 0, end: 0 },
    range: nowhere,
    ...(edits && { fix: { title: 'Fix it', edits: edits.map((one) => ({ ...one, range: nowhere })) } }),
  });

  it('takes each fix whole, leaves out one that overlaps a fix taken, and findings without a fix', () => {
    const decision = edit('Approved', 'Overturned');
    const redaction = edit('512-44-9031', '[REDACTED]');
    const overlapping = [edit('Injection', 'Injections'), edit('Approved, SSN', 'Upheld')];
    const chosen = fixEdits([finding([decision]), finding(undefined), finding([]), finding(overlapping), finding([redaction])]);
    assert.deepEqual(chosen, [decision, redaction]);
  });

  it('takes two fixes that only touch, and one insertion at a place', () => {
    const decision = edit('Approved', 'Overturned');
    const comma = edit(', SSN', '; SSN');
    const offset = LINE.indexOf('Approved');
    assert.deepEqual(fixEdits([finding([decision]), finding([comma])]), [decision, comma]);
    assert.deepEqual(fixEdits([finding([insert(offset, 'Not ')]), finding([insert(offset, 'Also ')])]), [insert(offset, 'Not ')]);
    assert.deepEqual(fixEdits([finding([decision]), finding([insert(offset, 'Not ')])]), [decision]);
    assert.deepEqual(fixEdits([finding([insert(offset, 'Not ')]), finding([decision])]), [insert(offset, 'Not ')]);
    assert.deepEqual(fixEdits([finding([insert(offset + 8, '!')]), finding([decision])]), [insert(offset + 8, '!'), decision]);
  });
});
