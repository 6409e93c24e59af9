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
