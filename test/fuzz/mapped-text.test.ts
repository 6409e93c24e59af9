// MappedText keeps its offsets as runs; here it must give exactly what one offset per character gives, after any pieces, slices, trims and joins.
// FUZZ_SCALE=<n> multiplies the case counts, FUZZ_SEED=<n> changes the seed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alignValue, MappedText, type Span } from '../../engine/src/text';

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);

/** The per-character implementation the runs replace: offsets[i] is the source offset of text[i], offsets[length] the end. */
class ReferenceText {
  constructor(
    readonly text: string,
    readonly offsets: number[],
  ) {}

  static empty(at: number): ReferenceText {
    return new ReferenceText('', [at]);
  }

  get length(): number {
    return this.text.length;
  }

  // Out-of-range requests are clamped to the text first, as MappedText documents.
  spanOf(from: number, to: number): Span {
    const f = Math.max(0, Math.min(from, this.text.length));
    const t = Math.max(f, Math.min(to, this.text.length));
    const start = this.offsets[f];
    if (t <= f) return { start, end: start };
    return { start, end: Math.max(start, this.offsets[t - 1] + 1) };
  }

  slice(from: number, to: number = this.text.length): ReferenceText {
    const f = Math.max(0, Math.min(from, this.text.length));
    const t = Math.max(f, Math.min(to, this.text.length));
    const offsets = this.offsets.slice(f, t);
    offsets.push(t > f ? this.offsets[t - 1] + 1 : this.offsets[f]);
    return new ReferenceText(this.text.slice(f, t), offsets);
  }

  trim(): ReferenceText {
    const start = this.text.length - this.text.trimStart().length;
    const end = this.text.trimEnd().length;
    return end <= start ? ReferenceText.empty(this.offsets[start] ?? this.offsets[0]) : this.slice(start, end);
  }

  static join(pieces: ReferenceText[], separator: string): ReferenceText {
    if (pieces.length === 0) return new ReferenceText('', [0]);
    let text = '';
    const offsets: number[] = [];
    pieces.forEach((piece, index) => {
      if (index > 0) {
        const at = offsets.length > 0 ? offsets[offsets.length - 1] + 1 : piece.offsets[0];
        text += separator;
        for (let i = 0; i < separator.length; i++) offsets.push(at);
      }
      text += piece.text;
      for (let i = 0; i < piece.text.length; i++) offsets.push(piece.offsets[i]);
    });
    offsets.push(pieces[pieces.length - 1].offsets[pieces[pieces.length - 1].text.length]);
    return new ReferenceText(text, offsets);
  }
}

/** The per-character alignment the runs replace. */
function referenceAlign(value: string, source: string, base: number): number[] {
  const offsets = new Array<number>(value.length + 1);
  let cursor = 0;
  for (let i = 0; i < value.length; i++) {
    const found = source.indexOf(value[i], cursor);
    if (found >= 0 && found - cursor <= 16) {
      offsets[i] = base + found;
      cursor = found + 1;
    } else {
      offsets[i] = base + Math.min(cursor, source.length);
    }
  }
  offsets[value.length] = base + source.length;
  return offsets;
}

type Pair = { mapped: MappedText; reference: ReferenceText };

// Characters that trim() and Markdown care about, and ordinary letters.
const character = fc.constantFrom('a', 'b', 'M', ' ', '\t', '\n', '\r', '\u00a0', '&', ';', '*', '\\', '’', '😀'.charAt(0), '😀'.charAt(1));
const text = (maxLength: number) => fc.array(character, { maxLength }).map((chars) => chars.join(''));

/** Offsets as the model makes them: stretches copied from the source, jumps, characters sharing one offset. */
const offsetsFor = (length: number): fc.Arbitrary<number[]> =>
  fc
    .tuple(
      fc.nat(1000),
      fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, fc.constant(0), fc.integer({ min: 2, max: 9 }), fc.integer({ min: -50, max: 50 })), {
        minLength: length + 1,
        maxLength: length + 1,
      }),
    )
    .map(([start, steps]) => {
      const offsets: number[] = [];
      let at = start;
      for (const step of steps) {
        offsets.push(at);
        at = Math.max(0, at + step);
      }
      return offsets;
    });

const fromOffsets: fc.Arbitrary<Pair> = text(40).chain((value) =>
  offsetsFor(value.length).map((offsets) => ({ mapped: MappedText.fromOffsets(value, offsets), reference: new ReferenceText(value, offsets) })),
);

/** A node's value against its source: the source with escapes, entities and indentation the value lacks. */
const aligned: fc.Arbitrary<Pair> = fc
  .tuple(
    text(40),
    fc.array(fc.constantFrom('\\', '&amp;', '   ', '**', 'xyzxyzxyzxyzxyzxyzxyz'), { maxLength: 6 }),
    fc.array(fc.nat(40), { maxLength: 6 }),
    fc.nat(500),
    fc.boolean(),
  )
  .map(([value, insertions, places, base, unrelated]) => {
    let source = value;
    insertions.forEach((insertion, index) => {
      const at = Math.min(source.length, places[index] ?? 0);
      source = source.slice(0, at) + insertion + source.slice(at);
    });
    if (unrelated) source = source.split('').reverse().join('');
    return {
      mapped: new MappedText(value, alignValue(value, source, base)),
      reference: new ReferenceText(value, referenceAlign(value, source, base)),
    };
  });

const empty: fc.Arbitrary<Pair> = fc.nat(1000).map((at) => ({ mapped: MappedText.empty(at), reference: ReferenceText.empty(at) }));

/** Pieces, then slices, trims and joins of them, nested. */
const { expression } = fc.letrec<{ expression: Pair; leaf: Pair; slice: Pair; trim: Pair; join: Pair }>((tie) => ({
  leaf: fc.oneof(fromOffsets, aligned, empty),
  slice: fc.tuple(tie('expression'), fc.integer({ min: -3, max: 45 }), fc.integer({ min: -3, max: 45 })).map(([pair, from, to]) => ({
    mapped: pair.mapped.slice(from, to),
    reference: pair.reference.slice(from, to),
  })),
  trim: tie('expression').map((pair) => ({ mapped: pair.mapped.trim(), reference: pair.reference.trim() })),
  join: fc.tuple(fc.array(tie('expression'), { maxLength: 4 }), fc.constantFrom('', ' ', '\n', ' | ')).map(([pairs, separator]) => ({
    mapped: MappedText.join(
      pairs.map((pair) => pair.mapped),
      separator,
    ),
    reference: ReferenceText.join(
      pairs.map((pair) => pair.reference),
      separator,
    ),
  })),
  expression: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('slice'), tie('trim'), tie('join')),
}));

function assertSame({ mapped, reference }: Pair): void {
  assert.equal(mapped.text, reference.text);
  assert.equal(mapped.length, reference.length);
  for (let index = 0; index <= reference.length; index++) assert.equal(mapped.offsetAt(index), reference.offsets[index], `offset of character ${index}`);
  assert.deepEqual(mapped.span, reference.spanOf(0, reference.length));
  for (let from = -2; from <= reference.length + 2; from++) {
    for (let to = from - 1; to <= reference.length + 2; to++) assert.deepEqual(mapped.spanOf(from, to), reference.spanOf(from, to), `span of [${from}, ${to})`);
  }
  // Runs are stored compactly: never one that merely continues the run before it.
  const runs = mapped.runs;
  for (let run = 2; run < runs.length; run += 2) {
    assert.ok(runs[run] > runs[run - 2], 'run starts ascend');
    assert.notEqual(runs[run + 1], runs[run - 1] + (runs[run] - runs[run - 2]), `run at ${runs[run]} continues the one before`);
  }
  assert.equal(runs.length === 0, mapped.length === 0);
}

describe('MappedText against one offset per character (fast-check)', () => {
  const cases = Math.max(1, Math.round(3000 * scale));
  it(`gives the same text, offsets and spans after random pieces, slices, trims and joins (${cases} cases)`, () => {
    let nonEmpty = 0;
    let multiRun = 0;
    fc.assert(
      fc.property(expression, (pair) => {
        if (pair.mapped.length > 0) nonEmpty++;
        if (pair.mapped.runs.length > 2) multiRun++;
        assertSame(pair);
      }),
      { numRuns: cases, seed },
    );
    // The cases must reach texts with several runs, or the property proves little.
    assert.ok(nonEmpty > cases / 3, `${nonEmpty} of ${cases} texts were not empty`);
    assert.ok(multiRun > cases / 10, `${multiRun} of ${cases} texts had more than one run`);
  });

  it(`aligns a value to its source as the per-character alignment does (${cases} cases)`, () => {
    fc.assert(
      fc.property(aligned, (pair) => assertSame(pair)),
      { numRuns: cases, seed },
    );
    fc.assert(
      fc.property(text(60), text(60), fc.nat(100), (value, source, base) =>
        assertSame({
          mapped: new MappedText(value, alignValue(value, source, base)),
          reference: new ReferenceText(value, referenceAlign(value, source, base)),
        }),
      ),
      { numRuns: cases, seed },
    );
  });

  it('finds the first character at or after an offset as a scan of every character does', () => {
    fc.assert(
      fc.property(expression, fc.integer({ min: -5, max: 1100 }), ({ mapped, reference }, offset) => {
        const scanned = reference.offsets.findIndex((at) => at >= offset);
        assert.equal(mapped.indexAtOrAfter(offset), scanned < 0 ? reference.length : scanned);
      }),
      { numRuns: cases, seed },
    );
  });
});
