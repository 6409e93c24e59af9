import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignValue, LineIndex, MappedText } from '../../engine/src/text';

describe('LineIndex', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`splits ${name} lines and maps offsets both ways`, () => {
      const text = ['ab', '', 'cde'].join(eol);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 3);
      assert.deepEqual(index.lineStarts, [0, 2 + eol.length, 2 + 2 * eol.length]);
      assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 2, character: 1 });
      assert.equal(index.offsetAt({ line: 2, character: 1 }), text.indexOf('d'));
      assert.equal(index.lineEnd(0), 2);
      assert.equal(index.lineEnd(1), 2 + eol.length);
      assert.equal(index.eol, eol, 'inserted text uses the line break the text uses');
    });
  }

  it('never places a position inside a line break', () => {
    const text = 'ab\r\ncd';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 }, 'between \\r and \\n is still the end of line 0');
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  });

  it('clamps offsets and positions outside the document', () => {
    const text = 'ab\ncd';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 7, character: 0 }), text.length);
    assert.equal(index.offsetAt({ line: 0, character: 40 }), 2);
    assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  });

  it('counts characters in UTF-16 code units: a surrogate pair is two', () => {
    const text = 'é 😀 肩痛\nx';
    const index = new LineIndex(text);
    const cjk = text.indexOf('肩');
    assert.equal(cjk, 5, 'é (1) + space (1) + 😀 (2) + space (1)');
    assert.deepEqual(index.positionAt(cjk), { line: 0, character: 5 });
    assert.deepEqual(index.rangeOf({ start: 2, end: 4 }), { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } });
    assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 1, character: 0 });
  });

  it('has one empty line for an empty document', () => {
    const index = new LineIndex('');
    assert.equal(index.lineCount, 1);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.equal(index.lineEnd(0), 0);
  });
});

describe('MappedText', () => {
  // "**Decision rationale:** Yes" read as "Decision rationale: Yes", each character keeping its source offset.
  const source = '**Decision rationale:** Yes';
  const read = (): MappedText => {
    const label = MappedText.fromOffsets(
      'Decision rationale:',
      Array.from({ length: 20 }, (_, i) => 2 + i),
    );
    const value = MappedText.fromOffsets(' Yes', [23, 24, 25, 26, 27]);
    return MappedText.join([label, value], '');
  };

  it('maps a slice of the read text back to its source span', () => {
    const text = read();
    assert.equal(text.text, 'Decision rationale: Yes');
    const yes = text.text.indexOf('Yes');
    const span = text.spanOf(yes, yes + 3);
    assert.equal(source.slice(span.start, span.end), 'Yes');
    const label = text.spanOf(0, 'Decision rationale:'.length);
    assert.equal(source.slice(label.start, label.end), 'Decision rationale:');
  });

  it('slices and trims with offsets kept', () => {
    const text = read().slice(19).trim();
    assert.equal(text.text, 'Yes');
    assert.deepEqual(text.span, { start: 24, end: 27 });
    assert.deepEqual(offsetsOf(text), [24, 25, 26, 27]);
  });

  it('gives an empty span at the right place for empty text', () => {
    assert.deepEqual(MappedText.empty(12).span, { start: 12, end: 12 });
    assert.deepEqual(read().slice(5, 5).span, { start: 7, end: 7 });
    assert.deepEqual(MappedText.fromOffsets('   ', [4, 5, 6, 7]).trim().span, { start: 7, end: 7 });
  });

  it('joins lines with a separator that maps to the end of the line before it', () => {
    const first = MappedText.fromOffsets('the', [0, 1, 2, 3]);
    const second = MappedText.fromOffsets('MTUS', [10, 11, 12, 13, 14]);
    const joined = MappedText.join([first, second], ' ');
    assert.equal(joined.text, 'the MTUS');
    assert.deepEqual(offsetsOf(joined), [0, 1, 2, 3, 10, 11, 12, 13, 14]);
    assert.deepEqual(joined.spanOf(0, joined.length), { start: 0, end: 14 });
    assert.deepEqual(joined.spanOf(4, 8), { start: 10, end: 14 });
  });

  it('clamps spans asked for beyond its text', () => {
    const text = MappedText.fromOffsets('abc', [5, 6, 7, 8]);
    assert.deepEqual(text.spanOf(-3, 99), { start: 5, end: 8 });
    assert.deepEqual(text.spanOf(2, 1), { start: 7, end: 7 });
  });

  it('stores text copied from one stretch of the source as one run, however long', () => {
    const paragraph = 'The MTUS does not address the topic. '.repeat(30_000);
    const text = MappedText.at(paragraph, 500);
    assert.deepEqual(text.runs, [0, 500]);
    const middle = text.slice(100_000, 400_000).trim();
    assert.equal(middle.runs.length, 2);
    assert.deepEqual(middle.span, { start: 100_500, end: 400_499 });
    // Two lines joined by a space: the space continues the first line's run; the second line starts a run.
    const joined = MappedText.join([MappedText.at('the', 0), MappedText.at('MTUS', 10)], ' ');
    assert.deepEqual(joined.runs, [0, 0, 4, 10]);
  });

  it('finds the first character at or after a source offset', () => {
    // "a&amp;b" read as "a&b": the entity's five source characters are one character of the value.
    const value = new MappedText('a&b', alignValue('a&b', 'a&amp;b', 40));
    assert.deepEqual(offsetsOf(value), [40, 41, 46, 47]);
    assert.equal(value.indexAtOrAfter(40), 0);
    assert.equal(value.indexAtOrAfter(43), 2, 'inside the entity: the next character read');
    assert.equal(value.indexAtOrAfter(47), 3, 'at the end: the length');
    assert.equal(value.indexAtOrAfter(99), 3);
  });
});

/** One source offset per character, and the end offset, as a list. */
function offsetsOf(text: MappedText): number[] {
  return Array.from({ length: text.length + 1 }, (_, index) => text.offsetAt(index));
}
