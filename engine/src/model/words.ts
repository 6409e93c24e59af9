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

export function matchSection(text: string, profile: Profile): SectionSpec | undefined {
  const title = normalizeTitle(text);
  if (title.length === 0 || title.length > 120) return undefined;
  return profile.sections.find(
    (section) => normalizeTitle(section.title) === title || section.aliases.some((alias) => normalizeTitle(alias) === title),
  );
}

export interface LabelMatch {
  spec: FieldSpec;
  /** Index just past the label's colon. */
  end: number;
  /** Index just past the label words, before the colon. */
  labelEnd: number;
}

export function matchFieldLabel(text: string, profile: Profile): LabelMatch | undefined {
  for (const spec of profile.fields) {
    for (const label of [spec.label, ...spec.aliases]) {
      const pattern = new RegExp(`^${phrasePattern(label)}(\\s*:)`, 'i');
      const match = pattern.exec(text);
      if (match) return { spec, end: match[0].length, labelEnd: match[0].length - match[1].length };
    }
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
  for (const spec of profile.fields) {
    for (const label of [spec.label, ...spec.aliases].map((candidate) => candidate.toLowerCase().replace(/\s+/g, ' '))) {
      if (label !== written && editDistance(written, label) <= Math.max(2, Math.floor(label.length / 8))) return { spec, length: text.slice(0, colon).trimEnd().length };
    }
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

const STEMS: Readonly<Record<string, 'upheld' | 'overturned'>> = {
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
    if (lower.length >= 4 && editDistance(lower, words[value].toLowerCase()) <= 2) return { class: 'misspelt', value };
  }
  // A UR word mistyped ("Aproved", "Deneid") is still a UR word.
  const urWord = Object.keys(UR_WORDS).find((candidate) => lower.length >= 5 && editDistance(lower, candidate) <= 1);
  if (urWord) return { class: 'ur-word', value: UR_WORDS[urWord] };
  return { class: 'unknown' };
}

/** Levenshtein distance with adjacent transpositions, for misspellings. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
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
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
