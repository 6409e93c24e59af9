// Reads a guideline field: the statement about the MTUS and the citation that follows it.
import { chapterWords, guidelineSources, matchChapter } from '../catalogue/guidelines';
import type { CitationKind, GuidelineSource } from '../catalogue/guidelines';
import type { LineIndex, MappedText } from '../text';
import { phrasePattern } from '../profiles/vocabulary';
import { groupPart, textPart } from './parts';
import type { GuidelineCitation, MtusStatement, TextPart } from './types';

// The subject is one to four words after "The" that are not the verb, so "did not" is never read as part of it.
const SUBJECT_WORD = String.raw`(?!(?:did|didn|does|doesn|do|don|based|bases|base)\b)[A-Za-z][A-Za-z'’-]*`;
const STATEMENT = new RegExp(
  String.raw`\b([Tt]he\s+${SUBJECT_WORD}(?:\s+${SUBJECT_WORD}){0,3})\s+(did\s+not\s+base|didn['’]t\s+base|does\s+not\s+base|doesn['’]t\s+base|do\s+not\s+base|based|bases|base)\s+(?:(?:their|its|his\/her|his\s+or\s+her|his|her|the)\s+)?(?:[Dd]ecision|[Dd]etermination)s?\s+on\s+(?:the\s+)?MTUS\b\.?`,
);

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
  const prefixText = match[0]
    .trimEnd()
    .replace(/[:.,-]$/, '')
    .trimEnd();
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
// The catalogue is fixed: its patterns are compiled once.
const SOURCE_PATTERNS = guidelineSources.flatMap((source) =>
  source.aliases.map((alias) => ({ source, pattern: new RegExp(`^${phrasePattern(alias).replace(/,/g, ',?')}(?![A-Za-z])`, 'i') })),
);

export function matchSource(reference: string, kind: CitationKind): SourceMatch | undefined {
  const candidates: SourceMatch[] = [];
  for (const { source, pattern } of SOURCE_PATTERNS) {
    const match = pattern.exec(reference);
    if (match) candidates.push({ source, length: match[0].length });
  }
  candidates.sort((a, b) => b.length - a.length || Number(b.source.kind === kind) - Number(a.source.kind === kind));
  const longest = candidates[0];
  if (!longest) return undefined;
  // Among equally long matches ("ACOEM" is both), the citation's own kind decides.
  return candidates.find((candidate) => candidate.length === longest.length && candidate.source.kind === kind) ?? longest;
}

const PAGES = /^(?:pages?|pp?\.?|pgs?\.?)\s*(\d+)(?:\s*(?:-|–|to|through)\s*(\d+))?/i;
const PAGES_AT_END = /\s(?:pages?|pp?\.?|pgs?\.?)\s*(\d+)(?:\s*(?:-|–|to|through)\s*(\d+))?$/i;

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
    // Pages open their own segment (", page 78") or close a segment written without a comma ("Chapter 12 page 308").
    const pages = PAGES.exec(trimmed) ?? PAGES_AT_END.exec(trimmed);
    if (pages) {
      const at = segment.start + lead + pages.index + (pages[0].length - pages[0].trimStart().length);
      const pagesText = pages[0].trim();
      const pageFrom = Number(pages[1]);
      citation.pages = {
        ...textPart(value, at, at + pagesText.length, index),
        from: pageFrom,
        to: pages[2] ? Number(pages[2]) : pageFrom,
      };
      // What comes before trailing pages is a name in its own right.
      if (pages.index > 0) named.push({ start: segment.start, text: segment.text.slice(0, lead + pages.index) });
    } else if (!citation.pages) {
      named.push(segment);
    }
  }
  if (!citation.source && named.length > 0) {
    citation.source = groupPart(value, named[0].start, named.shift()!.text, index);
  }
  if (named.length === 0) return;
  const source = guidelineSources.find((candidate) => candidate.id === citation.source?.catalogueId);
  const last = named[named.length - 1];
  const span = (first: { start: number; text: string }, end: { start: number; text: string }): TextPart =>
    groupPart(value, first.start, value.text.slice(first.start, end.start + end.text.length), index);
  // A source cited by topic alone (the Chronic Pain Medical Treatment Guidelines) has no chapters.
  if (source && source.chapters.length === 0) {
    citation.topic = span(named[0], last);
    return;
  }
  // A chapter name may itself hold commas ("Chapter 11 Forearm, Wrist, and Hand Complaints"): take the longest run that names one.
  let chapterSegments = 1;
  for (let count = named.length; count > 1; count--) {
    if (source && namesChapter(source, span(named[0], named[count - 1]).text)) {
      chapterSegments = count;
      break;
    }
  }
  const chapter = span(named[0], named[chapterSegments - 1]);
  citation.chapter = { ...chapter, catalogueName: source ? matchChapter(source, chapter.text) : undefined };
  if (named.length > chapterSegments) citation.topic = span(named[chapterSegments], last);
}

/** Whether the text names one of the source's chapters word for word (noise words aside). */
function namesChapter(source: GuidelineSource, text: string): boolean {
  // ODG prints its chapters with "(Acute & Chronic)"; the catalogue leaves it out.
  const words = chapterWords(text.replace(/\(\s*acute\s*(?:&|and)\s*chronic\s*\)/gi, '')).join(' ');
  return source.chapters.some((chapter) => chapterWords(chapter).join(' ') === words);
}
