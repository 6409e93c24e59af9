import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits } from '../../engine/src/fixes';
import type { TextEdit } from '../../engine/src/rules/types';
import { TrackedText } from '../../engine/src/language/tracked-text';

/** Rounds of random edits, each round sorted and non-overlapping in the text it applies to. */
const roundsOf = (text: string) =>
  fc
    .array(fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom('', 'X', 'Upheld', '\n\n', 'Ohio', ' not')), { maxLength: 4 }), { maxLength: 4 })
    .map((rounds) => {
      let current = text;
      return rounds.map((round) => {
        const edits: TextEdit[] = [];
        let floor = 0;
        for (const [at, length, newText] of [...round].sort((a, b) => a[0] - b[0])) {
          const start = Math.max(floor, current.length === 0 ? 0 : at % (current.length + 1));
          if (start > current.length) break;
          const end = Math.min(current.length, start + length);
          edits.push({ span: { start, end }, newText });
          floor = end + 1;
        }
        current = applyEdits(current, edits).text;
        return edits;
      });
    });

describe('tracked text', () => {
  it('hands back edits of the original that give the edited text, never touching a character that survived', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'Z'), maxLength: 40 }).chain((text) => fc.tuple(fc.constant(text), roundsOf(text))),
        ([original, rounds]) => {
          const tracked = new TrackedText(original);
          // A character-level model: each character remembers the original offset it came from, if any.
          const model = [...original].map((character, offset) => ({ character, offset: offset as number | undefined }));
          let current = original;
          for (const round of rounds) {
            tracked.apply(round);
            current = applyEdits(current, round).text;
            for (const edit of [...round].sort((a, b) => b.span.start - a.span.start)) {
              model.splice(edit.span.start, edit.span.end - edit.span.start, ...[...edit.newText].map((character) => ({ character, offset: undefined })));
            }
          }
          assert.equal(tracked.text, current);
          const edits = tracked.edits();
          for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].span.end <= edits[i].span.start);
          assert.equal(applyEdits(original, edits).text, current);
          const survived = new Set(model.map((entry) => entry.offset).filter((offset) => offset !== undefined));
          for (const edit of edits)
            for (let offset = edit.span.start; offset < edit.span.end; offset++) assert.ok(!survived.has(offset), `edit covers surviving offset ${offset}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps an insertion where the fix put it, even next to identical text', () => {
    const tracked = new TrackedText('Texas\n\nNext\n');
    tracked.apply([{ span: { start: 5, end: 5 }, newText: '\n\nOhio' }]);
    assert.deepEqual(tracked.edits(), [{ span: { start: 5, end: 5 }, newText: '\n\nOhio' }]);
  });

  it('joins a later round that edits what an earlier one put in, and replaces whole words', () => {
    const tracked = new TrackedText('Left Hip:  Approved\n');
    tracked.apply([{ span: { start: 11, end: 19 }, newText: 'Overturnd' }]);
    tracked.apply([{ span: { start: 11, end: 20 }, newText: 'Overturned' }]);
    assert.deepEqual(tracked.edits(), [{ span: { start: 11, end: 19 }, newText: 'Overturned' }]);
    const rewrite = new TrackedText('State(s) of Licensure: Texas, Ohoi\n');
    rewrite.apply([{ span: { start: 0, end: 34 }, newText: 'State(s) of Licensure: Texas, Ohio' }]);
    assert.deepEqual(rewrite.edits(), [{ span: { start: 30, end: 34 }, newText: 'Ohio' }]);
  });

  it('gives nothing when the edits change nothing', () => {
    const tracked = new TrackedText('same');
    tracked.apply([{ span: { start: 0, end: 4 }, newText: 'same' }]);
    assert.deepEqual(tracked.edits(), []);
  });
});

describe('tracked text, edit by edit', () => {
  /** Rounds of [start, end, new text]; the result and each edit of the original as [start, end, old text, new text]. */
  function track(original: string, rounds: [number, number, string][][]): [string, [number, number, string, string][]] {
    const tracked = new TrackedText(original);
    for (const round of rounds) tracked.apply(round.map(([start, end, newText]) => ({ span: { start, end }, newText })));
    return [tracked.text, tracked.edits().map(({ span, newText }) => [span.start, span.end, original.slice(span.start, span.end), newText])];
  }
  const item = 'Left Hip Cortisone Injection:  Approved\n';
  const conclusion = 'Therefore, the request was not medically necessary.';

  it('hands back a whole-line fix as the one word that changed', () => {
    const expected: ReturnType<typeof track> = ['Left Hip Cortisone Injection:  Overturned\n', [[31, 39, 'Approved', 'Overturned']]];
    assert.deepEqual(track(item, [[[31, 39, 'Overturned']]]), expected);
    assert.deepEqual(track(item, [[[0, item.length, 'Left Hip Cortisone Injection:  Overturned\n']]]), expected);
  });

  it('cuts a changed word back to its start and end, never inside it', () => {
    assert.deepEqual(track('upheld', [[[0, 6, 'Upheld']]]), ['Upheld', [[0, 6, 'upheld', 'Upheld']]]);
    assert.deepEqual(track('overturn', [[[0, 8, 'overturned']]]), ['overturned', [[0, 8, 'overturn', 'overturned']]]);
    assert.deepEqual(track('the requests', [[[0, 12, 'the request']]]), ['the request', [[4, 12, 'requests', 'request']]]);
  });

  it('hands back a deletion as the words deleted, and nothing for an edit that changes nothing', () => {
    assert.deepEqual(track(conclusion, [[[0, conclusion.length, 'Therefore, the request was medically necessary.']]]), [
      'Therefore, the request was medically necessary.',
      [[27, 31, 'not ', '']],
    ]);
    assert.deepEqual(track(conclusion, [[[0, conclusion.length, conclusion]]]), [conclusion, []]);
    assert.deepEqual(track('abc', [[[1, 2, 'b']]]), ['abc', []]);
  });

  it('writes into an empty text and empties a text', () => {
    assert.deepEqual(track('', [[[0, 0, 'Upheld']]]), ['Upheld', [[0, 0, '', 'Upheld']]]);
    assert.deepEqual(track('Upheld', [[[0, 6, '']]]), ['', [[0, 6, 'Upheld', '']]]);
  });

  it('joins a later round that writes beside an earlier one into one edit', () => {
    assert.deepEqual(track('State(s) of Licensure: Texas, Ohoi', [[[30, 34, 'Ohio']], [[34, 34, ', California']]]), [
      'State(s) of Licensure: Texas, Ohio, California',
      [[30, 34, 'Ohoi', 'Ohio, California']],
    ]);
    assert.deepEqual(track('Claim 1234, SSN 123-45-6789', [[[16, 27, '[REDACTED]']], [[0, 10, 'Claim [REDACTED]']]]), [
      'Claim [REDACTED], SSN [REDACTED]',
      [
        [6, 10, '1234', '[REDACTED]'],
        [16, 27, '123-45-6789', '[REDACTED]'],
      ],
    ]);
  });

  it('puts an insertion before a replacement that starts at the same place', () => {
    assert.deepEqual(
      track('Upheld Upheld', [
        [
          [7, 7, 'X'],
          [7, 13, 'Overturned'],
        ],
      ]),
      ['Upheld XOverturned', [[7, 13, 'Upheld', 'XOverturned']]],
    );
  });
  it('cuts back to a word boundary at either end of the text, and no further', () => {
    assert.deepEqual(track('held', [[[0, 4, 'up held']]]), ['up held', [[0, 0, '', 'up ']]]);
    assert.deepEqual(track('up', [[[0, 2, 'up held']]]), ['up held', [[2, 2, '', ' held']]]);
    assert.deepEqual(track('Upheld.', [[[0, 7, 'Upheld, as noted.']]]), ['Upheld, as noted.', [[6, 6, '', ', as noted']]]);
    assert.deepEqual(track('the request', [[[0, 11, 'the requests']]]), ['the requests', [[4, 11, 'request', 'requests']]]);
  });
  it('cuts back a shared end to a word boundary in the old text or in the new one', () => {
    assert.deepEqual(track('request', [[[0, 7, 'a quest']]]), ['a quest', [[0, 7, 'request', 'a quest']]]);
    assert.deepEqual(track('a quest', [[[0, 7, 'request']]]), ['request', [[0, 7, 'a quest', 'request']]]);
  });
});
