// Whether a Markdown file is a determination, cheaply, without parsing it: by its name, its front matter, or the
// titles of one letter format that stand as titles in it (never inside code, comments, lists or quotations).
import { allProfiles } from './config/profiles';
import type { ImrConfig } from './config/schema';
import { vocabularyOf } from './profiles/vocabulary';

const FRONT_MATTER_PROFILE = /^\ufeff?---[ \t]*(?:\r\n|\r|\n)(?:(?!---)[^\r\n]*(?:\r\n|\r|\n))*?profile[ \t]*:/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_OR_QUOTE = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^ {0,3}>/;
const THEMATIC_BREAK_OR_UNDERLINE = /^ {0,3}(?:[-*_=][ \t]*){3,}$|^ {0,3}=+[ \t]*$|^ {0,3}-+[ \t]*$/;
// Titles are short lines; the first 200,000 characters are enough for any letter.
const SCANNED = 200_000;

/**
 * `*.imr.md` files always are; other Markdown when its front matter names a profile, or when two titles of one
 * profile stand as titles in it, one of them a title only that format's letters carry.
 */
export function isDetermination(text: string, fileName: string, config: ImrConfig = {}): boolean {
  if (/\.imr\.md$/i.test(fileName)) return true;
  if (FRONT_MATTER_PROFILE.test(text.slice(0, 4096))) return true;
  const titles = titleCandidates(text.slice(0, SCANNED));
  if (titles.length < 2) return false;
  for (const profile of allProfiles(config)) {
    const vocabulary = vocabularyOf(profile);
    const found = new Set<string>();
    let distinctive = false;
    for (const title of titles) {
      const match = vocabulary.section(title);
      if (match?.kind !== 'exact') continue;
      found.add(match.entry.id);
      distinctive ||= match.entry.distinctive === true;
    }
    if (found.size < 2) continue;
    // A format that marks no title as its own is told by all its required titles.
    const marks = profile.sections.some((section) => section.distinctive);
    if (marks ? distinctive : profile.sections.every((section) => !section.required || found.has(section.id))) return true;
  }
  return false;
}

/** Lines that could be titles: outside code, HTML comments, lists and block quotes; "Title: text" gives both. */
export function titleCandidates(text: string): string[] {
  const candidates: string[] = [];
  let fence: string | undefined;
  let inComment = false;
  // Indented text is code only where a paragraph does not run on into it.
  let inParagraph = false;
  // A list item or quotation runs on over the lines below it, and indented lines after a blank one.
  let inList = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (fence) {
      if (raw.trimStart().startsWith(fence) && raw.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    let line = raw;
    if (inComment) {
      const close = line.indexOf('-->');
      if (close < 0) continue;
      inComment = false;
      line = line.slice(close + 3);
    }
    const open = line.indexOf('<!--');
    if (open >= 0) {
      const close = line.indexOf('-->', open + 4);
      if (close < 0) inComment = true;
      line = line.slice(0, open) + (close < 0 ? '' : line.slice(close + 3));
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1].slice(0, 3);
      inParagraph = false;
      continue;
    }
    if (line.trim() === '' || THEMATIC_BREAK_OR_UNDERLINE.test(line)) {
      inParagraph = false;
      continue;
    }
    const listed: boolean = LIST_OR_QUOTE.test(line) || (inList && (inParagraph || /^\s{2,}/.test(line)));
    inList = listed;
    const code: boolean = !inParagraph && /^(?: {4}|\t)/.test(line);
    inParagraph = true;
    if (code || listed || line.length >= 160) {
      inParagraph = !code;
      continue;
    }
    candidates.push(line);
    const colon = line.indexOf(':');
    if (colon > 3 && colon < 100 && line.slice(colon + 1).trim() !== '') candidates.push(line.slice(0, colon));
  }
  return candidates;
}
