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

describe('LineIndex, offset by offset', () => {
  /** Every line's start and content end, read the slow way. */
  function lines(text: string): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    const breaks = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      out.push({ start, end: match.index });
      start = match.index + match[0].length;
    }
    out.push({ start, end: text.length });
    return out;
  }

  it('places every offset, and every offset outside the text, as a scan of the lines does', () => {
    // A letter pasted together from Word (CRLF), an old Mac file (CR) and Unix (LF), with blank lines of each.
    const text = 'CLINICAL CASE SUMMARY\r\n\r\nThe applicant\rfiled\r\rclaims\n\nUpheld\r\n';
    const expected = lines(text);
    const index = new LineIndex(text);
    assert.deepEqual(
      index.lineStarts,
      expected.map((line) => line.start),
    );
    assert.equal(index.lineCount, expected.length);
    for (let offset = -2; offset <= text.length + 2; offset++) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const line = expected.filter((candidate) => candidate.start <= clamped).length - 1;
      const character = Math.min(clamped, expected[line].end) - expected[line].start;
      assert.deepEqual(index.positionAt(offset), { line, character }, `offset ${offset}`);
    }
    expected.forEach((line, number) => {
      assert.equal(index.lineEnd(number), line.end, `end of line ${number}`);
      assert.equal(index.offsetAt({ line: number, character: 0 }), line.start);
      assert.equal(index.offsetAt({ line: number, character: -4 }), line.start);
      assert.equal(index.offsetAt({ line: number, character: 3 }), Math.min(line.start + 3, line.end));
      assert.equal(index.offsetAt({ line: number, character: 999 }), line.end);
    });
    assert.equal(index.offsetAt({ line: -1, character: 5 }), 0);
    assert.equal(index.offsetAt({ line: expected.length, character: 0 }), text.length);
    assert.deepEqual(index.rangeOf({ start: 2, end: 30 }), { start: index.positionAt(2), end: index.positionAt(30) });
  });

  it('inserts with the line break the text uses: CRLF anywhere, else LF, else CR alone, else LF', () => {
    assert.deepEqual(
      ['a\nb\r\nc', 'a\rb\nc', 'a\rb\rc', 'a', ''].map((text) => new LineIndex(text).eol),
      ['\r\n', '\n', '\r', '\n', '\n'],
    );
  });
});

describe('MappedText, each operation', () => {
  const offsets = (text: MappedText): number[] => Array.from({ length: text.length + 1 }, (_, index) => text.offsetAt(index));

  it('maps an index before the text to its first character, and at or past the end to its end', () => {
    const text = new MappedText('ab', { runs: [0, 10], end: 20 });
    assert.equal(text.offsetAt(-5), 10);
    assert.equal(text.offsetAt(2), 20);
    assert.equal(text.offsetAt(7), 20);
  });

  it('is itself when sliced whole and it ends after its last character, and a copy that does otherwise', () => {
    const plain = MappedText.at('Upheld', 40);
    assert.equal(plain.slice(0), plain);
    assert.equal(plain.slice(-3, 99), plain);
    // "Upheld&nbsp;" read as "Upheld\u00a0": the text ends after its source, a slice after its last character.
    const entity = new MappedText('Upheld\u00a0', alignValue('Upheld\u00a0', 'Upheld&nbsp;', 40));
    assert.deepEqual([entity.end, entity.slice(0).end], [52, 47]);
    const ended = new MappedText('ab', { runs: [0, 10], end: 20 });
    const whole = ended.slice(0);
    assert.notEqual(whole, ended);
    assert.deepEqual([whole.text, whole.runs, whole.end], ['ab', [0, 10], 12]);
    const tail = MappedText.join([MappedText.at('the', 0), MappedText.at('MTUS', 10)], ' ').slice(2, 6);
    assert.deepEqual([tail.text, tail.runs, tail.end], ['e MT', [0, 2, 2, 10], 12]);
    assert.deepEqual(ended.slice(1, 1).span, { start: 11, end: 11 });
  });

  it('moves every offset by a delta, and is itself for none', () => {
    const text = MappedText.join([MappedText.at('the', 0), MappedText.at('MTUS', 10)], ' ');
    assert.equal(text.shifted(0), text);
    const moved = text.shifted(-3);
    assert.deepEqual(
      offsets(moved),
      offsets(text).map((offset) => offset - 3),
    );
    assert.deepEqual(text.runs, [0, 0, 4, 10], 'the original is unchanged');
  });

  it('describes its runs from a base, alike for texts mapped alike wherever they sit', () => {
    const here = MappedText.join([MappedText.at('the', 100), MappedText.at('MTUS', 110)], ' ');
    const there = MappedText.join([MappedText.at('the', 500), MappedText.at('MTUS', 510)], ' ');
    assert.equal(here.shapeFrom(100), '14,0:0,4:10');
    assert.equal(there.shapeFrom(500), here.shapeFrom(100));
    assert.notEqual(MappedText.join([MappedText.at('the', 500), MappedText.at('MTUS', 511)], ' ').shapeFrom(500), here.shapeFrom(100));
    assert.equal(MappedText.empty(7).shapeFrom(2), '5');
  });

  it('trims to the characters between white space, or to an empty text where the white space ends', () => {
    const text = MappedText.at(' \t Upheld \n', 20);
    assert.deepEqual([text.trim().text, text.trim().span], ['Upheld', { start: 23, end: 29 }]);
    assert.deepEqual([MappedText.at(' \t ', 20).trim().text, MappedText.at(' \t ', 20).trim().span], ['', { start: 23, end: 23 }]);
    assert.equal(MappedText.at('Upheld', 3).trim().text, 'Upheld');
  });

  it('joins nothing into an empty text, one piece into itself, and maps a separator before any text to the next piece', () => {
    assert.deepEqual([MappedText.join([], ' ').text, MappedText.join([], ' ').span], ['', { start: 0, end: 0 }]);
    const one = MappedText.at('Upheld', 9);
    assert.equal(MappedText.join([one], '\n'), one);
    const leading = MappedText.join([MappedText.empty(5), MappedText.at('ab', 10)], ' ');
    assert.deepEqual([leading.text, offsets(leading)], [' ab', [10, 10, 11, 12]]);
    const middle = MappedText.join([MappedText.at('a', 0), MappedText.empty(4), MappedText.at('b', 8)], '--');
    assert.deepEqual([middle.text, offsets(middle)], ['a----b', [0, 1, 1, 2, 2, 8, 9]]);
    const glued = MappedText.join([MappedText.at('a', 0), MappedText.at('b', 8)], '');
    assert.deepEqual([glued.text, glued.runs, glued.end], ['ab', [0, 0, 1, 8], 9]);
  });

  it('finds the first character at or after an offset before, between and past its runs', () => {
    const text = MappedText.join([MappedText.at('the', 10), MappedText.at('MTUS', 20)], '');
    assert.equal(text.indexAtOrAfter(0), 0);
    assert.equal(text.indexAtOrAfter(12), 2);
    assert.equal(text.indexAtOrAfter(13), 3, 'between the runs: the next run');
    assert.equal(text.indexAtOrAfter(19), 3);
    assert.equal(text.indexAtOrAfter(21), 4);
    assert.equal(text.indexAtOrAfter(23), 6);
    assert.equal(text.indexAtOrAfter(24), 7);
    assert.equal(MappedText.empty(3).indexAtOrAfter(0), 0);
  });

  it('builds runs from one offset per character, merging those that continue', () => {
    const text = MappedText.fromOffsets('abcd', [5, 6, 9, 10, 11]);
    assert.deepEqual([text.runs, text.end], [[0, 5, 2, 9], 11]);
    assert.deepEqual(MappedText.fromOffsets('', [4]).runs, []);
    assert.deepEqual(MappedText.at('', 4).runs, []);
  });
});

describe('aligning a value to its source', () => {
  it('is one run when the value is its source', () => {
    assert.deepEqual(alignValue('Upheld', 'Upheld', 7), { runs: [0, 7], end: 13 });
    assert.deepEqual(alignValue('', '', 7), { runs: [], end: 7 });
  });

  it('looks 17 characters ahead for each character, and maps one not found to where the search stands', () => {
    const near = alignValue('ab', `a${'x'.repeat(16)}b`, 0);
    assert.deepEqual(near, { runs: [0, 0, 1, 17], end: 18 });
    const far = alignValue('ab', `a${'x'.repeat(17)}b`, 0);
    assert.deepEqual(far, { runs: [0, 0], end: 19 }, 'b is past the window: it maps to the character after a');
    const decoded = alignValue('a\u00a0c', 'a&nbsp;c', 100);
    assert.deepEqual(decoded, { runs: [0, 100, 2, 107], end: 108 });
    const missingAtEnd = alignValue('ab', 'a', 0);
    assert.deepEqual(missingAtEnd, { runs: [0, 0], end: 1 });
  });
});
