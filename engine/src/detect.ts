// Whether a Markdown file is a determination, cheaply, without parsing it.
import type { ImrConfig } from './config/schema';
import { normalizeTitle } from './model/words';
import { allProfiles } from './profiles';

const FRONT_MATTER_PROFILE = /^---[ \t]*\r?\n(?:(?!---)[^\n]*\n)*?profile[ \t]*:/;

/** `*.imr.md` files always are; other Markdown when it names a profile or has two known section titles. */
export function isDetermination(text: string, fileName: string, config: ImrConfig = {}): boolean {
  if (/\.imr\.md$/i.test(fileName)) return true;
  if (FRONT_MATTER_PROFILE.test(text.slice(0, 4096))) return true;
  const titles = new Set<string>();
  for (const profile of allProfiles(config)) {
    for (const section of profile.sections) for (const title of [section.title, ...section.aliases]) titles.add(normalizeTitle(title));
  }
  const seen = new Set<string>();
  let start = 0;
  // Titles are short lines; scanning the first 200,000 characters is enough for any letter.
  const limit = Math.min(text.length, 200_000);
  while (start < limit) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start < 140) {
      const title = normalizeTitle(text.slice(start, end));
      if (titles.has(title)) {
        seen.add(title);
        if (seen.size >= 2) return true;
      }
    }
    start = end + 1;
  }
  return false;
}
