// Builds the determination model from a draft's text.
import type { Root } from 'mdast';
import { parseMarkdown } from '../parse';
import type { Profile } from '../profiles/types';
import { vocabularyOf } from '../profiles/vocabulary';
import { LineIndex } from '../text';
import { readCredentials } from './credentials';
import { readFrontMatter } from './frontmatter';
import { readItems } from './items';
import { flatten } from './lines';
import { splitSections } from './sections';
import { readItemBlocks, readSentenceItems } from './sentences';
import type { Determination, DisputedItem, Section } from './types';

/** Chooses the profile once the front matter is known (its `profile:` key, if any). */
export type ProfileResolver = (requested: string | undefined) => Profile;

/** `root` lets a caller that keeps its own (incremental) parse pass the tree for `text`. */
export function buildDetermination(text: string, resolveProfile: ProfileResolver, root: Root = parseMarkdown(text)): Determination {
  const index = new LineIndex(text);
  const flat = flatten(root, text, index);
  const frontMatter = flat.yaml ? readFrontMatter(flat.yaml, index) : undefined;
  const requested = frontMatter?.data.profile;
  const profile = resolveProfile(typeof requested === 'string' ? requested : undefined);
  const vocabulary = vocabularyOf(profile);

  const { preamble, sections, nearTitles } = splitSections(flat.lines, vocabulary, index);
  const section = (id: string | undefined): Section | undefined => sections.find((candidate) => candidate.id === id);
  const issues = section(profile.issuesSection);
  const credentialsSection = section(profile.credentialsSection);
  let items: DisputedItem[] = [];
  let repeatedItems: DisputedItem[] | undefined;
  if (profile.decisions.form === 'phrase') {
    items = issues ? readSentenceItems(issues.lines, vocabulary, index) : [];
    const repeated = section(profile.items.repeatedIn);
    if (repeated) repeatedItems = readSentenceItems(repeated.lines, vocabulary, index);
    readItemBlocks(issues ? sections.slice(sections.indexOf(issues)) : [], items, vocabulary, index);
  } else if (issues) {
    items = readItems(issues.lines, vocabulary, index);
  }
  return {
    text,
    lines: index,
    profile,
    frontMatter,
    preamble,
    sections,
    nearTitles,
    items,
    repeatedItems,
    credentials: readCredentials(credentialsSection?.lines ?? flat.lines, vocabulary, index),
    directives: flat.directives,
    textLines: flat.lines,
    end: text.length,
  };
}
