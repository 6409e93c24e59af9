// Reads a guideline field: the statement about the MTUS and the citations that follow it.
import { guidelineSources } from '../catalogue/guidelines';
import type { CitationKind } from '../catalogue/guidelines';
import type { LineIndex, MappedText } from '../text';
import { matchSource, readReference } from './citation-reference';
import { groupPart, textPart } from './parts';
import type { GuidelineCitation, MtusStatement, TextPart } from './types';

export { matchSource } from './citation-reference';

// The subject is one to four words after "The" that are not the verb, so "did not" is never read as part of it.
const SUBJECT_WORD = String.raw`(?!(?:did|didn|does|doesn|do|don|based|bases|base)\b)[A-Za-z][A-Za-z'’-]*`;
const STATEMENT = new RegExp(
  String.raw`\b([Tt]he\s+${SUBJECT_WORD}(?:\s+${SUBJECT_WORD}){0,3})\s+(did\s+not\s+base|didn['’]t\s+base|does\s+not\s+base|doesn['’]t\s+base|do\s+not\s+base|based|bases|base)\s+(?:(?:their|its|his\/her|his\s+or\s+her|his|her|the)\s+)?(?:[Dd]ecision|[Dd]etermination)s?\s+on\s+(?:the\s+)?MTUS\b\.?`,
);

const KIND = String.raw`(Non[-\s]?MTUS(?:\s+Citations?)?|MTUS(?:\s+Citations?)?)\b`;
const PREFIX = new RegExp(String.raw`\bDecision\s+based\s+on\s+(?:the\s+)?${KIND}\s*[:.,-]?\s*`, 'gi');
/** A kind written before a citation listed after another ("...; Non-MTUS Citation ODG Low Back Chapter"). */
const LISTED_KIND = new RegExp(String.raw`^(?:the\s+)?${KIND}\s*[:,-]?\s*`, 'i');
const JOINER =
  /,?\s+(?:and|&|as\s+well\s+as|plus|along\s+with)\s+(?:also\s+)?(?:the\s+)?|\s*;\s*(?:(?:and|plus|as\s+well\s+as|along\s+with)\s+)?(?:also\s+)?(?:the\s+)?/gi;

export function readStatement(value: MappedText, index: LineIndex): MtusStatement | undefined {
  const match = STATEMENT.exec(value.text);
  if (!match) return undefined;
  const start = match.index;
  const subjectStart = start;
  const verbStart = start + match[0].indexOf(match[2], match[1].length);
  return {
    ...textPart(value, start, start + match[0].length, index),
    basedOnMtus: !/not|n['’]t/i.test(match[2]),
    verb: textPart(value, verbStart, verbStart + match[2].length, index),
    subject: textPart(value, subjectStart, subjectStart + match[1].length, index),
  };
}

/** The first citation of a field. */
export function readCitation(value: MappedText, index: LineIndex): GuidelineCitation | undefined {
  return readCitations(value, index)[0];
}

/**
 * Every citation of a field: each "Decision based on ..." sentence, and within one the sources
 * listed after the first ("...; ODG Low Back Chapter", "... and ODG Pain Chapter").
 */
export function readCitations(value: MappedText, index: LineIndex): GuidelineCitation[] {
  const text = value.text;
  const prefixes = [...text.matchAll(PREFIX)];
  const citations: GuidelineCitation[] = [];
  prefixes.forEach((match, position) => {
    const start = match.index;
    const kind: CitationKind = /^non/i.test(match[1]) ? 'Non-MTUS' : 'MTUS';
    const prefixText = match[0]
      .trimEnd()
      .replace(/[:.,-]$/, '')
      .trimEnd();
    const prefix = textPart(value, start, start + prefixText.length, index);
    const regionEnd = trimEnd(text, start + match[0].length, prefixes[position + 1]?.index ?? text.length);
    const pieces = splitListed(text, start + match[0].length, regionEnd);
    const [first, ...listed] = pieces;
    const citation: GuidelineCitation = {
      ...textPart(value, start, Math.max(first.end, start + prefixText.length), index),
      kind,
      prefix,
    };
    if (first.end > first.start) {
      citation.reference = textPart(value, first.start, first.end, index);
      readReference(citation, value, first.start, first.end, index);
    }
    citations.push(citation);
    for (const piece of listed) citations.push(readListed(value, piece, prefix, kind, index));
  });
  return citations;
}

interface Piece {
  start: number;
  end: number;
}

/** The end of a citation's text, before the punctuation and joining words that close it. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  for (;;) {
    while (at > start && /[\s.,;]/.test(text[at - 1])) at--;
    const joiner = /(?:^|\s)(?:and|&)$/i.exec(text.slice(start, at));
    if (!joiner) return at;
    at = start + joiner.index;
  }
}

/** Splits a reference where another source is listed, outside parentheses. */
function splitListed(text: string, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let from = start;
  const region = text.slice(start, end);
  let depth = 0;
  let counted = 0;
  for (const joiner of region.matchAll(JOINER)) {
    for (; counted < joiner.index; counted++) {
      if (region[counted] === '(') depth++;
      else if (region[counted] === ')') depth = Math.max(0, depth - 1);
    }
    const at = start + joiner.index;
    const next = at + joiner[0].length;
    if (at <= from || depth > 0) continue;
    // A source's name is short: a little text after the joiner tells whether one follows.
    if (!startsCitation(text.slice(next, Math.min(end, next + 200)), joiner[0].includes(';'))) continue;
    pieces.push({ start: from, end: trimEnd(text, from, at) });
    from = next;
  }
  pieces.push({ start: from, end: trimEnd(text, from, end) });
  return pieces;
}

/** Whether text opens another citation: a source after a semicolon, a distinctive source name after "and". */
function startsCitation(text: string, semicolon: boolean): boolean {
  const stripped = LISTED_KIND.exec(text);
  for (const candidate of [text, stripped ? text.slice(stripped[0].length) : undefined]) {
    if (candidate === undefined) continue;
    const found = matchSource(candidate, 'MTUS');
    if (found && (semicolon || stripped || /[A-Z]{3,}|Guidelines?\b/.test(found.alias))) return true;
  }
  return false;
}

function readListed(value: MappedText, piece: Piece, shared: TextPart, sharedKind: CitationKind, index: LineIndex): GuidelineCitation {
  const text = value.text.slice(piece.start, piece.end);
  const marker = matchSource(text, sharedKind) ? undefined : LISTED_KIND.exec(text);
  const referenceStart = piece.start + (marker ? marker[0].length : 0);
  const ownKind: CitationKind | undefined = marker ? (/^(?:the\s+)?non/i.test(marker[0]) ? 'Non-MTUS' : 'MTUS') : undefined;
  const prefix = marker ? groupPart(value, piece.start, marker[0].replace(/[\s:,-]+$/, ''), index) : shared;
  const citation: GuidelineCitation = {
    ...textPart(value, piece.start, piece.end, index),
    kind: ownKind ?? sharedKind,
    prefix,
    sharesPrefix: !marker,
  };
  if (piece.end > referenceStart) {
    citation.reference = textPart(value, referenceStart, piece.end, index);
    readReference(citation, value, referenceStart, piece.end, index);
  }
  // A source listed under another's prefix is cited as what it is.
  if (!marker && citation.source?.catalogueId) citation.kind = guidelineSources.find((source) => source.id === citation.source!.catalogueId)!.kind;
  return citation;
}
