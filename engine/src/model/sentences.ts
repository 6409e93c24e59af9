// Items written as determination sentences (the 2013 letters): "1) MAXIMUS Federal Services, Inc. has determined the
// request for <treatment> is not medically necessary and appropriate.", each with its own block of fields further on.
import { phrasePattern, type Vocabulary } from '../profiles/vocabulary';
import { MappedText, type LineIndex } from '../text';
import type { ModelCache } from './cache';
import { attachField, type OpenField } from './fields';
import { located, textPart } from './parts';
import type { DisputedItem, Section, TextLine } from './types';

const NUMBER = /^\s*\(?(\d{1,2})[.)](?=[\s\u00a0])[\s\u00a0]*/;

/** The last words of the profile's sentence lead, which every way of naming the organisation keeps ("determined the request for"). */
function anchorOf(vocabulary: Vocabulary, lead: string | undefined): RegExp | undefined {
  if (!lead) return undefined;
  const words = lead.trim().split(/\s+/);
  return new RegExp(`\\b${phrasePattern(words.slice(-4).join(' '))}\\s+`, 'i');
}

/** Determination sentences, read across the lines PDF extraction breaks them into. */
export function readSentenceItems(lines: TextLine[], vocabulary: Vocabulary, index: LineIndex): DisputedItem[] {
  const anchor = anchorOf(vocabulary, vocabulary.profile.items.sentence);
  if (!anchor || lines.length === 0) return [];
  const text = MappedText.join(
    lines.map((line) => line.content),
    ' ',
  );
  // Where each line starts in the joined text.
  const starts: number[] = [];
  lines.reduce((at, line) => (starts.push(at), at + line.content.length + 1), 0);
  const lineAt = (position: number): number => {
    let low = 0;
    while (low + 1 < starts.length && starts[low + 1] <= position) low++;
    return low;
  };
  const found = [...text.text.matchAll(new RegExp(anchor.source, 'gi'))];
  let previousLine = -1;
  return found.map((match, position) => {
    const lineIndex = sentenceStart(lines, lineAt(match.index), previousLine);
    previousLine = lineAt(match.index);
    const line = lines[lineIndex];
    const headerStart = starts[lineIndex];
    const nameStart = match.index + match[0].length;
    const limit = position + 1 < found.length ? starts[lineAt(found[position + 1].index)] : text.length;
    const stop = /\.(?=\s|$)/.exec(text.text.slice(nameStart, limit));
    const end = nameStart + (stop ? stop.index : text.text.slice(nameStart, limit).trimEnd().length);
    const rest = text.text.slice(nameStart, end);
    // The decision is the closing phrase, from its last "is" / "was" on.
    const verb = [...rest.matchAll(/\s(?:is|was|are|were)\s/gi)].pop();
    const nameEnd = verb ? nameStart + verb.index : end;
    const decisionStart = verb ? nameEnd + 1 : end;
    const reading = verb ? vocabulary.decision(text.text.slice(decisionStart, end)) : undefined;
    const header = textPart(text, headerStart, stop ? end + 1 : end, index);
    const name = textPart(text, nameStart, nameEnd, index);
    const numbered = NUMBER.exec(line.content.text);
    return {
      name,
      header: { ...header, depth: line.block === 'heading' ? (line.depth ?? 1) : 0 },
      number: numbered ? Number(numbered[1]) : line.ordinal,
      decision: reading
        ? { ...textPart(text, decisionStart, end, index), class: reading.class, value: reading.value }
        : { ...textPart(text, end, end, index), class: 'missing' as const },
      placeholder: vocabulary.placeholder(name.text, 'item'),
      fields: [],
      lines: [],
      nearLabels: [],
      ...located(header.span, index),
    };
  });
}

/**
 * The line a sentence whose anchor stands on `anchorLine` starts on: the first line of its paragraph when the
 * paragraph is numbered ("1) MAXIMUS Federal Services, Inc. has" / "determined the request for ..."), up to four
 * lines back and after the line of the sentence before; else the anchor's own line.
 */
function sentenceStart(lines: TextLine[], anchorLine: number, previousLine: number): number {
  let first = anchorLine;
  while (first > previousLine + 1 && !lines[first].blockStart && anchorLine - first < 4) first--;
  const opening = lines[first];
  return opening.blockStart && (opening.ordinal !== undefined || NUMBER.test(opening.content.text)) ? first : anchorLine;
}

/**
 * Each item's own block after the list ("2) Regarding the request for Norco:"), holding its fields, up to the
 * next such block or section title. Blocks name their item by number or by name.
 */
export function readItemBlocks(sections: readonly Section[], items: DisputedItem[], vocabulary: Vocabulary, index: LineIndex, cache?: ModelCache): void {
  const anchor = anchorOf(vocabulary, vocabulary.profile.items.detail);
  if (!anchor || items.length === 0) return;
  const key = (name: string): string =>
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  for (const section of sections) {
    let item: DisputedItem | undefined;
    let field: OpenField | undefined;
    const finishField = (): void => {
      if (item && field) attachField(item, field, index, false, cache);
      field = undefined;
    };
    for (const line of section.lines) {
      const text = line.content.text;
      const block = line.blockStart ? anchor.exec(text) : null;
      if (block && block.index <= 6) {
        finishField();
        const numbered = NUMBER.exec(text);
        const number = numbered ? Number(numbered[1]) : line.ordinal;
        const name = key(
          text
            .slice(block.index + block[0].length)
            .trimEnd()
            .replace(/:$/, ''),
        );
        item = items.find((candidate) => key(candidate.name.text) === name) ?? items.find((candidate) => number !== undefined && candidate.number === number);
        if (item) item.block ??= textPart(line.content, 0, text.length, index);
        continue;
      }
      if (!item) continue;
      const label = vocabulary.fieldLabel(text);
      if (label) {
        finishField();
        field = { kind: label.spec.kind, lines: [line], labelEnd: label.end, labelTextEnd: label.labelEnd };
        item.lines?.push(line);
        continue;
      }
      const near = line.blockStart ? vocabulary.fieldLabel(text, true) : undefined;
      if (near?.kind === 'near') item.nearLabels.push({ ...textPart(line.content, 0, near.labelEnd, index), canonical: near.spec.label, kind: near.spec.kind });
      field?.lines.push(line);
      item.lines?.push(line);
    }
    finishField();
  }
}
