// Reads the disputed items of the issues section as reviewers write them: an item line ("<name>:  <decision>"),
// numbered or not, its decision on the same line, the next line or a short paragraph below, then its fields.
import type { DecisionReading, Vocabulary } from '../profiles/vocabulary';
import { MappedText, type LineIndex } from '../text';
import type { ItemMark, ModelCache, ReadItems } from './cache';
import { attachField, extend, type OpenField } from './fields';
import { located, moveParts, textPart, type Move } from './parts';
import type { DisputedItem, TextLine } from './types';

/** An item line's parts, as indices into its text. */
interface ItemLineShape {
  number?: number;
  nameStart: number;
  nameEnd: number;
  /** The decision written after the name on the same line; empty when there is none. */
  decisionStart: number;
  decisionEnd: number;
  reading?: DecisionReading;
  nameWords: number;
  /** The name ends with a colon and nothing follows it: its decision, if any, is on the next line. */
  endsWithColon: boolean;
}

const NUMBER = /^\s*\(?(\d{1,2})[.)](?=[\s\u00a0])[\s\u00a0]*/;
const DASHED_DECISION = /\s[-\u2013\u2014]\s+(\S+(?:\s+\S+)?)\s*$/;

/**
 * Reads the items of the issues section. With a cache, the items before an edit are the last check's, the items
 * after it are the last check's moved, and only the items in between are read again: the scan starts again at
 * the last item found before the edit and stops at the first item after it that it finds as the last check did.
 */
export function readItems(lines: TextLine[], vocabulary: Vocabulary, index: LineIndex, cache?: ModelCache): DisputedItem[] {
  const earlier = cache?.items?.vocabulary === vocabulary ? cache.items : undefined;
  const read = scanItems(lines, vocabulary, index, cache, earlier && cache ? planRescan(earlier, lines, cache) : undefined);
  if (cache) cache.items = { vocabulary, lines, items: read.items, marks: read.marks };
  return read.items;
}

/** What an edited draft keeps of the last check's items. */
interface Rescan {
  earlier: ReadItems;
  /** The items before the edit, kept as they are, and where the scan starts again: the next item's line. */
  kept: number;
  resumeAt: number;
  /** Lines from this index on are the last check's moved (`shift` places later in the list, by `move` in the text). */
  unchangedFrom: number;
  shift: number;
  move: Move;
  cache: ModelCache;
}

/** The lines an edit left unchanged at the start (the same lines) and at the end (moved alike), and where to rescan. */
function planRescan(earlier: ReadItems, lines: TextLine[], cache: ModelCache): Rescan | undefined {
  const before = earlier.lines;
  const most = Math.min(lines.length, before.length);
  let prefix = 0;
  while (prefix < most && lines[prefix] === before[prefix]) prefix++;
  let suffix = 0;
  let move: Move | undefined;
  while (suffix < most - prefix) {
    const now = lines[lines.length - 1 - suffix];
    const then = before[before.length - 1 - suffix];
    if (now !== then && cache.movedFrom.get(now) !== then) break;
    const offset = now.content.offsetAt(0) - then.content.offsetAt(0);
    const shifted = now.line - then.line;
    if (move && (move.offset !== offset || move.lines !== shifted)) break;
    move ??= { offset, lines: shifted };
    suffix++;
  }
  // The last item found with every line its finding looked at (up to two lines on) unchanged.
  let kept = earlier.marks.length;
  while (kept > 0 && earlier.marks[kept - 1].position + 2 >= prefix) kept--;
  if (kept === 0) return undefined;
  kept--;
  return {
    earlier,
    kept,
    resumeAt: earlier.marks[kept].position,
    unchangedFrom: lines.length - suffix,
    shift: lines.length - before.length,
    move: move ?? { offset: 0, lines: 0 },
    cache,
  };
}

function scanItems(
  lines: TextLine[],
  vocabulary: Vocabulary,
  index: LineIndex,
  cache: ModelCache | undefined,
  rescan: Rescan | undefined,
): Omit<ReadItems, 'vocabulary' | 'lines'> {
  const items: DisputedItem[] = rescan ? rescan.earlier.items.slice(0, rescan.kept) : [];
  const marks: ItemMark[] = rescan ? rescan.earlier.marks.slice(0, rescan.kept) : [];
  let item: DisputedItem | undefined;
  let field: OpenField | undefined;
  // How far the item's lines reach; the item is extended over them once, when it is finished.
  let reach = 0;
  // The last list number seen inside the current field: a list of the rationale's own goes on from it.
  let fieldOrdinal: number | undefined;
  const finishField = (): void => {
    if (item && field) attachField(item, field, index, true, cache);
    field = undefined;
    fieldOrdinal = undefined;
  };
  const finishItem = (): void => {
    finishField();
    if (item) {
      extend(item, reach, index);
      items.push(item);
    }
    item = undefined;
    reach = 0;
  };
  for (let position = rescan?.resumeAt ?? 0; position < lines.length; position++) {
    const line = lines[position];
    // A quotation is someone else's words: never a label or an item line of the draft's own.
    const label = line.quoted ? undefined : vocabulary.fieldLabel(line.content.text);
    if (label) {
      finishField();
      if (item) {
        field = { kind: label.spec.kind, lines: [line], labelEnd: label.end, labelTextEnd: label.labelEnd };
        item.lines?.push(line);
      }
      continue;
    }
    const expected = expectedNumber(items, item);
    const continuesList = field !== undefined && line.ordinal !== undefined && fieldOrdinal === line.ordinal - 1;
    // Where the scan starts again, it stands as it stood when the last check found the item there.
    const context: ItemContext =
      rescan && position === rescan.resumeAt
        ? rescan.earlier.marks[rescan.kept].context
        : { inField: field !== undefined, expected: continuesList ? undefined : expected };
    const found = line.quoted ? undefined : itemAt(lines, position, vocabulary, index, context);
    // The lines up to the item's and two on are as they were, so it is found again; should it not be, read them all.
    if (rescan && position === rescan.resumeAt && !found) return scanItems(lines, vocabulary, index, cache, undefined);
    if (found) {
      // Lines that turn out to begin the item's name are no longer the field's above it.
      if (found.absorbed > 0 && item) {
        field?.lines.splice(-found.absorbed);
        item.lines?.splice(-found.absorbed);
        const last = field?.lines[field.lines.length - 1] ?? item.lines?.[item.lines.length - 1];
        reach = 0;
        Object.assign(
          item,
          located({ start: item.span.start, end: Math.max(item.header.span.end, item.decision.span.end, last?.content.span.end ?? 0) }, index),
        );
      }
      finishItem();
      const rejoined = rescan && position !== rescan.resumeAt ? rejoin(rescan, lines, position, context) : undefined;
      if (rejoined) {
        rescan!.cache.count('items', false, items.length - rescan!.kept);
        rescan!.cache.count('items', true, rescan!.kept + rejoined.items.length);
        return { items: [...items, ...rejoined.items], marks: [...marks, ...rejoined.marks] };
      }
      item = found.item;
      marks.push({ position, context });
      position += found.consumed - 1;
      continue;
    }
    if (field) {
      field.lines.push(line);
      if (line.ordinal !== undefined) fieldOrdinal = line.ordinal;
    }
    if (item) {
      item.lines?.push(line);
      reach = Math.max(reach, line.content.span.end);
      const near = line.blockStart ? vocabulary.fieldLabel(line.content.text, true) : undefined;
      if (near?.kind === 'near') item.nearLabels.push({ ...textPart(line.content, 0, near.labelEnd, index), canonical: near.spec.label, kind: near.spec.kind });
    }
  }
  finishItem();
  cache?.count('items', false, items.length - (rescan?.kept ?? 0));
  if (rescan) cache?.count('items', true, rescan.kept);
  return { items, marks };
}

/**
 * The last check's items from the one found at `position` on, moved to where they now stand, when the scan has
 * come back into the lines the edit left unchanged and finds that item as the last check did: from here on it
 * would read all of them again as they were.
 */
function rejoin(rescan: Rescan, lines: TextLine[], position: number, context: ItemContext): Omit<ReadItems, 'vocabulary' | 'lines'> | undefined {
  // Finding an item looks back over the lines of its paragraph (a name broken over lines, see itemAt) and two on.
  if (paragraphStart(lines, position) < rescan.unchangedFrom) return undefined;
  const { earlier, shift, move } = rescan;
  const marks = earlier.marks;
  let low = rescan.kept;
  let high = marks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (marks[mid].position < position - shift) low = mid + 1;
    else high = mid;
  }
  const mark = marks[low];
  if (!mark || mark.position !== position - shift || mark.context.inField !== context.inField || mark.context.expected !== context.expected) return undefined;
  const later = earlier.items.slice(low);
  const laterMarks = marks.slice(low).map((kept) => (shift === 0 ? kept : { position: kept.position + shift, context: kept.context }));
  if (move.offset === 0 && move.lines === 0) return { items: later, marks: laterMarks };
  // The later items' lines all stand at or after the first one's item line.
  const places = new Map<TextLine, number>();
  for (let at = mark.position; at < earlier.lines.length; at++) places.set(earlier.lines[at], at);
  const line = (old: TextLine): TextLine => {
    const at = places.get(old);
    if (at === undefined) throw new Error('a moved item names a line the last check did not read');
    return lines[at + shift];
  };
  return { items: later.map((kept) => moveParts(kept, move, line)), marks: laterMarks };
}

/** The number the next item would carry: 1 first, then one more than the last numbered item; none when items are not numbered. */
function expectedNumber(items: DisputedItem[], current: DisputedItem | undefined): number | undefined {
  const last = current ?? items[items.length - 1];
  if (!last) return 1;
  return last.number === undefined ? undefined : last.number + 1;
}

interface ItemContext {
  /** Inside a field, where prose runs on and only clear item lines start an item. */
  inField: boolean;
  /** The number an item line in sequence would carry. */
  expected?: number;
}

/** The item that starts at `lines[position]`, and how many lines its line takes (two when the decision is on the next). */
/** Where the name of an item at `position` may begin: the first line of its paragraph, up to four lines back. */
function paragraphStart(lines: TextLine[], position: number): number {
  let first = position;
  while (first > 0 && !lines[first].blockStart && position - first < 4) first--;
  return first;
}

/** What starts at a line: the item, how many lines its line and decision take, and how many lines above it its name began on. */
interface FoundItem {
  item: DisputedItem;
  consumed: number;
  absorbed: number;
}

/**
 * The item that starts at `lines[position]`. An item name that hard wrapping or PDF extraction broke over the lines
 * of one paragraph ("... of the Bilateral Upper" / "Extremities:", or "... as needed for" / "pain:  Upheld") is read
 * whole, from the paragraph's first line, or from the line after one that is an item line of its own.
 */
function itemAt(lines: TextLine[], position: number, vocabulary: Vocabulary, index: LineIndex, context: ItemContext): FoundItem | undefined {
  const line = lines[position];
  const start = paragraphStart(lines, position);
  let first = start;
  // A line of the paragraph that carries its own decision is an item line of its own: the name starts after it.
  for (let at = position - 1; at >= start; at--) {
    if (decided(lines[at].content.text, vocabulary)) {
      first = at + 1;
      break;
    }
  }
  if (first < position && (lines[first].blockStart || first > start)) {
    const head = lines.slice(first, position + 1);
    const joined: TextLine = {
      ...head[0],
      blockEnd: line.blockEnd,
      content: MappedText.join(
        head.map((part) => part.content),
        ' ',
      ),
    };
    const wrapped = itemOnLine(joined, lines, position, vocabulary, index, context);
    if (wrapped) return { ...wrapped, absorbed: position - first };
  }
  const found = itemOnLine(line, lines, position, vocabulary, index, context);
  return found && { ...found, absorbed: 0 };
}

/** Whether a line is a name and a decision the vocabulary knows. */
function decided(text: string, vocabulary: Vocabulary): boolean {
  const shape = shapeOf(text, vocabulary);
  return shape.decisionEnd > shape.decisionStart && shape.reading!.class !== 'unknown';
}

/** The item whose line is `line` (standing at `position` of `lines`), and how many lines it takes. */
function itemOnLine(
  line: TextLine,
  lines: TextLine[],
  position: number,
  vocabulary: Vocabulary,
  index: LineIndex,
  context: ItemContext,
): { item: DisputedItem; consumed: number } | undefined {
  const text = line.content.text;
  // A line that opens with (nearly) a label is a field or a credential, never an item.
  if (vocabulary.credentialLabel(text, true) || vocabulary.fieldLabel(text, true)) return undefined;
  const shape = shapeOf(text, vocabulary);
  const number = shape.number ?? line.ordinal;
  const name = text.slice(shape.nameStart, shape.nameEnd).trim();
  const nameShaped = shape.nameWords > 0 && shape.nameWords <= 20 && !/[.!?]$/.test(name) && !/[.!?]\s+[A-Z]/.test(name) && !/set\s+forth\s+below/i.test(text);
  if (!nameShaped) return undefined;
  const next = lines[position + 1];
  const heading = line.block === 'heading';
  const inSequence = number !== undefined && number === context.expected;
  const followedBy = (candidate: TextLine | undefined): boolean => candidate !== undefined && vocabulary.fieldLabel(candidate.content.text) !== undefined;

  if (shape.decisionEnd > shape.decisionStart) {
    const reading = shape.reading!;
    const decisionText = text.slice(shape.decisionStart, shape.decisionEnd);
    const shaped = decisionText.split(/\s+/).length <= 3 && decisionText.length <= 40;
    if (!shaped) return undefined;
    const known = reading.class !== 'unknown';
    const imrWord = known && reading.class !== 'ur-word';
    const isItem = context.inField
      ? ((heading || inSequence) && (known || followedBy(next))) || (shape.nameWords <= 12 && (imrWord || (known && followedBy(next))))
      : known || heading || inSequence || followedBy(next);
    return isItem ? { item: makeItem(line, shape, number, undefined, vocabulary, index), consumed: 1 } : undefined;
  }

  // No decision on the line: on the next line of the paragraph, in a short paragraph below, or none at all.
  const decisionLine = next && decisionLineAfter(line, next, vocabulary);
  const lineShaped = shape.endsWithColon || heading || inSequence;
  if (decisionLine) {
    const clear = decisionLine.reading.class !== 'ur-word' || followedBy(lines[position + 2]);
    if ((lineShaped || decisionLine.reading.class === 'valid') && (!context.inField || clear || inSequence)) {
      return { item: makeItem(line, shape, number, decisionLine, vocabulary, index), consumed: 2 };
    }
  }
  if (lineShaped && (followedBy(next) || (inSequence && (shape.endsWithColon || heading)))) {
    return { item: makeItem(line, shape, number, undefined, vocabulary, index), consumed: 1 };
  }
  // A plain line without a colon is an item only when its fields follow it directly.
  if (!context.inField && followedBy(next)) return { item: makeItem(line, shape, number, undefined, vocabulary, index), consumed: 1 };
  return undefined;
}

/** The decision alone on the line after an item's name: in the same paragraph, or as a short paragraph of its own. */
function decisionLineAfter(line: TextLine, next: TextLine, vocabulary: Vocabulary): { line: TextLine; reading: DecisionReading } | undefined {
  if (next.block === 'heading' || (next.blockStart && !line.blockEnd) || (next.blockStart && !next.blockEnd)) return undefined;
  const text = next.content.text.trim();
  if (text.length === 0 || text.length > 40 || text.split(/\s+/).length > 3) return undefined;
  const reading = vocabulary.decision(text.replace(/^[*_]+|[*_]+$/g, ''));
  return reading.class === 'unknown' ? undefined : { line: next, reading };
}

/** Where an item line's number, name and decision are: the decision after the last colon, or after a dash before a decision word. */
function shapeOf(text: string, vocabulary: Vocabulary): ItemLineShape {
  const numbered = NUMBER.exec(text);
  const nameStart = numbered ? numbered[0].length : 0;
  const number = numbered ? Number(numbered[1]) : undefined;
  const colon = text.lastIndexOf(':');
  let nameEnd = text.length;
  let decisionStart = text.length;
  if (colon >= nameStart) {
    nameEnd = colon;
    decisionStart = colon + 1;
  } else {
    const dash = DASHED_DECISION.exec(text);
    if (dash && vocabulary.decision(dash[1]).class !== 'unknown') {
      nameEnd = dash.index;
      decisionStart = dash.index + dash[0].search(/[^\s\-\u2013\u2014]/);
    }
  }
  const after = text.slice(decisionStart);
  const lead = after.length - after.trimStart().length;
  const decisionText = after.trim();
  const start = decisionStart + lead;
  return {
    number,
    nameStart,
    nameEnd,
    decisionStart: start,
    decisionEnd: start + decisionText.length,
    reading: decisionText ? vocabulary.decision(decisionText) : undefined,
    nameWords: countWords(text, nameStart, nameEnd, 21),
    endsWithColon: colon >= nameStart && decisionText.length === 0,
  };
}

/** Words (runs of anything but white space) in text[from, to), counted up to `most`. */
function countWords(text: string, from: number, to: number, most: number): number {
  const words = /\S+/g;
  words.lastIndex = from;
  let count = 0;
  for (let match = words.exec(text); match && match.index < to && count < most; match = words.exec(text)) count++;
  return count;
}

function makeItem(
  line: TextLine,
  shape: ItemLineShape,
  number: number | undefined,
  decisionLine: { line: TextLine; reading: DecisionReading } | undefined,
  vocabulary: Vocabulary,
  index: LineIndex,
): DisputedItem {
  const text = line.content.text;
  const nameText = text.slice(shape.nameStart, shape.nameEnd);
  const nameLead = shape.nameStart + nameText.length - nameText.trimStart().length;
  const name = textPart(line.content, nameLead, nameLead + nameText.trim().length, index);
  const header = textPart(line.content, 0, text.length, index);
  let decision: DisputedItem['decision'];
  if (decisionLine) {
    const written = decisionLine.line.content.text;
    const lead = written.length - written.trimStart().replace(/^[*_]+/, '').length;
    const end = written.trimEnd().replace(/[*_]+$/, '').length;
    decision = { ...textPart(decisionLine.line.content, lead, end, index), class: decisionLine.reading.class, value: decisionLine.reading.value };
  } else if (shape.decisionEnd > shape.decisionStart) {
    decision = { ...textPart(line.content, shape.decisionStart, shape.decisionEnd, index), class: shape.reading!.class, value: shape.reading!.value };
  } else {
    decision = { ...textPart(line.content, text.length, text.length, index), class: 'missing' };
  }
  const end = Math.max(header.span.end, decision.span.end);
  return {
    name,
    header: { ...header, depth: line.block === 'heading' ? (line.depth ?? 1) : 0 },
    number,
    decision,
    placeholder: vocabulary.placeholder(name.text, 'item'),
    fields: [],
    lines: [],
    nearLabels: [],
    ...located({ start: header.span.start, end }, index),
  };
}
