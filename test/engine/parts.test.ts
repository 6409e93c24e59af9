// Parts of the model read from mapped text, and copies of them moved with their text: spans moved, ranges read
// again or moved by lines, shared parts kept shared, text lines replaced by where they now stand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupPart, located, moveParts, shiftParts, textPart } from '../../engine/src/model/parts';
import type { TextLine } from '../../engine/src/model/types';
import { LineIndex, MappedText } from '../../engine/src/text';

describe('model parts', () => {
  const text = 'Line one\nThe Expert Reviewer  based it\n';
  const index = new LineIndex(text);
  const second = MappedText.at(text.slice(9, 38), 9);

  it('reads a part, a trimmed group and a located span from mapped text', () => {
    assert.deepEqual(textPart(second, 4, 19, index), {
      text: 'Expert Reviewer',
      span: { start: 13, end: 28 },
      range: { start: { line: 1, character: 4 }, end: { line: 1, character: 19 } },
    });
    assert.deepEqual(groupPart(second, 3, ' Expert Reviewer  ', index), textPart(second, 4, 19, index));
    assert.deepEqual(located({ start: 0, end: 4 }, index), {
      span: { start: 0, end: 4 },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
    });
  });

  it('shifts parts by characters and reads their ranges again, keeping shared parts shared', () => {
    const shared = textPart(second, 4, 19, index);
    const placeholder = { text: '[x]', place: 'prose' as const, fill: 'x' };
    const parts = { first: shared, again: shared, list: [shared, 3, null], value: second, placeholder, note: 'kept' };
    const wider = new LineIndex(`  ${text}`);
    const moved = shiftParts(parts, 2, wider);
    assert.deepEqual(moved.first, {
      text: 'Expert Reviewer',
      span: { start: 15, end: 30 },
      range: { start: { line: 1, character: 4 }, end: { line: 1, character: 19 } },
    });
    assert.equal(moved.again, moved.first);
    assert.equal(moved.list[0], moved.first);
    assert.deepEqual(moved.list.slice(1), [3, null]);
    assert.equal(moved.value.offsetAt(0), 11);
    assert.equal(moved.value.text, second.text);
    assert.equal(moved.placeholder, placeholder, "the profile's placeholder is kept, not copied");
    assert.equal(moved.note, 'kept');
    assert.notEqual(moved.first, shared, 'a copy, the part read before unchanged');
    assert.deepEqual(shared.span, { start: 13, end: 28 });
  });

  it('moves parts by lines, and replaces the text lines they hold by the lines where they now stand', () => {
    const line: TextLine = { content: second, line: 1, block: 'paragraph', blockStart: true, inList: false };
    const now: TextLine = { ...line, content: second.shifted(5), line: 3 };
    const part = textPart(second, 4, 19, index);
    const moved = moveParts({ part, lines: [line], located: located({ start: 9, end: 12 }, index) }, { offset: 5, lines: 2 }, (old) => {
      assert.equal(old, line);
      return now;
    });
    assert.deepEqual(moved.part, {
      text: 'Expert Reviewer',
      span: { start: 18, end: 33 },
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 19 } },
    });
    assert.deepEqual(moved.lines, [now]);
    assert.equal(moved.lines[0], now);
    assert.deepEqual(moved.located, { span: { start: 14, end: 17 }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } } });
  });

  it('copies a text line as a part when no line is given, and a span without a range alone', () => {
    const line: TextLine = { content: second, line: 1, block: 'paragraph', blockStart: true, inList: false };
    const moved = shiftParts({ line, bare: { span: { start: 1, end: 2 } } }, 1, index);
    assert.notEqual(moved.line, line);
    assert.equal(moved.line.content.offsetAt(0), 10);
    assert.deepEqual(moved.bare, { span: { start: 2, end: 3 } });
  });

  it('refuses to move anything but plain parts', () => {
    assert.throws(() => shiftParts({ kept: new Map() }, 1, index), /only plain parts can be moved/);
    assert.throws(() => moveParts([new Date(0)], { offset: 1, lines: 0 }, (old) => old), /only plain parts can be moved/);
  });
});
