import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineMemo, readAfresh } from '../../engine/src/rules/line-memo';
import { draft } from '../support/drafts';
import { lint } from '../../engine/src/lint';

/** A reading that counts the texts it was asked to read. */
function counting<T>(answer: (text: string) => T): { read: (text: string) => T; texts: string[] } {
  const texts: string[] = [];
  return { read: (text) => (texts.push(text), answer(text)), texts };
}

describe('line memo', () => {
  it('reads each line text once per rule, an answer of undefined included', () => {
    const memo = new LineMemo();
    const config = {};
    const phi = counting((text) => (text.includes('@') ? text.length : undefined));
    const reader = memo.reader('phi', config);
    assert.equal(reader('mail jane@example.org', phi.read), 21);
    assert.equal(reader('no address here', phi.read), undefined);
    assert.equal(reader('mail jane@example.org', phi.read), 21);
    assert.equal(reader('no address here', phi.read), undefined);
    assert.equal(memo.reader('phi', config)('no address here', phi.read), undefined);
    assert.deepEqual(phi.texts, ['mail jane@example.org', 'no address here']);
    // Another rule reads the same text for itself.
    const dates = counting((text) => text.split(' ').length);
    assert.equal(memo.reader('date-chronology', config)('no address here', dates.read), 3);
    assert.deepEqual(dates.texts, ['no address here']);
  });

  it('starts afresh under another configuration', () => {
    const memo = new LineMemo();
    const first = counting((text) => text.length);
    memo.reader('phi', { privacy: 'a' })('Claim 123', first.read);
    const second = counting((text) => -text.length);
    assert.equal(memo.reader('phi', { privacy: 'b' })('Claim 123', second.read), -9);
    assert.deepEqual(second.texts, ['Claim 123']);
  });

  it('forgets the lines that two checks in a row did not read, once they outnumber the lines in use', () => {
    const memo = new LineMemo();
    const config = {};
    const lines = Array.from({ length: 100 }, (_, index) => `Line ${index} of an earlier version.`);
    const reading = counting((text) => text.length);
    for (const line of lines) memo.reader('phi', config)(line, reading.read);
    memo.settle();
    for (let check = 0; check < 2; check++) {
      memo.reader('phi', config)(lines[0], reading.read);
      memo.settle();
    }
    reading.texts.length = 0;
    memo.reader('phi', config)(lines[0], reading.read);
    memo.reader('phi', config)(lines[1], reading.read);
    assert.deepEqual(reading.texts, [lines[1]]);
  });

  it('without a memo, reads every time', () => {
    const reading = counting((text) => text.length);
    readAfresh('same', reading.read);
    readAfresh('same', reading.read);
    assert.deepEqual(reading.texts, ['same', 'same']);
  });

  it('gives a check with changed privacy patterns the findings of the new patterns', () => {
    const memo = new LineMemo();
    const text = draft({ summary: 'The claim WC-2014-118822 was filed in May.' });
    const privacy = (pattern: string) => ({ privacy: { patterns: [{ name: 'a claim number', pattern }] } });
    const phi = (pattern: string) =>
      lint(text, { today: '2025-06-30', lineMemo: memo, config: privacy(pattern) }).findings.filter((finding) => finding.ruleId === 'phi').length;
    assert.equal(phi('WC-\\d{4}-\\d{6}'), 1);
    assert.equal(phi('XX-\\d{4}'), 0);
  });
});
