// Reads one guideline reference: the source, its edition and year, chapter or topic, and pages.
import { chapterWords, guidelineSources, matchChapter } from '../catalogue/guidelines';
import type { CitationKind, GuidelineSource } from '../catalogue/guidelines';
import type { LineIndex, MappedText } from '../text';
import { groupPart, textPart } from './parts';
import type { GuidelineCitation, TextPart } from './types';

export interface SourceMatch {
  source: GuidelineSource;
  /** Length of the name as written, with the qualifiers that follow it. */
  length: number;
  alias: string;
}

/** A catalogue phrase as a pattern: any spacing, optional commas, either apostrophe, hyphens spaced or not. */
function aliasPattern(alias: string): string {
  return alias
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
        .replace(/,/g, ',?')
        .replace(/['’]/g, "['’]?")
        .replace(/-/g, String.raw`\s*[-‐–]?\s*`),
    )
    .join(String.raw`\s+`);
}

// The catalogue is fixed: its patterns are compiled once.
const SOURCE_PATTERNS = guidelineSources.flatMap((source) =>
  source.aliases.map((alias) => ({ source, alias, pattern: new RegExp(`^${aliasPattern(alias)}(?![A-Za-z])`, 'i') })),
);
/** The patterns by the first letter of their alias: a reference is tried only against names that can start it. */
const PATTERNS_BY_LETTER = new Map<string, typeof SOURCE_PATTERNS>();
for (const entry of SOURCE_PATTERNS) {
  const letter = entry.alias[0].toLowerCase();
  PATTERNS_BY_LETTER.set(letter, [...(PATTERNS_BY_LETTER.get(letter) ?? []), entry]);
}
const QUALIFIERS = new Map(
  guidelineSources.map((source) => [
    source,
    (source.qualifiers ?? []).map((qualifier) => new RegExp(String.raw`^\s*[-,]?\s*${aliasPattern(qualifier)}(?![A-Za-z])`, 'i')),
  ]),
);
/** "(ODG)", "(ACOEM)": the source's initials after its name. */
const INITIALS = /^\s*\([A-Z]{2,}(?:[\s-][A-Z]{2,})?\)/;

/** Every catalogue source named at the start of a reference, the longest first, the citation's kind first among equals. */
export function matchSources(reference: string, kind: CitationKind): SourceMatch[] {
  const candidates: SourceMatch[] = [];
  for (const { source, alias, pattern } of PATTERNS_BY_LETTER.get(reference.charAt(0).toLowerCase()) ?? []) {
    const match = pattern.exec(reference);
    if (!match) continue;
    let length = match[0].length;
    for (let extended = true; extended;) {
      extended = false;
      for (const qualifier of [INITIALS, ...(QUALIFIERS.get(source) ?? [])]) {
        const more = qualifier.exec(reference.slice(length));
        if (more) {
          length += more[0].length;
          extended = true;
        }
      }
    }
    candidates.push({ source, length, alias });
  }
  return candidates.sort((a, b) => b.length - a.length || Number(b.source.kind === kind) - Number(a.source.kind === kind));
}

/** The catalogue source named at the start of a reference, preferring the citation's kind. */
export function matchSource(reference: string, kind: CitationKind): SourceMatch | undefined {
  const candidates = matchSources(reference, kind);
  const longest = candidates[0];
  if (!longest) return undefined;
  // Among equally long matches ("ACOEM" is both), the citation's own kind decides.
  return candidates.find((candidate) => candidate.length === longest.length && candidate.source.kind === kind) ?? longest;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const EDITION = new RegExp(String.raw`(?:\b(\d{1,2})(?:st|nd|rd|th)|\b(${ORDINALS.join('|')}))\s+ed(?:ition|n)?\b\.?(?:\s*\((?:web|online|print)\))?`, 'i');
/** "(2004)", "(Effective July 18, 2009)", "MTUS (May 2009)": a version in parentheses that ends with its year. */
const EDITION_AT = new RegExp(`^(?:${EDITION.source})`, 'i');
const VERSION = /^(?:MTUS\s*)?\(\s*([^()]{0,40}?\b((?:19|20)\d{2}))\s*\)/i;
const YEAR = /^((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)/;
const SEPARATOR = /^\s*(?:[,:\-–—]\s*)?/;

const PAGE_WORD = String.raw`(?:page\s*\(s\)|pages?|pgs?\.?|pp?\.?)`;
const PAGE_RANGE = String.raw`(\d+)(?:\s*(?:-|–|—|to|through|thru)\s*(\d+))?`;
const PAGES = new RegExp(String.raw`^${PAGE_WORD}\s*[:.]?\s*${PAGE_RANGE}`, 'i');
const PAGES_AT_END = new RegExp(String.raw`\s${PAGE_WORD}\s*[:.]?\s*${PAGE_RANGE}$`, 'i');
const MORE_PAGES = /^(\d+)(?:\s*[-–—]\s*(\d+))?$/;

interface Segment {
  start: number;
  text: string;
}

interface VersionPart {
  kind: 'edition' | 'year';
  start: number;
  end: number;
  year?: number;
}

/** Editions and years written one after another from `at` ("2nd Edition, (2004)"), and where they end. */
function versionAt(text: string, at: number, end: number): { parts: VersionPart[]; end: number } {
  const parts: VersionPart[] = [];
  let cursor = at;
  for (;;) {
    // A version is short: looking a little way ahead keeps a long run of years linear.
    const rest = text.slice(cursor, Math.min(end, cursor + 80));
    const gap = SEPARATOR.exec(rest)![0].length;
    const next = rest.slice(gap);
    const start = cursor + gap;
    const edition = EDITION_AT.exec(next);
    const version = VERSION.exec(next);
    const year = YEAR.exec(next);
    if (edition) {
      parts.push({ kind: 'edition', start, end: start + edition[0].length });
      cursor = start + edition[0].length;
    } else if (version) {
      const inner = start + next.indexOf(version[1], next.indexOf('('));
      // "(2004)" is a year; "(Effective July 18, 2009)" is a version that holds one.
      if (version[1] !== version[2]) parts.push({ kind: 'edition', start: inner, end: inner + version[1].length });
      parts.push({ kind: 'year', start: inner + version[1].length - version[2].length, end: inner + version[1].length, year: Number(version[2]) });
      cursor = start + version[0].length;
    } else if (year) {
      parts.push({ kind: 'year', start, end: start + year[0].length, year: Number(year[1]) });
      cursor = start + year[0].length;
    } else {
      return { parts, end: parts.length > 0 ? cursor : at };
    }
  }
}

function applyVersion(citation: GuidelineCitation, parts: VersionPart[], value: MappedText, index: LineIndex): void {
  for (const part of parts) {
    if (part.kind === 'edition' && !citation.edition) citation.edition = textPart(value, part.start, part.end, index);
    if (part.kind === 'year' && !citation.year) citation.year = { ...textPart(value, part.start, part.end, index), value: part.year! };
  }
}

/** Splits at commas outside parentheses: "Head (trauma, headaches, etc.)" is one chapter. */
function segments(text: string, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let start = from;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    const char = text[i];
    if (i === to || (char === ',' && depth === 0)) {
      out.push({ start, text: text.slice(start, i) });
      start = i + 1;
    } else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
  }
  return out;
}

function pageRange(part: TextPart, first: string, last: string | undefined): TextPart & { from: number; to: number } {
  const from = Number(first);
  let to = last ? Number(last) : from;
  // "pages 308-10" abbreviates 308-310.
  if (last && to < from && last.length < first.length) to = Number(first.slice(0, first.length - last.length) + last);
  return { ...part, from, to };
}

export function readReference(citation: GuidelineCitation, value: MappedText, from: number, to: number, index: LineIndex): void {
  const text = value.text;
  const reference = text.slice(from, to);
  const named = matchSource(reference, citation.kind);
  let sourceAt = from;
  let rest = from;
  if (named) {
    citation.source = groupPart(value, from, reference.slice(0, named.length), index);
    const version = versionAt(text, from + named.length, to);
    applyVersion(citation, version.parts, value, index);
    rest = version.end;
  }
  // The remainder is comma-separated: chapter or topic, further topics, pages; an edition or year may sit among them.
  const before: Segment[] = [];
  const after: Segment[] = [];
  let pagesStart = -1;
  for (const segment of segments(text, rest, to)) {
    const trimmed = segment.text.trim();
    if (trimmed.length === 0) continue;
    const at = segment.start + segment.text.length - segment.text.trimStart().length;
    const end = at + trimmed.length;
    const pages = citation.pages ? null : (PAGES.exec(trimmed) ?? PAGES_AT_END.exec(trimmed));
    if (pages) {
      pagesStart = at + pages.index + (pages[0].length - pages[0].trimStart().length);
      const pagesEnd = at + pages.index + pages[0].length;
      citation.pages = pageRange(textPart(value, pagesStart, pagesEnd, index), pages[1], pages[2]);
      // What comes before trailing pages is a name in its own right, and so is what follows them ("page 22; Medications").
      if (pages.index > 0) before.push({ start: at, text: text.slice(at, at + pages.index) });
      const trailing = /^[\s;:.-]*/.exec(text.slice(pagesEnd, end))![0].length;
      if (pagesEnd + trailing < end) after.push({ start: pagesEnd + trailing, text: text.slice(pagesEnd + trailing, end) });
      continue;
    }
    const more = citation.pages && pagesStart >= 0 ? MORE_PAGES.exec(trimmed) : null;
    if (more) {
      // "Page(s): 78, 80": further pages of the same citation.
      citation.pages = { ...textPart(value, pagesStart, end, index), from: citation.pages!.from, to: Math.max(citation.pages!.to, Number(more[2] ?? more[1])) };
      continue;
    }
    const version = versionAt(text, at, end);
    if (version.end === end) {
      applyVersion(citation, version.parts, value, index);
      continue;
    }
    // A leading dash separates a chapter from the source's version: "(2004) - Low Back Complaints".
    const dash = /^[-–—:]\s*/.exec(trimmed);
    (citation.pages ? after : before).push({ start: at + (dash?.[0].length ?? 0), text: trimmed.slice(dash?.[0].length ?? 0) });
  }
  let names = before.length > 0 ? before : after;
  // Names after the pages go on from those before them ("ODG, Pain Chapter page 5, Opioids": the topic follows).
  let later = names === before ? after : [];
  if (!citation.source && names.length > 0) {
    const first = names.shift()!;
    sourceAt = first.start;
    citation.source = groupPart(value, first.start, first.text, index);
  }
  if (names.length === 0) [names, later] = [later, []];
  if (citation.source) findVersionInside(citation, sourceAt, value, index);
  const source = pickSource(reference, named, citation);
  if (citation.source && source) citation.source.catalogueId = source.id;
  if (names.length > 0) readChapter(citation, source, names, later, value, index);
}

/** An edition or year written inside the name ("ACOEM Practice Guidelines, 2nd Edition (2004)"). */
function findVersionInside(citation: GuidelineCitation, at: number, value: MappedText, index: LineIndex): void {
  const name = value.text.slice(at, at + citation.source!.text.length);
  const edition = citation.edition ? null : EDITION.exec(name);
  if (edition) citation.edition = textPart(value, at + edition.index, at + edition.index + edition[0].length, index);
  const year = citation.year ? null : /\b((?:19|20)\d{2})\b/.exec(name);
  if (year) citation.year = { ...textPart(value, at + year.index, at + year.index + 4, index), value: Number(year[1]) };
}

/** The edition's number and the year, as the catalogue lists them to tell sources of one name apart. */
function versionKeys(citation: GuidelineCitation): string[] {
  const keys: string[] = [];
  const edition = citation.edition?.text.toLowerCase();
  const number = edition && /(\d{1,2})(?:st|nd|rd|th)/.exec(edition);
  if (number) keys.push(String(Number(number[1])));
  const word = edition && ORDINALS.findIndex((ordinal) => edition.startsWith(ordinal));
  if (typeof word === 'number' && word >= 0) keys.push(String(word + 1));
  if (citation.year) keys.push(String(citation.year.value));
  return keys;
}

/** The catalogue entry: the one the edition or year names, else the longest name of the citation's kind. */
function pickSource(reference: string, named: SourceMatch | undefined, citation: GuidelineCitation): GuidelineSource | undefined {
  if (!named) return undefined;
  const keys = versionKeys(citation);
  if (keys.length === 0) return named.source;
  const versioned = matchSources(reference, citation.kind).find((candidate) => candidate.source.editions?.some((edition) => keys.includes(edition)));
  return versioned?.source ?? named.source;
}

/**
 * The chapter (the longest run of segments that names one) and the topic after it; `later` (the names after the
 * pages) gives the topic when the names before the pages are the chapter alone.
 */
function readChapter(
  citation: GuidelineCitation,
  source: GuidelineSource | undefined,
  names: Segment[],
  later: Segment[],
  value: MappedText,
  index: LineIndex,
): void {
  const last = names[names.length - 1];
  const span = (first: Segment, end: Segment): TextPart => groupPart(value, first.start, value.text.slice(first.start, end.start + end.text.length), index);
  // A source cited by topic alone (the Chronic Pain Medical Treatment Guidelines) has no chapters.
  if (source && source.chapters.length === 0) {
    citation.topic = span(names[0], last);
    return;
  }
  // A chapter name may itself hold commas ("Chapter 11 Forearm, Wrist, and Hand Complaints").
  let chapterSegments = 1;
  for (let count = names.length; count > 1; count--) {
    if (source && namesChapter(source, span(names[0], names[count - 1]).text)) {
      chapterSegments = count;
      break;
    }
  }
  const chapter = span(names[0], names[chapterSegments - 1]);
  citation.chapter = { ...chapter, catalogueName: source ? matchChapter(source, chapter.text) : undefined };
  if (names.length > chapterSegments) citation.topic = span(names[chapterSegments], last);
  else if (later.length > 0) citation.topic = span(later[0], later[later.length - 1]);
}

/** Whether the text names one of the source's chapters word for word, in any order (noise words aside). */
function namesChapter(source: GuidelineSource, text: string): boolean {
  // ODG prints its chapters with "(Acute & Chronic)"; the catalogue leaves it out.
  const words = chapterWords(text.replace(/\(\s*acute\s*(?:&|and)\s*chronic\s*\)/gi, ''))
    .sort()
    .join(' ');
  return source.chapters.some((chapter) => chapterWords(chapter).sort().join(' ') === words);
}
