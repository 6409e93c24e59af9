// Reads the disputed items of the issues section as reviewers write them: an item line ("<name>:  <decision>"),
// numbered or not, its decision on the same line, the next line or a short paragraph below, then its fields.
import type { DecisionReading, Vocabulary } from '../profiles/vocabulary';
import { MappedText, type LineIndex } from '../text';
import { attachField, extend, type OpenField } from './fields';
import { located, textPart } from './parts';
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

export function readItems(lines: TextLine[], vocabulary: Vocabulary, index: LineIndex): DisputedItem[] {
  const items: DisputedItem[] = [];
  let item: DisputedItem | undefined;
  let field: OpenField | undefined;
  // The last list number seen inside the current field: a list of the rationale's own goes on from it.
  let fieldOrdinal: number | undefined;
  const finishField = (): void => {
    if (item && field) attachField(item, field, index);
    field = undefined;
    fieldOrdinal = undefined;
  };
  const finishItem = (): void => {
    finishField();
    if (item) items.push(item);
    item = undefined;
  };
  for (let position = 0; position < lines.length; position++) {
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
    const found = line.quoted
      ? undefined
      : itemAt(lines, position, vocabulary, index, { inField: field !== undefined, expected: continuesList ? undefined : expected });
    if (found) {
      // Lines that turn out to begin the item's name are no longer the field's above it.
      if (found.absorbed > 0 && item) {
        field?.lines.splice(-found.absorbed);
        item.lines?.splice(-found.absorbed);
        const last = field?.lines[field.lines.length - 1] ?? item.lines?.[item.lines.length - 1];
        Object.assign(
          item,
          located({ start: item.span.start, end: Math.max(item.header.span.end, item.decision.span.end, last?.content.span.end ?? 0) }, index),
        );
      }
      finishItem();
      item = found.item;
      position += found.consumed - 1;
      continue;
    }
    if (field) {
      field.lines.push(line);
      if (line.ordinal !== undefined) fieldOrdinal = line.ordinal;
    }
    if (item) {
      item.lines?.push(line);
      extend(item, line.content.span.end, index);
      const near = line.blockStart ? vocabulary.fieldLabel(line.content.text, true) : undefined;
      if (near?.kind === 'near') item.nearLabels.push({ ...textPart(line.content, 0, near.labelEnd, index), canonical: near.spec.label, kind: near.spec.kind });
    }
  }
  finishItem();
  return items;
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
/** What starts at a line: the item, how many lines its line and decision take, and how many lines above it its name began on. */
interface FoundItem {
  item: DisputedItem;
  consumed: number;
  absorbed: number;
}

/**
 * The item that starts at `lines[position]`. An item name that hard wrapping or PDF extraction broke over the lines
 * of one paragraph ("... of the Bilateral Upper" / "Extremities:") is read whole, from the paragraph's first line.
 */
function itemAt(lines: TextLine[], position: number, vocabulary: Vocabulary, index: LineIndex, context: ItemContext): FoundItem | undefined {
  const line = lines[position];
  let first = position;
  while (first > 0 && !lines[first].blockStart && position - first < 4) first--;
  if (first < position && lines[first].blockStart && line.content.text.trimEnd().endsWith(':')) {
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
    nameWords: text
      .slice(nameStart, nameEnd)
      .trim()
      .split(/\s+/)
      .filter((word) => word.length > 0).length,
    endsWithColon: colon >= nameStart && decisionText.length === 0,
  };
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
