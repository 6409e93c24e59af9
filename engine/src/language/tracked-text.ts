// A text under successive rounds of edits that remembers which characters are still the original's,
// so the rounds can be handed back as edits of the original text, each where a fix put it.
import type { TextEdit } from '../rules/types';

/** A run of the original text (by its offsets) or text that edits put in. */
type Piece = { from: number; to: number } | { text: string };

const lengthOf = (piece: Piece): number => ('text' in piece ? piece.text.length : piece.to - piece.from);

export class TrackedText {
  private pieces: Piece[];

  constructor(private readonly original: string) {
    this.pieces = original.length > 0 ? [{ from: 0, to: original.length }] : [];
  }

  /** Applies one round of non-overlapping edits, given in offsets of the current text. */
  apply(edits: readonly TextEdit[]): void {
    const latestFirst = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
    for (const edit of latestFirst) this.replace(edit.span.start, edit.span.end, edit.newText);
  }

  get text(): string {
    return this.pieces.map((piece) => ('text' in piece ? piece.text : this.original.slice(piece.from, piece.to))).join('');
  }

  /** Edits of the original text that give the current text: one per changed region, trimmed to whole words that differ. */
  edits(): TextEdit[] {
    const out: TextEdit[] = [];
    let cursor = 0;
    let added = '';
    const flush = (upTo: number): void => {
      if (upTo > cursor || added.length > 0) {
        const edit = trimmed(this.original, { span: { start: cursor, end: upTo }, newText: added });
        if (edit) out.push(edit);
      }
      added = '';
    };
    for (const piece of this.pieces) {
      if ('text' in piece) {
        added += piece.text;
        continue;
      }
      flush(piece.from);
      cursor = piece.to;
    }
    flush(this.original.length);
    return out;
  }

  private replace(start: number, end: number, newText: string): void {
    const first = this.splitAt(start);
    const last = this.splitAt(end);
    const inserted: Piece[] = newText.length > 0 ? [{ text: newText }] : [];
    this.pieces.splice(first, last - first, ...inserted);
  }

  /** Makes `offset` fall between pieces; returns the index of the piece that starts there. */
  private splitAt(offset: number): number {
    let position = 0;
    for (let index = 0; index < this.pieces.length; index++) {
      const piece = this.pieces[index];
      const length = lengthOf(piece);
      if (offset === position) return index;
      if (offset < position + length) {
        const cut = offset - position;
        const [head, tail]: Piece[] =
          'text' in piece
            ? [{ text: piece.text.slice(0, cut) }, { text: piece.text.slice(cut) }]
            : [
                { from: piece.from, to: piece.from + cut },
                { from: piece.from + cut, to: piece.to },
              ];
        this.pieces.splice(index, 1, head, tail);
        return index + 1;
      }
      position += length;
    }
    return this.pieces.length;
  }
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The edit without the start and end it shares with the text it replaces, cut back to a word boundary
 * ("Approved" by "Overturned", not "Approv" by "Overturn"); undefined when it changes nothing.
 */
function trimmed(original: string, edit: TextEdit): TextEdit | undefined {
  const oldText = original.slice(edit.span.start, edit.span.end);
  const { newText } = edit;
  if (oldText === newText) return undefined;
  const splitsWord = (text: string, at: number): boolean => at > 0 && at < text.length && WORD.test(text[at - 1]) && WORD.test(text[at]);
  const limit = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < limit && oldText[head] === newText[head]) head++;
  while (head > 0 && (splitsWord(oldText, head) || splitsWord(newText, head))) head--;
  let tail = 0;
  while (tail < limit - head && oldText[oldText.length - 1 - tail] === newText[newText.length - 1 - tail]) tail++;
  while (tail > 0 && (splitsWord(oldText, oldText.length - tail) || splitsWord(newText, newText.length - tail))) tail--;
  return { span: { start: edit.span.start + head, end: edit.span.end - tail }, newText: newText.slice(head, newText.length - tail) };
}
