// Cuts a draft's lines into its sections by the profile's titles, and keeps lines that nearly are titles.
import type { Vocabulary } from '../profiles/vocabulary';
import type { LineIndex } from '../text';
import { located, textPart } from './parts';
import type { NearTitle, Section, TextLine } from './types';

export interface SplitDraft {
  preamble: TextLine[];
  sections: Section[];
  nearTitles: NearTitle[];
}

export function splitSections(lines: TextLine[], vocabulary: Vocabulary, index: LineIndex): SplitDraft {
  const preamble: TextLine[] = [];
  const sections: Section[] = [];
  const nearTitles: NearTitle[] = [];
  let current: Section | undefined;
  for (const line of lines) {
    const runIn = canBeTitle(line) ? runInTitle(line, vocabulary) : undefined;
    const match = runIn?.match ?? (canBeTitle(line) ? vocabulary.section(line.content.text, looksLikeTitle(line)) : undefined);
    if (match?.kind === 'exact') {
      if (current) close(current, index);
      const heading = textPart(line.content, 0, runIn?.end ?? line.content.length, index);
      current = {
        id: match.entry.id,
        heading,
        depth: line.block === 'heading' ? (line.depth ?? 1) : 0,
        lines: [],
        body: located({ start: heading.span.end, end: heading.span.end }, index),
        ...located(heading.span, index),
      };
      sections.push(current);
      // "Case Summary: Disclaimer: ..." runs the section's first line on after its title.
      if (runIn) current.lines.push({ ...line, content: line.content.slice(runIn.end).trim(), blockStart: true });
      continue;
    }
    if (match?.kind === 'near') nearTitles.push({ ...textPart(line.content, 0, line.content.length, index), spec: match.entry });
    if (current) current.lines.push(line);
    else preamble.push(line);
  }
  if (current) close(current, index);
  return { preamble, sections, nearTitles };
}

/** A title that the section's first words follow on the same line, after its colon. */
function runInTitle(line: TextLine, vocabulary: Vocabulary): { match: ReturnType<Vocabulary['section']>; end: number } | undefined {
  const text = line.content.text;
  const colon = text.indexOf(':');
  if (colon < 4 || colon > 100 || text.slice(colon + 1).trim().length === 0) return undefined;
  const match = vocabulary.section(text.slice(0, colon));
  return match && { match, end: colon + 1 };
}

/** A title stands on a line of its own (Word's paste runs paragraphs on line by line), never in a list or quotation that quotes it. */
function canBeTitle(line: TextLine): boolean {
  return !line.inList && !line.quoted && line.content.length <= 160;
}

/** A misspelt title is only looked for in lines shaped like titles: headings, capitals, or a short line ending in a colon. */
function looksLikeTitle(line: TextLine): boolean {
  const text = line.content.text.trim();
  if (text.length < 6 || text.length > 130) return false;
  return line.block === 'heading' || (text.toUpperCase() === text && /[A-Z]/.test(text)) || (line.blockEnd === true && text.endsWith(':'));
}

function close(section: Section, index: LineIndex): void {
  const last = section.lines[section.lines.length - 1];
  if (!last) return;
  const end = last.content.span.end;
  const bodyStart = section.lines[0].content.span.start;
  section.body = located({ start: bodyStart, end }, index);
  Object.assign(section, located({ start: section.heading.span.start, end }, index));
}
