// Whether a Markdown file is a determination, cheaply, without parsing it.
import type { ImrConfig } from './config/schema';
import { normalizeTitle } from './model/words';
import { allProfiles } from './profiles';

const FRONT_MATTER_PROFILE = /^---[ \t]*(?:\r\n|\r|\n)(?:(?!---)[^\r\n]*(?:\r\n|\r|\n))*?profile[ \t]*:/;

/** `*.imr.md` files always are; other Markdown when it names a profile or has two known section titles. */
export function isDetermination(text: string, fileName: string, config: ImrConfig = {}): boolean {
  if (/\.imr\.md$/i.test(fileName)) return true;
  if (FRONT_MATTER_PROFILE.test(text.slice(0, 4096))) return true;
  const titles = new Set<string>();
  for (const profile of allProfiles(config)) {
    for (const section of profile.sections) for (const title of [section.title, ...section.aliases]) titles.add(normalizeTitle(title));
  }
  const seen = new Set<string>();
  // Titles are short lines; the first 200,000 characters are enough for any letter.
  for (const line of text.slice(0, 200_000).split(/\r\n|\r|\n/)) {
    if (line.length >= 140) continue;
    const title = normalizeTitle(line);
    if (!titles.has(title)) continue;
    seen.add(title);
    if (seen.size >= 2) return true;
  }
  return false;
}
