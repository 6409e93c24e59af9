// Matching the fixed phrases of a determination: section titles, field labels, decision words.
import type { FieldSpec, Profile, SectionSpec } from '../profiles/types';

/** Case, surrounding space, markup leftovers and a trailing colon do not matter in titles. */
export function normalizeTitle(text: string): string {
  // The end is walked back by hand: a pattern anchored at the end would rescan a long run of spaces from each of them.
  let end = text.length;
  while (end > 0 && /[\s*_]/.test(text[end - 1])) end--;
  if (text[end - 1] === ':') {
    end--;
    while (end > 0 && /[\s*_]/.test(text[end - 1])) end--;
  }
  return text
    .slice(0, end)
    .replace(/^[#\s*_]+/, '')
    .replace(/\s+/g, ' ')
    .toUpperCase();
}

/** What matching needs from a profile, worked out once per profile rather than once per line. */
interface ProfilePhrases {
  titles: Map<string, SectionSpec>;
  labels: { spec: FieldSpec; pattern: RegExp; lower: string }[];
}

const phrasesByProfile = new WeakMap<Profile, ProfilePhrases>();

function phrasesOf(profile: Profile): ProfilePhrases {
  let phrases = phrasesByProfile.get(profile);
  if (!phrases) {
    const titles = new Map<string, SectionSpec>();
    for (const section of profile.sections) {
      for (const title of [section.title, ...section.aliases]) if (!titles.has(normalizeTitle(title))) titles.set(normalizeTitle(title), section);
    }
    const labels = profile.fields.flatMap((spec) =>
      [spec.label, ...spec.aliases].map((label) => ({
        spec,
        pattern: new RegExp(`^${phrasePattern(label)}(\\s*:)`, 'i'),
        lower: label.toLowerCase().replace(/\s+/g, ' '),
      })),
    );
    phrases = { titles, labels };
    phrasesByProfile.set(profile, phrases);
  }
  return phrases;
}

export function matchSection(text: string, profile: Profile): SectionSpec | undefined {
  const title = normalizeTitle(text);
  if (title.length === 0 || title.length > 120) return undefined;
  return phrasesOf(profile).titles.get(title);
}

export interface LabelMatch {
  spec: FieldSpec;
  /** Index just past the label's colon. */
  end: number;
  /** Index just past the label words, before the colon. */
  labelEnd: number;
}

export function matchFieldLabel(text: string, profile: Profile): LabelMatch | undefined {
  for (const { spec, pattern } of phrasesOf(profile).labels) {
    const match = pattern.exec(text);
    if (match) return { spec, end: match[0].length, labelEnd: match[0].length - match[1].length };
  }
  return undefined;
}

/**
 * A line that opens with nearly a field label ("Decision rational:", "Claim Administrator guideline:"),
 * which is a misspelt label rather than prose or an item line.
 */
export function matchMisspeltLabel(text: string, profile: Profile): { spec: FieldSpec; length: number } | undefined {
  const colon = text.indexOf(':');
  if (colon < 4 || colon > 50) return undefined;
  const written = text.slice(0, colon).trim().toLowerCase().replace(/\s+/g, ' ');
  for (const { spec, lower: label } of phrasesOf(profile).labels) {
    const limit = Math.max(2, Math.floor(label.length / 8));
    if (label !== written && editDistance(written, label, limit) <= limit) return { spec, length: text.slice(0, colon).trimEnd().length };
  }
  return undefined;
}

/** A phrase as a pattern that allows any run of spaces between its words. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
}

/** Words of utilization review, not of IMR, and the IMR word that means the same, where one does. */
export const UR_WORDS: Readonly<Record<string, 'upheld' | 'overturned' | undefined>> = {
  approved: 'overturned',
  approve: 'overturned',
  certified: 'overturned',
  certify: 'overturned',
  authorized: 'overturned',
  authorised: 'overturned',
  granted: 'overturned',
  reversed: 'overturned',
  denied: 'upheld',
  deny: 'upheld',
  'non-certified': 'upheld',
  noncertified: 'upheld',
  'not certified': 'upheld',
  'non certified': 'upheld',
  affirmed: 'upheld',
  modified: undefined,
  'partially approved': undefined,
  'partially certified': undefined,
  pending: undefined,
};

export const STEMS: Readonly<Record<string, 'upheld' | 'overturned'>> = {
  uphold: 'upheld',
  upholds: 'upheld',
  upholding: 'upheld',
  'up held': 'upheld',
  'up-held': 'upheld',
  overturn: 'overturned',
  overturns: 'overturned',
  overturning: 'overturned',
  'over turned': 'overturned',
  'over-turned': 'overturned',
  overruled: 'overturned',
};

export interface DecisionReading {
  class: 'valid' | 'casing' | 'misspelt' | 'ur-word' | 'unknown';
  value?: 'upheld' | 'overturned';
}

export function readDecision(word: string, profile: Profile): DecisionReading {
  const words = { upheld: profile.decisions.upheld, overturned: profile.decisions.overturned };
  const bare = word.trim().replace(/[.;,!]+$/, '');
  for (const value of ['upheld', 'overturned'] as const) {
    if (word.trim() === words[value]) return { class: 'valid', value };
  }
  const lower = bare.toLowerCase().replace(/\s+/g, ' ');
  for (const value of ['upheld', 'overturned'] as const) {
    if (lower === words[value].toLowerCase()) return { class: bare === word.trim() ? 'casing' : 'misspelt', value };
  }
  if (lower in STEMS) return { class: 'misspelt', value: STEMS[lower] };
  if (lower in UR_WORDS) return { class: 'ur-word', value: UR_WORDS[lower] };
  for (const value of ['upheld', 'overturned'] as const) {
    if (lower.length >= 4 && editDistance(lower, words[value].toLowerCase(), 2) <= 2) return { class: 'misspelt', value };
  }
  // A UR word mistyped ("Aproved", "Deneid") is still a UR word.
  const urWord = Object.keys(UR_WORDS).find((candidate) => lower.length >= 5 && editDistance(lower, candidate, 1) <= 1);
  if (urWord) return { class: 'ur-word', value: UR_WORDS[urWord] };
  return { class: 'unknown' };
}

/**
 * Levenshtein distance with adjacent transpositions, for misspellings. With `limit`, any answer above
 * it is only "more than limit", which lets unlike strings be rejected without comparing them.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  let older = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, older[j - 2] + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [older, previous, current] = [previous, current, older];
  }
  return previous[b.length];
}

/** The closest of the candidates within a distance that suits the word's length. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // The difference in length is a lower bound on the distance, and spares long text the full comparison.
    if (Math.abs(candidate.length - lower.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
