// Builds the determination model from a draft's text.
import type { Root } from 'mdast';
import { parseMarkdown } from '../parse';
import type { Profile } from '../profiles/types';
import { LineIndex, MappedText } from '../text';
import { isCredentialLabel, readCredentials } from './credentials';
import { readCitations, readStatement } from './citation';
import { readFrontMatter } from './frontmatter';
import { flatten } from './lines';
import { located, textPart } from './parts';
import { readConclusion, readMtusExplanation } from './rationale';
import type { Determination, DisputedItem, Field, GuidelineField, RationaleField, Section, TextLine } from './types';
import { matchFieldLabel, matchMisspeltLabel, matchSection, readDecision } from './words';

/** Chooses the profile once the front matter is known (its `profile:` key, if any). */
export type ProfileResolver = (requested: string | undefined) => Profile;

/** `root` lets a caller that keeps its own (incremental) parse pass the tree for `text`. */
export function buildDetermination(text: string, resolveProfile: ProfileResolver, root: Root = parseMarkdown(text)): Determination {
  const index = new LineIndex(text);
  const flat = flatten(root, text, index);
  const frontMatter = flat.yaml ? readFrontMatter(flat.yaml, index) : undefined;
  const requested = frontMatter?.data.profile;
  const profile = resolveProfile(typeof requested === 'string' ? requested : undefined);

  const { preamble, sections } = splitSections(flat.lines, profile, index);
  const issues = sections.find((section) => section.id === profile.issuesSection);
  const credentialsSection = sections.find((section) => section.id === profile.credentialsSection);
  return {
    text,
    lines: index,
    profile,
    frontMatter,
    preamble,
    sections,
    items: issues ? readItems(issues.lines, profile, index) : [],
    credentials: readCredentials(credentialsSection?.lines ?? flat.lines, index),
    directives: flat.directives,
    textLines: flat.lines,
    end: text.length,
  };
}

function splitSections(lines: TextLine[], profile: Profile, index: LineIndex): { preamble: TextLine[]; sections: Section[] } {
  const preamble: TextLine[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const line of lines) {
    const spec = matchSection(line.content.text, profile);
    if (spec) {
      if (current) close(current, index);
      const heading = textPart(line.content, 0, line.content.length, index);
      current = {
        id: spec.id,
        heading,
        depth: line.block === 'heading' ? (line.depth ?? 1) : 0,
        lines: [],
        body: located({ start: heading.span.end, end: heading.span.end }, index),
        ...located(heading.span, index),
      };
      sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  if (current) close(current, index);
  return { preamble, sections };
}

function close(section: Section, index: LineIndex): void {
  const last = section.lines[section.lines.length - 1];
  if (!last) return;
  const end = last.content.span.end;
  const bodyStart = section.lines[0].content.span.start;
  section.body = located({ start: bodyStart, end }, index);
  Object.assign(section, located({ start: section.heading.span.start, end }, index));
}

function readItems(lines: TextLine[], profile: Profile, index: LineIndex): DisputedItem[] {
  const items: DisputedItem[] = [];
  let item: DisputedItem | undefined;
  let field: { spec: Field['kind']; lines: TextLine[]; labelEnd: number; labelTextEnd: number } | undefined;
  const finishField = (): void => {
    if (item && field) attachField(item, field, index);
    field = undefined;
  };
  const finishItem = (): void => {
    finishField();
    if (item) items.push(item);
    item = undefined;
  };
  lines.forEach((line, position) => {
    const label = matchFieldLabel(line.content.text, profile);
    if (label) {
      finishField();
      if (item) {
        field = { spec: label.spec.kind, lines: [line], labelEnd: label.end, labelTextEnd: label.labelEnd };
        item.lines?.push(line);
      }
      return;
    }
    const header = readItemHeader(line, lines[position + 1], profile, index, field !== undefined);
    if (header) {
      finishItem();
      item = header;
      return;
    }
    if (field) field.lines.push(line);
    if (item) {
      item.lines?.push(line);
      extend(item, line.content.span.end, index);
    }
  });
  finishItem();
  return items;
}

function extend(target: { span: { start: number; end: number }; range: unknown }, end: number, index: LineIndex): void {
  if (end <= target.span.end) return;
  Object.assign(target, located({ start: target.span.start, end }, index));
}

/**
 * An item line: "<name>: <decision>", as a heading or its own line. Inside a field, where prose
 * runs on, only a heading, a line ending in an IMR decision word, or a line ending in another word
 * that a field label follows starts a new item ("Prior UR outcome: Denied" in a rationale does not).
 */
function readItemHeader(line: TextLine, next: TextLine | undefined, profile: Profile, index: LineIndex, inField: boolean): DisputedItem | undefined {
  const text = line.content.text;
  if (isCredentialLabel(text) || matchMisspeltLabel(text, profile)) return undefined;
  const split = splitItemLine(text, profile);
  const after = split ? text.slice(split.decisionStart).trim() : '';
  const before = (split ? text.slice(0, split.nameEnd) : text).trim();
  const words = after.split(/\s+/).filter((word) => word.length > 0);
  const nameWords = before.split(/\s+/).filter((word) => word.length > 0).length;
  const reading = after ? readDecision(after, profile) : undefined;
  const followedByField = next !== undefined && matchFieldLabel(next.content.text, profile) !== undefined;
  const isHeading = line.block === 'heading';

  const decisionShaped = after.length > 0 && words.length <= 3 && after.length <= 40 && nameWords > 0 && nameWords <= 20 && !/[.?!]$/.test(before);
  const knownWord = reading !== undefined && reading.class !== 'unknown';
  const imrWord = knownWord && reading.class !== 'ur-word';
  const isItem = inField
    ? isHeading || (decisionShaped && (imrWord || (knownWord && followedByField)) && nameWords <= 12 && !/[.!?]\s/.test(before))
    : (decisionShaped && (knownWord || isHeading || followedByField)) ||
      // An item line without its decision: a heading, or a short line (no text after a colon) that a field label follows.
      ((isHeading || (followedByField && after.length === 0)) && nameWords > 0 && nameWords <= 20 && !/set\s+forth\s+below/i.test(text));
  if (!isItem) return undefined;

  const hasDecisionPart = split !== undefined && (decisionShaped || after.length === 0) && (split.colon || knownWord);
  const nameEnd = hasDecisionPart ? split.nameEnd : text.length;
  const nameText = text.slice(0, nameEnd);
  const nameLead = nameText.length - nameText.trimStart().length;
  const name = textPart(line.content, nameLead, nameLead + nameText.trim().length, index);
  const decisionStart = hasDecisionPart
    ? split.decisionStart + (text.slice(split.decisionStart).length - text.slice(split.decisionStart).trimStart().length)
    : text.length;
  const decisionText = hasDecisionPart ? after : '';
  const decisionPart = textPart(line.content, decisionStart, decisionStart + decisionText.length, index);
  const decisionReading = decisionText ? readDecision(decisionText, profile) : undefined;
  const header = textPart(line.content, 0, text.length, index);
  return {
    name,
    header: { ...header, depth: isHeading ? (line.depth ?? 1) : 0 },
    decision: {
      ...decisionPart,
      class: decisionReading?.class ?? 'missing',
      value: decisionReading?.value,
    },
    fields: [],
    lines: [],
    ...located(header.span, index),
  };
}

/**
 * Where an item line's name ends and its decision begins: at the last colon, or, when there is
 * none, at a dash before a decision word ("Lumbar MRI - Upheld"), which some writers use.
 */
function splitItemLine(text: string, profile: Profile): { nameEnd: number; decisionStart: number; colon: boolean } | undefined {
  const colon = text.lastIndexOf(':');
  if (colon >= 0) return { nameEnd: colon, decisionStart: colon + 1, colon: true };
  const dash = /\s[-\u2013\u2014]\s+(\S+(?:\s+\S+)?)\s*$/.exec(text);
  if (!dash || readDecision(dash[1], profile).class === 'unknown') return undefined;
  return { nameEnd: dash.index, decisionStart: dash.index + dash[0].indexOf(dash[0].trim()) + 1, colon: false };
}

function attachField(item: DisputedItem, field: { spec: Field['kind']; lines: TextLine[]; labelEnd: number; labelTextEnd: number }, index: LineIndex): void {
  const [first, ...rest] = field.lines;
  const value = MappedText.join(
    [first.content.slice(field.labelEnd).trim(), ...rest.map((line) => line.content)].filter((piece) => piece.length > 0),
    ' ',
  );
  const lastLine = field.lines[field.lines.length - 1];
  const base: Field = {
    kind: field.spec,
    label: textPart(first.content, 0, field.labelTextEnd, index),
    value: value.length > 0 ? value : MappedText.empty(first.content.span.end),
    lines: field.lines,
    ...located({ start: first.content.span.start, end: lastLine.content.span.end }, index),
  };
  extend(item, base.span.end, index);
  item.fields.push(base);
  if (base.kind === 'rationale') {
    const rationale = base as RationaleField;
    rationale.conclusion = readConclusion(base.value, index);
    rationale.mtusExplanation = readMtusExplanation(base.value, index);
    item.rationale ??= rationale;
  } else {
    const guideline = base as GuidelineField;
    guideline.statement = readStatement(base.value, index);
    guideline.citations = readCitations(base.value, index);
    guideline.citation = guideline.citations[0];
    if (base.kind === 'claimsAdministrator') item.claimsAdministrator ??= guideline;
    else item.reviewer ??= guideline;
  }
}
