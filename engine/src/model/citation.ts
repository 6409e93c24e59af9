// Reads a guideline field: the statement about the MTUS and the citation that follows it.
import { guidelineSources, matchChapter } from '../catalogue/guidelines';
import type { CitationKind, GuidelineSource } from '../catalogue/guidelines';
import type { LineIndex, MappedText } from '../text';
import { phrasePattern } from './words';
import { groupPart, textPart } from './parts';
import type { GuidelineCitation, MtusStatement } from './types';

// Case matters for the subject (capitalised words), so "did not" is never read as part of it.
const STATEMENT =
  /\b([Tt]he\s+[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*){0,3})\s+(did\s+not\s+base|didn['’]t\s+base|does\s+not\s+base|do\s+not\s+base|based|bases|base)\s+(?:(?:their|its|his\/her|his\s+or\s+her|his|her|the)\s+)?(?:[Dd]ecision|[Dd]etermination)s?\s+on\s+(?:the\s+)?MTUS\b\.?/;

const CITATION = /\bDecision\s+based\s+on\s+(?:the\s+)?(Non[-\s]?MTUS(?:\s+Citations?)?|MTUS(?:\s+Citations?)?)\b\s*[:.,-]?\s*/i;

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

export function readCitation(value: MappedText, index: LineIndex): GuidelineCitation | undefined {
  const match = CITATION.exec(value.text);
  if (!match) return undefined;
  const start = match.index;
  const kind: CitationKind = /^non/i.test(match[1]) ? 'Non-MTUS' : 'MTUS';
  const prefixText = match[0].trimEnd().replace(/[:.,-]$/, '').trimEnd();
  const referenceStart = start + match[0].length;
  let referenceEnd = value.length;
  while (referenceEnd > referenceStart && /[\s.]/.test(value.text[referenceEnd - 1])) referenceEnd--;
  const citation: GuidelineCitation = {
    ...textPart(value, start, Math.max(referenceEnd, start + prefixText.length), index),
    kind,
    prefix: textPart(value, start, start + prefixText.length, index),
  };
  if (referenceEnd > referenceStart) {
    citation.reference = textPart(value, referenceStart, referenceEnd, index);
    readReference(citation, value, referenceStart, referenceEnd, index);
  }
  return citation;
}

interface SourceMatch {
  source: GuidelineSource;
  length: number;
}

/** The catalogue source named at the start of a reference, preferring the citation's kind. */
export function matchSource(reference: string, kind: CitationKind): SourceMatch | undefined {
  const candidates: SourceMatch[] = [];
  for (const source of guidelineSources) {
    for (const alias of source.aliases) {
      const match = new RegExp(`^${phrasePattern(alias).replace(/,/g, ',?')}(?![A-Za-z])`, 'i').exec(reference);
      if (match) candidates.push({ source, length: match[0].length });
    }
  }
  candidates.sort((a, b) => b.length - a.length || Number(b.source.kind === kind) - Number(a.source.kind === kind));
  const longest = candidates[0];
  if (!longest) return undefined;
  // Among equally long matches ("ACOEM" is both), the citation's own kind decides.
  return candidates.find((candidate) => candidate.length === longest.length && candidate.source.kind === kind) ?? longest;
}

const PAGES = /^(?:pages?|pp?\.?|pgs?\.?)\s*(\d+)(?:\s*(?:-|–|to|through)\s*(\d+))?/i;

function readReference(citation: GuidelineCitation, value: MappedText, from: number, to: number, index: LineIndex): void {
  const reference = value.text.slice(from, to);
  const sourceMatch = matchSource(reference, citation.kind);
  let rest = from;
  if (sourceMatch) {
    citation.source = { ...textPart(value, from, from + sourceMatch.length, index), catalogueId: sourceMatch.source.id };
    rest = from + sourceMatch.length;
  }
  // The remainder is comma-separated: chapter or topic, further topics, pages.
  const segments: { start: number; text: string }[] = [];
  let cursor = rest;
  for (const piece of value.text.slice(rest, to).split(',')) {
    segments.push({ start: cursor, text: piece });
    cursor += piece.length + 1;
  }
  const named: { start: number; text: string }[] = [];
  for (const segment of segments) {
    const trimmed = segment.text.trim();
    if (trimmed.length === 0) continue;
    const lead = segment.text.length - segment.text.trimStart().length;
    const pages = PAGES.exec(trimmed);
    if (pages) {
      const pageFrom = Number(pages[1]);
      citation.pages = {
        ...textPart(value, segment.start + lead, segment.start + lead + pages[0].length, index),
        from: pageFrom,
        to: pages[2] ? Number(pages[2]) : pageFrom,
      };
    } else if (!citation.pages) {
      named.push(segment);
    }
  }
  if (!citation.source && named.length > 0) {
    citation.source = groupPart(value, named[0].start, named.shift()!.text, index);
  }
  if (named.length > 0) {
    const chapter = groupPart(value, named[0].start, named[0].text, index);
    const source = guidelineSources.find((candidate) => candidate.id === citation.source?.catalogueId);
    citation.chapter = { ...chapter, catalogueName: source ? matchChapter(source, chapter.text) : undefined };
  }
  if (named.length > 1) {
    const last = named[named.length - 1];
    citation.topic = textPart(value, named[1].start + (named[1].text.length - named[1].text.trimStart().length), last.start + last.text.trimEnd().length, index);
  }
}
