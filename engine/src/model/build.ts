// Builds the determination model from a draft's text.
import type { Root } from 'mdast';
import { parseMarkdown } from '../parse';
import type { Profile } from '../profiles/types';
import { vocabularyOf } from '../profiles/vocabulary';
import { LineIndex } from '../text';
import type { ModelCache } from './cache';
import { readCredentials } from './credentials';
import { readFrontMatter } from './frontmatter';
import { readItems } from './items';
import { flatten } from './lines';
import { splitSections } from './sections';
import { readItemBlocks, readSentenceItems } from './sentences';
import type { Determination, DisputedItem, Section } from './types';

/** Chooses the profile once the front matter is known (its `profile:` key, if any). */
export type ProfileResolver = (requested: string | undefined) => Profile;

/**
 * `root` lets a caller that keeps its own (incremental) parse pass the tree for `text`; `cache` keeps what the
 * document's blocks and fields said between its checks, so that an edit rereads only what it changed.
 */
export function buildDetermination(text: string, resolveProfile: ProfileResolver, root: Root = parseMarkdown(text), cache?: ModelCache): Determination {
  const index = new LineIndex(text);
  const flat = flatten(root, text, index, cache);
  const yaml = flat.yaml;
  // Front matter starts the draft: the same source text there is read the same, at the same lines.
  const frontMatter = yaml && (cache ? cache.frontMatterOf(text.slice(0, yaml.end), () => readFrontMatter(yaml, index)) : readFrontMatter(yaml, index));
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
    readItemBlocks(issues ? sections.slice(sections.indexOf(issues)) : [], items, vocabulary, index, cache);
  } else if (issues) {
    items = readItems(issues.lines, vocabulary, index, cache);
  }
  // Items kept from a check that read none would be stale.
  if (cache && (profile.decisions.form === 'phrase' || !issues)) cache.items = undefined;
  cache?.settle();
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
