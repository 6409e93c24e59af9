// What a reviewer can complete while writing: decisions, field labels, citation forms, sources, chapters, credentials, titles.
import { guidelineSources, type CitationKind, type GuidelineSource } from '../catalogue/guidelines';
import { abmsBoards, knownSpecialties, nonPhysicianDisciplines } from '../catalogue/specialties';
import { usStates } from '../catalogue/states';
import { matchSource } from '../model/citation';
import type { Determination } from '../model/types';
import { vocabularyOf } from '../profiles/vocabulary';
import type { Span } from '../text';
import { citationPrefix, decisionMeaning, describeDecision, describeSource } from './describe';
import { escapeMarkdown } from './markdown';
import { isTabStopText, snippetMayHoldTab } from './snippet-session';

export type CompletionKind = 'decision' | 'field' | 'citation' | 'source' | 'chapter' | 'state' | 'specialty' | 'section';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** The source text the completion replaces: what was typed of it, and the rest of that word. */
  replace: Span;
  sortText: string;
  /** What the editor matches the typed text against, when not the label (a placeholder being replaced). */
  filterText?: string;
  /** Accepting it leads straight to the next list (a field label to its citation forms, a form to its sources). */
  retrigger?: boolean;
}

interface Cursor {
  model: Determination;
  offset: number;
  line: number;
  lineStart: number;
  /** The line's text before and after the cursor. */
  before: string;
  after: string;
  /** The Markdown markers that open the line: quote, list bullet, heading hashes, bold. */
  marker: string;
  /** The line's text before the cursor without those markers, and where it starts. */
  content: string;
  contentStart: number;
  triggerCharacter?: string;
}

const LINE_MARKER = /^[ \t]{0,3}(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?(?:\*\*|__)?/;
const WORD_AFTER = /^[\p{L}\p{N}'’-]*/u;

/**
 * Completions at `offset` of the draft the model was built from. `triggerCharacter` is the character
 * whose typing asked for them (":", " ", ","); titles and labels are offered only when asked for or typed.
 * While a snippet may still want Tab, no list opens by itself: not on a typed character, not after an item.
 */
export function completionsAt(model: Determination, offset: number, triggerCharacter?: string): Completion[] {
  if (offset < 0 || offset > model.text.length) return [];
  const front = model.frontMatter;
  if (front && offset >= front.span.start && offset <= front.span.end) return [];
  const { line } = model.lines.positionAt(offset);
  const lineStart = model.lines.lineStarts[line];
  const before = model.text.slice(lineStart, offset);
  const marker = LINE_MARKER.exec(before)![0];
  const cursor: Cursor = {
    model,
    offset,
    line,
    lineStart,
    before,
    after: model.text.slice(offset, model.lines.lineEnd(line)),
    marker,
    content: before.slice(marker.length),
    contentStart: lineStart + marker.length,
    triggerCharacter,
  };
  const holdsTab = snippetMayHoldTab(model.text, offset);
  if (holdsTab && triggerCharacter) return [];
  const found =
    credentialCompletions(cursor) ??
    sourceCompletions(cursor) ??
    citationFormCompletions(cursor) ??
    decisionCompletions(cursor) ??
    lineStartCompletions(cursor) ??
    [];
  return holdsTab ? found.map(({ retrigger: _opensNextList, ...completion }) => completion) : found;
}

/** States or specialties after the credentials labels, leaving out those the line already lists. */
function credentialCompletions(cursor: Cursor): Completion[] | undefined {
  const kind = vocabularyOf(cursor.model.profile).credentialLabel(cursor.content)?.credential;
  if (!kind) return undefined;
  const colon = cursor.content.indexOf(':');
  const listed = cursor.content.slice(colon + 1);
  const separator = Math.max(listed.lastIndexOf(','), listed.lastIndexOf(';'));
  const typed = listed.slice(separator + 1);
  // Right after the label nothing was asked for yet; after a comma a new entry begins, and within an entry the list goes on.
  if (cursor.triggerCharacter && separator < 0 && typed.trim() === '') return [];
  const lead = typed.length - typed.trimStart().length;
  const restOfEntry = /^[^,;]*/.exec(cursor.after)![0];
  const replace = { start: cursor.offset - typed.length + lead, end: cursor.offset + restOfEntry.trimEnd().length };
  const others = [...listed.slice(0, Math.max(0, separator)).split(/[,;]/), ...cursor.after.slice(restOfEntry.length).split(/[,;]/)]
    .map((entry) => entry.trim().replace(/\.$/, '').toLowerCase())
    .filter((entry) => entry.length > 0);
  const space = lead === 0 ? ' ' : '';
  const names = kind === 'states' ? usStates : knownSpecialties;
  const overPlaceholder = isTabStopText(typed);
  return names
    .filter((name) => !others.includes(name.toLowerCase()))
    .map((name, index) => ({
      label: name,
      kind: kind === 'states' ? 'state' : 'specialty',
      detail: kind === 'states' ? 'State of licensure' : specialtyGroup(name),
      insertText: `${space}${name}`,
      replace,
      sortText: String(index).padStart(3, '0'),
      ...(overPlaceholder ? { filterText: `${typed.trim()}${name}` } : {}),
    }));
}

function specialtyGroup(name: string): string {
  if (abmsBoards.includes(name)) return 'ABMS member board';
  if (nonPhysicianDisciplines.includes(name)) return 'Non-physician discipline';
  return 'Subspecialty';
}

const CITATION_BEFORE_CURSOR =
  /\bDecision\s+based\s+on\s+(?:the\s+)?(Non[-\s]?MTUS(?:\s+Citations?)?|MTUS(?:\s+Citations?)?)(?:[ \t]*[:.,-])?[ \t]+((?:(?!\bDecision\s+based\s+on\b).)*)$/i;

/** Sources after "Decision based on MTUS" / "... Non-MTUS Citation", then the chosen source's chapters. */
function sourceCompletions(cursor: Cursor): Completion[] | undefined {
  const match = CITATION_BEFORE_CURSOR.exec(cursor.before);
  if (!match) return undefined;
  const kind: CitationKind = /^non/i.test(match[1]) ? 'Non-MTUS' : 'MTUS';
  const reference = match[2];
  // "Decision based on Non-MTUS Cit": the writer is still typing the prefix.
  if (kind === 'Non-MTUS' && !/citation/i.test(match[1]) && reference.length > 0 && 'citation'.startsWith(reference.toLowerCase())) return [];
  const out: Completion[] = [];
  const named = matchSource(reference, kind);
  if (named) {
    const rest = reference.slice(named.length);
    const separator = /^(?:[ \t]*,[ \t]*|[ \t]+)/.exec(rest);
    const chapterTyped = separator ? rest.slice(separator[0].length) : '';
    const overPlaceholder = isTabStopText(chapterTyped);
    if (separator && named.source.chapters.length > 0 && (overPlaceholder || !chapterTyped.includes(','))) {
      const replace = { start: cursor.offset - chapterTyped.length, end: cursor.offset + /^[^,]*/.exec(cursor.after)![0].trimEnd().length };
      named.source.chapters.forEach((chapter, index) =>
        out.push({
          label: chapter,
          kind: 'chapter',
          detail: named.source.name,
          insertText: chapter,
          replace,
          sortText: `0-${pad(index)}`,
          ...(overPlaceholder ? { filterText: `${chapterTyped}${chapter}` } : {}),
        }),
      );
    }
  }
  const typed = reference.toLowerCase();
  const continuesSource = guidelineSources.some((source) =>
    sourceSpellings(source).some((spelling) => spelling.length > reference.length && spelling.toLowerCase().startsWith(typed)),
  );
  if (!named || reference.length === named.length || continuesSource) {
    const replace = { start: cursor.offset - reference.length, end: cursor.offset + /^[^,]*/.exec(cursor.after)![0].trimEnd().length };
    const overPlaceholder = isTabStopText(reference);
    const ordered = [...guidelineSources].sort((a, b) => Number(b.kind === kind) - Number(a.kind === kind));
    ordered.forEach((source, index) => {
      sourceSpellings(source).forEach((spelling, variant) =>
        out.push({
          label: spelling,
          kind: 'source',
          detail: `${source.kind}${spelling === source.name ? '' : ` · ${source.name}`}`,
          documentation: describeSource(source),
          insertText: spelling,
          replace,
          sortText: `${source.kind === kind ? 1 : 2}-${pad(index)}-${pad(variant)}`,
          ...(overPlaceholder ? { filterText: `${reference}${spelling}` } : {}),
        }),
      );
    });
  }
  return out;
}

/** How a source can be written so the draft reads back as that same source: its name, or else its distinct aliases. */
export function sourceSpellings(source: GuidelineSource): string[] {
  const readsBack = (text: string): boolean => {
    const found = matchSource(text, source.kind);
    return found?.source.id === source.id && found.length === text.length;
  };
  if (readsBack(source.name)) return [source.name];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const alias of source.aliases) {
    const key = alias.toLowerCase().replace(/[^a-z0-9]+/g, '');
    if (seen.has(key) || !readsBack(alias)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/** The two citation forms after a guideline field's label, spoken by the field's subject. */
function citationFormCompletions(cursor: Cursor): Completion[] | undefined {
  const label = vocabularyOf(cursor.model.profile).fieldLabel(cursor.content);
  if (!label || label.spec.kind === 'rationale') return undefined;
  const afterLabel = cursor.content.slice(label.end);
  const gap = /^(?:\*\*|__)?[ \t]*/.exec(afterLabel)![0];
  const typed = afterLabel.slice(gap.length);
  // Once the statement has a full stop, the writer is past the forms.
  if (/[.!?]/.test(typed)) return [];
  const subject = label.spec.subject ?? 'The reviewer';
  const replace = { start: cursor.offset - typed.length, end: cursor.offset + WORD_AFTER.exec(cursor.after)![0].length };
  const space = /[ \t]$/.test(gap) ? '' : ' ';
  const forms: [CitationKind, string][] = [
    ['MTUS', `${subject} based their decision on the MTUS. ${citationPrefix('MTUS')} `],
    ['Non-MTUS', `${subject} did not base their decision on the MTUS. ${citationPrefix('Non-MTUS')} `],
  ];
  return forms.map(([kind, text], index) => ({
    label: text.trim(),
    kind: 'citation',
    detail: kind === 'MTUS' ? 'MTUS citation' : 'Non-MTUS citation',
    documentation:
      kind === 'MTUS'
        ? 'The decision rests on the MTUS, which the evidence search sequence consults first. Name the MTUS guideline next.'
        : 'The decision rests on a source outside the MTUS (ACOEM Third Edition, ODG, other guidelines, studies). Name it next, and say in the rationale why the MTUS was not used.',
    insertText: `${space}${text}`,
    replace,
    sortText: String(index),
    retrigger: true,
  }));
}

/** The decision words after an item line's colon, inside the issues section. */
function decisionCompletions(cursor: Cursor): Completion[] | undefined {
  const { model, content } = cursor;
  const profile = model.profile;
  const issues = model.sections.find((section) => section.id === profile.issuesSection);
  if (!issues || cursor.offset < issues.heading.span.end) return undefined;
  const colon = content.lastIndexOf(':');
  if (colon < 0) return decisionBelowItem(cursor);
  const tail = /^((?:\*\*|__)?[ \t]*)([\p{L}-]*)$/u.exec(content.slice(colon + 1));
  if (!tail) return undefined;
  const name = content
    .slice(0, colon)
    .replace(/(?:\*\*|__)$/, '')
    .trim();
  const words = name.split(/\s+/).filter((word) => word.length > 0).length;
  if (words === 0 || words > 12 || /[.!?]/.test(name) || /set\s+forth\s+below/i.test(name)) return undefined;
  const vocabulary = vocabularyOf(profile);
  if (vocabulary.fieldLabel(content) || vocabulary.credentialLabel(content)) return undefined;
  // A line inside a wrapped paragraph is prose that happens to hold a colon, not an item line.
  const textLine = model.textLines.find((candidate) => candidate.line === cursor.line);
  if (textLine && !textLine.blockStart) return undefined;
  const gap = tail[1];
  const space = /[ \t]$/.test(gap) ? '' : gap.length > 0 ? ' ' : '  ';
  const replace = { start: cursor.offset - tail[2].length, end: cursor.offset + WORD_AFTER.exec(cursor.after)![0].length };
  return (['upheld', 'overturned'] as const).map((value, index) => ({
    label: profile.decisions[value],
    kind: 'decision',
    detail: decisionMeaning(value),
    documentation: describeDecision(value, profile),
    insertText: `${space}${profile.decisions[value]}`,
    replace,
    sortText: String(index),
  }));
}

/**
 * The decision words alone on the line below an item name that ends with a colon, where wrapped text and PDF
 * extraction put the decision (the engine reads the two lines as one item).
 */
function decisionBelowItem(cursor: Cursor): Completion[] | undefined {
  const { model } = cursor;
  if (!/^[\p{L}-]*$/u.test(cursor.content) || cursor.after.trim() !== '' || cursor.line === 0) return undefined;
  let above = cursor.line - 1;
  const lineText = (line: number): string => model.text.slice(model.lines.lineStarts[line], model.lines.lineEnd(line));
  // The decision may stand in the same paragraph or as a short paragraph of its own below the name.
  while (above > 0 && above > cursor.line - 4 && lineText(above).trim() === '') above--;
  const name = lineText(above).replace(LINE_MARKER, '').trim();
  if (!name.endsWith(':')) return undefined;
  const words = name
    .slice(0, -1)
    .split(/\s+/)
    .filter((word) => word.length > 0).length;
  if (words === 0 || words > 20 || /[.!?]\s/.test(name) || /set\s+forth\s+below/i.test(name)) return undefined;
  const vocabulary = vocabularyOf(model.profile);
  if (vocabulary.fieldLabel(name) || vocabulary.credentialLabel(name)) return undefined;
  const replace = { start: cursor.offset - cursor.content.length, end: cursor.offset };
  return (['upheld', 'overturned'] as const).map((value, index) => ({
    label: model.profile.decisions[value],
    kind: 'decision',
    detail: decisionMeaning(value),
    documentation: describeDecision(value, model.profile),
    insertText: model.profile.decisions[value],
    replace,
    sortText: String(index),
  }));
}

/** At the start of a paragraph: the item's field labels (missing ones first) and the missing section titles. */
function lineStartCompletions(cursor: Cursor): Completion[] | undefined {
  if (cursor.triggerCharacter) return undefined;
  if (!/^(?:[\p{L}\p{N}][\p{L}\p{N} \t,()/'’&-]*)?$/u.test(cursor.content) || cursor.after.trim() !== '') return undefined;
  if (!startsParagraph(cursor)) return undefined;
  const { model } = cursor;
  const profile = model.profile;
  const replace = { start: cursor.contentStart, end: cursor.offset };
  const out: Completion[] = [];

  const issues = model.sections.find((section) => section.id === profile.issuesSection);
  const later = model.sections.find((section) => issues && section.span.start > issues.span.start);
  const inIssues = issues !== undefined && cursor.offset > issues.heading.span.end && (!later || cursor.lineStart < later.span.start);
  const item = inIssues ? [...model.items].reverse().find((candidate) => candidate.header.span.start < cursor.lineStart) : undefined;
  if (item) {
    profile.fields.forEach((spec, order) => {
      const present = item.fields.some((field) => field.kind === spec.kind);
      out.push({
        label: spec.label,
        kind: 'field',
        detail: present ? `Already in "${item.name.text}"` : `Missing from "${item.name.text}"`,
        insertText: `${spec.label}: `,
        replace,
        sortText: `${present ? 2 : 0}-${pad(order)}`,
        retrigger: spec.kind !== 'rationale',
      });
    });
  }

  const present = new Set(model.sections.map((section) => section.id));
  profile.sections.forEach((spec, order) => {
    if (present.has(spec.id)) return;
    out.push({
      label: spec.title,
      kind: 'section',
      detail: `Section ${order + 1} of ${profile.sections.length} in ${profile.id}`,
      documentation: spec.skeleton ? `Opens with:\n\n${escapeMarkdown(spec.skeleton.split('\n')[0])}` : undefined,
      insertText: spec.title,
      replace,
      sortText: `1-${pad(order)}`,
    });
  });
  return out;
}

/** A line that opens a paragraph, heading or list item, where titles and labels stand. */
function startsParagraph(cursor: Cursor): boolean {
  if (/(?:[-*+]|\d[.)]|#)[ \t]+(?:\*\*|__)?$/.test(cursor.marker)) return true;
  if (cursor.line === 0) return true;
  const { lines, text } = cursor.model;
  const previous = text.slice(lines.lineStarts[cursor.line - 1], lines.lineEnd(cursor.line - 1));
  const trimmed = previous.trim();
  return trimmed === '' || /^(?:<!--.*-->|-{3,}|\*{3,}|_{3,}|={3,})$/.test(trimmed);
}

function pad(index: number): string {
  return String(index).padStart(3, '0');
}
