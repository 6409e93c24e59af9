// Text never filled in: a letter is issued from the draft, so what a template left, or a writer marked to finish, is the worst defect.
import { PLACEHOLDERS } from '../profiles/placeholders';
import { NOT_A_MARK, phrasePattern } from '../profiles/vocabulary';
import type { Span } from '../text';
import type { Rule } from './types';

// Template text in prose; a short one only as a whole part of a list or sentence, where it cannot be ordinary words.
// Longest first, so a template text is reported whole rather than by a shorter one it contains.
const TEMPLATE_TEXT = [...PLACEHOLDERS]
  .filter((placeholder) => placeholder.place === 'prose')
  .sort((a, b) => b.text.length - a.text.length)
  .map((placeholder) => ({
    placeholder,
    // Words the line must hold, whatever their case, before the pattern is worth trying.
    probes: placeholder.text
      .toLowerCase()
      .split(/\s+/)
      .map((word) => word.split("'")[0])
      .filter((word) => word.length > 0),
    pattern:
      placeholder.text.length >= 20
        ? new RegExp(phrasePattern(placeholder.text), 'gi')
        : // No look-behind: it would scan a long run of spaces back from every position.
          new RegExp(`(?:^|[,;:(])\\s*(${phrasePattern(placeholder.text)})(?=\\s*(?:[,;.)]|$))`, 'gi'),
  }));
// "page N", as an earlier citation snippet left it.
const PAGE_N = /\b(?:pages?|pp?\.)\s+(N)(?![\w-])/g;
// A redacted number ("XXX-XX-1234") is not a mark.
const MARKER = /\b(?:TODO|TBD|FIXME)\b|\bXXX+\b(?!-X)/g;
const BRACKETS = /\[(?!\^)([^\][\n]{1,80})\](?![(:[])/g;
const ANGLES = /<([A-Za-z][^<>\n]{0,60})>/g;
// Raw HTML a writer may really use in a draft; anything else in angle brackets is a name to fill in.
const HTML_TAGS = new Set([
  'a',
  'b',
  'br',
  'code',
  'del',
  'div',
  'em',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'p',
  'pre',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
  'wbr',
]);

export const placeholder: Rule = {
  id: 'placeholder',
  description: 'Nothing is left unfinished: template placeholders, empty credentials, TODO, XXX, [text to fill in] or <names>.',
  severity: 'error',
  tags: ['unfinished'],
  check(model, context) {
    const reported: Span[] = [];
    const report = (span: Span, message: string): void => {
      if (reported.some((other) => span.start < other.end && other.start < span.end)) return;
      reported.push(span);
      context.report({ span, message });
    };
    for (const item of model.items) {
      if (item.placeholder) report(item.name.span, `"${item.name.text}" is the template's placeholder; write ${item.placeholder.fill}.`);
    }
    const what = { states: 'the states where the reviewer is licensed', specialties: "the reviewer's certifications or specialties" } as const;
    for (const kind of ['states', 'specialties'] as const) {
      const line = model.credentials[kind];
      if (!line) continue;
      if (line.entries.length === 0) report(line.label.span, `"${line.label.text.trim()}" lists nothing yet; write ${what[kind]}.`);
      for (const entry of line.entries) if (entry.placeholder) report(entry.span, `"${entry.text}" is text to fill in; write ${what[kind]}.`);
    }
    for (const line of model.textLines) {
      if (line.block === 'code') continue;
      for (const mark of context.perLine(line.content.text, marksIn)) report(line.content.spanOf(mark.start, mark.end), mark.message);
    }
  },
};

/** Something left to fill in, as indices into a line's text. */
interface Mark {
  start: number;
  end: number;
  message: string;
}

/** Every mark in one line, in the order they are reported; a line is read on its own. */
function marksIn(text: string): Mark[] {
  const marks: Mark[] = [];
  const mark = (start: number, end: number, message: string): void => {
    marks.push({ start, end, message });
  };
  const lower = text.toLowerCase();
  for (const { placeholder: template, probes, pattern } of TEMPLATE_TEXT) {
    if (!probes.every((probe) => lower.includes(probe))) continue;
    for (const match of text.matchAll(pattern)) {
      // A short template text is the match's group, after the punctuation that sets it apart.
      const written = match[1] ?? match[0];
      const start = match.index + match[0].length - written.length;
      mark(start, start + written.length, `"${written}" is template text left in; write ${template.fill}.`);
    }
  }
  if (text.includes('N')) {
    for (const match of text.matchAll(PAGE_N)) {
      const start = match.index + match[0].length - 1;
      mark(start, start + 1, '"N" is the template\'s page number left in; write the pages cited.');
    }
  }
  if (text.includes('TODO') || text.includes('TBD') || text.includes('FIXME') || text.includes('XXX')) {
    for (const match of text.matchAll(MARKER))
      mark(match.index, match.index + match[0].length, `"${match[0]}" marks text still to write; finish it and remove the mark.`);
  }
  if (text.includes('[')) {
    for (const match of text.matchAll(BRACKETS)) {
      if (NOT_A_MARK.test(match[0]) || /^[ xX]$/.test(match[1]) || inQuotation(text, match.index)) continue;
      mark(match.index, match.index + match[0].length, `"${match[0]}" is text to fill in; write what it stands for.`);
    }
  }
  if (text.includes('<')) {
    for (const match of text.matchAll(ANGLES)) {
      const written = match[0];
      const inner = /^<([A-Za-z][^<>]*)>$/.exec(written.trim());
      if (!inner || inner[1].includes('=') || HTML_TAGS.has(inner[1].split(/[\s/]/)[0].toLowerCase())) continue;
      mark(match.index, match.index + written.length, `"${written.trim()}" is text to fill in; write what it stands for.`);
    }
  }
  return marks;
}

/** Whether an offset falls inside a quotation on the line, where brackets mark the quoting writer's own words. */
function inQuotation(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = (before.match(/\u201c/g) ?? []).length - (before.match(/\u201d/g) ?? []).length;
  return straight % 2 === 1 || opened > 0;
}
