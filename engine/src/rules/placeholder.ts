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
      const text = line.content.text;
      const at = (start: number, end: number): Span => line.content.spanOf(start, end);
      for (const { placeholder: template, pattern } of TEMPLATE_TEXT) {
        for (const match of text.matchAll(pattern)) {
          // A short template text is the match's group, after the punctuation that sets it apart.
          const written = match[1] ?? match[0];
          const start = match.index + match[0].length - written.length;
          report(at(start, start + written.length), `"${written}" is template text left in; write ${template.fill}.`);
        }
      }
      for (const match of text.matchAll(PAGE_N)) {
        const start = match.index + match[0].length - 1;
        report(at(start, start + 1), '"N" is the template\'s page number left in; write the pages cited.');
      }
      for (const match of text.matchAll(MARKER)) {
        report(at(match.index, match.index + match[0].length), `"${match[0]}" marks text still to write; finish it and remove the mark.`);
      }
      for (const match of text.matchAll(BRACKETS)) {
        if (NOT_A_MARK.test(match[0]) || /^[ xX]$/.test(match[1]) || inQuotation(text, match.index)) continue;
        report(at(match.index, match.index + match[0].length), `"${match[0]}" is text to fill in; write what it stands for.`);
      }
      for (const match of text.matchAll(ANGLES)) reportAngles(match[0], at(match.index, match.index + match[0].length));
    }

    function reportAngles(written: string, span: Span): void {
      const inner = /^<([A-Za-z][^<>]*)>$/.exec(written.trim());
      if (!inner || inner[1].includes('=') || HTML_TAGS.has(inner[1].split(/[\s/]/)[0].toLowerCase())) return;
      report(span, `"${written.trim()}" is text to fill in; write what it stands for.`);
    }
  },
};

/** Whether an offset falls inside a quotation on the line, where brackets mark the quoting writer's own words. */
function inQuotation(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = (before.match(/\u201c/g) ?? []).length - (before.match(/\u201d/g) ?? []).length;
  return straight % 2 === 1 || opened > 0;
}
