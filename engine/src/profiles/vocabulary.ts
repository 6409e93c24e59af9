// A profile compiled into the phrases a letter of its format is made of, with one policy for exact and near matches.
import { editDistance, nearLimit } from '../distance';
import { PLACEHOLDERS, type PlaceholderText } from './placeholders';
import type { DecisionValue, FieldSpec, Profile, SectionSpec } from './types';

/** A written phrase is the profile's own (`exact`), or nearly so (`near`: a misspelling a fix can correct). */
export interface PhraseMatch<Entry> {
  kind: 'exact' | 'near';
  entry: Entry;
  /** The profile's spelling of what was matched. */
  canonical: string;
}

/** Letters as a reader compares them: case, markup, Word's typography, spacing and a closing colon set aside. */
export function normalizePhrase(text: string): string {
  // The ends are walked by hand: a pattern anchored at the end would rescan a long run of spaces from each of them.
  let start = 0;
  let end = text.length;
  const markup = (character: string): boolean => character === '*' || character === '_' || /\s/.test(character);
  while (start < end && (markup(text[start]) || text[start] === '#' || text[start] === '>')) start++;
  while (end > start && markup(text[end - 1])) end--;
  if (end > start && text[end - 1] === ':') {
    end--;
    while (end > start && markup(text[end - 1])) end--;
  }
  return text
    .slice(start, end)
    .replace(/[\u00a0\u2000-\u200b\u202f\t]/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Label words compared loosely: "(s)" and "(ies)" plurals, punctuation, "and"/"&" and a final plural "s" set aside. */
function labelWords(text: string): string {
  return normalizePhrase(text)
    .replace(/\((?:s|ies|es)\)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word.length > 0 && word !== 'and')
    .map((word) => (word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ');
}

/** Words of utilization review, not of IMR, and the IMR decision that means the same, where one does. */
export const UR_WORDS: Readonly<Record<string, DecisionValue | undefined>> = {
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

/** Forms of the decision words that are the word itself, not a misspelling of it. */
export const STEMS: Readonly<Record<string, DecisionValue>> = {
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

export type DecisionClass = 'valid' | 'casing' | 'punctuation' | 'misspelt' | 'ur-word' | 'unknown';

export interface DecisionReading {
  class: DecisionClass;
  value?: DecisionValue;
}

export interface LabelMatch {
  spec: FieldSpec;
  kind: 'exact' | 'near';
  /** Index just past the label's colon. */
  end: number;
  /** Index just past the label words, before the colon. */
  labelEnd: number;
}

export type CredentialKind = 'states' | 'specialties';

export interface CredentialLabelMatch {
  credential: CredentialKind;
  kind: 'exact' | 'near';
  /** The profile's label ("State(s) of Licensure"). */
  canonical: string;
  /** Index just past the colon (labels) or the leading words (prose). */
  end: number;
  /** Index just past the label words. */
  labelEnd: number;
}

/** A profile's phrases, compiled once. Matching is by meaning of the writing, never by one spelling. */
export class Vocabulary {
  private readonly titles = new Map<string, SectionSpec>();
  private readonly titleList: { normalized: string; spec: SectionSpec; title: string }[] = [];
  private readonly labels: { spec: FieldSpec; pattern: RegExp; words: string }[];
  private readonly credentialLabels: { credential: CredentialKind; canonical: string; words: string; pattern: RegExp }[];
  private readonly decisionPhrases: { value: DecisionValue; normalized: string }[];
  // Drafts repeat their titles, labels and decision words, and a keystroke leaves most lines as they were.
  private readonly sections = new Memo<PhraseMatch<SectionSpec> | undefined>();
  private readonly fieldLabels = new Memo<LabelMatch | undefined>();
  private readonly credentialLabelMatches = new Memo<CredentialLabelMatch | undefined>();
  private readonly decisions = new Memo<DecisionReading>();
  private readonly placeholders = new Memo<PlaceholderText | undefined>();

  constructor(readonly profile: Profile) {
    for (const section of profile.sections) {
      for (const title of [section.title, ...section.aliases]) {
        const normalized = normalizePhrase(title);
        if (!this.titles.has(normalized)) this.titles.set(normalized, section);
        this.titleList.push({ normalized, spec: section, title: section.title });
      }
    }
    this.labels = profile.fields.flatMap((spec) =>
      [spec.label, ...spec.aliases].map((label) => ({ spec, pattern: new RegExp(`^${phrasePattern(label)}(\\s*:)`, 'i'), words: labelWords(label) })),
    );
    const credentials = profile.credentials;
    this.credentialLabels = (['states', 'specialties'] as const).flatMap((credential) =>
      credentials[credential].map((label) => ({
        credential,
        canonical: credentials[credential][0],
        words: labelWords(label),
        pattern: new RegExp(`^${phrasePattern(label)}${credentials.form === 'labels' ? '(\\s*:)' : '()'}`, 'i'),
      })),
    );
    this.decisionPhrases = (['upheld', 'overturned'] as const).map((value) => ({ value, normalized: normalizePhrase(profile.decisions[value]) }));
  }

  /** The section a line titles: exactly, or nearly when `near` is asked for (a title misspelt). */
  section(text: string, near = false): PhraseMatch<SectionSpec> | undefined {
    if (text.length > 400) return undefined;
    return this.sections.get(text, near, () => this.readSection(text, near));
  }

  private readSection(text: string, near: boolean): PhraseMatch<SectionSpec> | undefined {
    const normalized = normalizePhrase(text);
    if (normalized.length === 0 || normalized.length > 140) return undefined;
    const exact = this.titles.get(normalized);
    if (exact) return { kind: 'exact', entry: exact, canonical: exact.title };
    if (!near) return undefined;
    let best: { distance: number; spec: SectionSpec } | undefined;
    for (const candidate of this.titleList) {
      const limit = nearLimit(candidate.normalized.length);
      const distance = editDistance(normalized, candidate.normalized, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { distance, spec: candidate.spec };
    }
    return best && { kind: 'near', entry: best.spec, canonical: best.spec.title };
  }

  /** A field label opening the text ("Decision rationale:"), exactly or misspelt ("Decision rational:"). */
  fieldLabel(text: string, near = false): LabelMatch | undefined {
    return this.fieldLabels.get(text, near, () => this.readFieldLabel(text, near));
  }

  private readFieldLabel(text: string, near: boolean): LabelMatch | undefined {
    for (const { spec, pattern } of this.labels) {
      const match = pattern.exec(text);
      if (match) return { spec, kind: 'exact', end: match[0].length, labelEnd: match[0].length - match[1].length };
    }
    if (!near) return undefined;
    const colon = text.indexOf(':');
    if (colon < 4 || colon > 90) return undefined;
    const written = labelWords(text.slice(0, colon));
    for (const { spec, words } of this.labels) {
      const limit = nearLimit(words.length);
      if (editDistance(written, words, limit) <= limit) return { spec, kind: 'near', end: colon + 1, labelEnd: text.slice(0, colon).trimEnd().length };
    }
    return undefined;
  }

  /** A credential label opening the text ("State(s) of Licensure:"), or in prose the words that lead into a list. */
  credentialLabel(text: string, near = false): CredentialLabelMatch | undefined {
    if (this.profile.credentials.form === 'prose') return undefined;
    return this.credentialLabelMatches.get(text, near, () => this.readCredentialLabel(text, near));
  }

  private readCredentialLabel(text: string, near: boolean): CredentialLabelMatch | undefined {
    for (const { credential, canonical, pattern } of this.credentialLabels) {
      const match = pattern.exec(text);
      if (match) return { credential, kind: 'exact', canonical, end: match[0].length, labelEnd: match[0].length - match[1].length };
    }
    const colon = text.indexOf(':');
    if (colon < 5 || colon > 60) return undefined;
    // The same words however joined: "Board Certifications and Specialties:" is "Board Certification(s)/Specialty:".
    const written = labelWords(text.slice(0, colon));
    const labelEnd = text.slice(0, colon).trimEnd().length;
    for (const { credential, canonical, words } of this.credentialLabels) {
      if (written === words) return { credential, kind: 'exact', canonical, end: colon + 1, labelEnd };
    }
    if (!near) return undefined;
    for (const { credential, canonical, words } of this.credentialLabels) {
      const limit = nearLimit(words.length);
      if (editDistance(written, words, limit) <= limit)
        return { credential, kind: 'near', canonical, end: colon + 1, labelEnd: text.slice(0, colon).trimEnd().length };
    }
    return undefined;
  }

  /** Where a prose qualification names states or specialties ("is licensed to practice in California"). */
  credentialPhrases(text: string): { credential: CredentialKind; start: number; end: number }[] {
    if (this.profile.credentials.form !== 'prose') return [];
    const found: { credential: CredentialKind; start: number; end: number }[] = [];
    for (const { credential, pattern } of this.credentialLabels) {
      const anywhere = new RegExp(pattern.source.replace(/^\^/, '\\b'), 'gi');
      for (const match of text.matchAll(anywhere)) {
        const start = match.index;
        if (found.some((other) => start < other.end && other.start < start + match[0].length)) continue;
        found.push({ credential, start, end: start + match[0].length });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** How a written decision reads: the profile's word or phrase, a slip of it, a UR word, or something else. */
  decision(written: string): DecisionReading {
    return this.decisions.get(written, false, () => this.readDecision(written));
  }

  private readDecision(written: string): DecisionReading {
    const words = this.profile.decisions;
    const trimmed = written.trim();
    for (const value of ['upheld', 'overturned'] as const) if (trimmed === words[value]) return { class: 'valid', value };
    const bare = trimmed.replace(/[.;,!]+$/, '');
    const normalized = normalizePhrase(bare);
    for (const { value, normalized: phrase } of this.decisionPhrases) {
      if (normalized !== phrase) continue;
      if (bare === words[value]) return { class: 'punctuation', value };
      return { class: bare.replace(/\s+/g, ' ').toLowerCase() === words[value].toLowerCase() ? 'casing' : 'misspelt', value };
    }
    if (words.form === 'word') {
      if (normalized in STEMS) return { class: 'misspelt', value: STEMS[normalized] };
    } else {
      // A phrase cut short ("is not medically necessary") is the phrase with its end missing.
      for (const { value, normalized: phrase } of [...this.decisionPhrases].sort((a, b) => b.normalized.length - a.normalized.length)) {
        if (normalized.length >= 12 && phrase.startsWith(normalized)) return { class: 'misspelt', value };
      }
    }
    const urWord = normalized.replace(/^(?:is|was)\s+/, '');
    if (urWord in UR_WORDS) return { class: 'ur-word', value: UR_WORDS[urWord] };
    // The nearest phrase, not the first near enough: "is medically neccessary" is within reach of "is not medically necessary" too.
    let nearest: { value: DecisionValue; distance: number } | undefined;
    for (const { value, normalized: phrase } of this.decisionPhrases) {
      const limit = nearLimit(phrase.length);
      const distance = normalized.length >= 4 ? editDistance(normalized, phrase, limit) : Infinity;
      if (distance <= limit && (!nearest || distance < nearest.distance)) nearest = { value, distance };
    }
    if (nearest) return { class: 'misspelt', value: nearest.value };
    // A UR word mistyped ("Aproved", "Deneid") is still a UR word.
    const near = Object.keys(UR_WORDS).find((candidate) => urWord.length >= 5 && editDistance(urWord, candidate, 1) <= 1);
    if (near) return { class: 'ur-word', value: UR_WORDS[near] };
    return { class: 'unknown' };
  }

  /** The text a template left for the writer to replace, when `text` is all of one (in the place it stands), or a fill-in mark. */
  placeholder(text: string, place: PlaceholderText['place']): PlaceholderText | undefined {
    return this.placeholders.get(text, place === 'item', () => readPlaceholder(text, place));
  }
}

/** The template text `text` is all of, in the place it stands, or a fill-in mark. */
function readPlaceholder(text: string, place: PlaceholderText['place']): PlaceholderText | undefined {
  const normalized = normalizePhrase(text);
  // An item is named where prose stands in a sentence ("the request for [treatment or service in dispute]").
  const places = place === 'item' ? ['item', 'prose'] : [place];
  const template = NORMALIZED_PLACEHOLDERS.find((candidate) => places.includes(candidate.template.place) && candidate.normalized === normalized)?.template;
  if (template) return template;
  return FILL_IN_MARK.test(text.trim()) && !NOT_A_MARK.test(text.trim()) ? { text: text.trim(), place, fill: 'the text this stands for' } : undefined;
}

/** Text that marks something still to write: "[date of UR]", "<name>", "TODO", "XXX". */
export const FILL_IN_MARK = /^(?:\[[^\]\n]{1,80}\]|<[^<>\n]{1,80}>|(?:TODO|TBD|FIXME|XXX+)\b.*)$/;
/** Brackets that are not fill-in marks: redactions, "[sic]", reference numbers. */
export const NOT_A_MARK = /^\[(?:redacted\b[^\]]*|sic\.?|\d+(?:[-\u2013,]\s*\d+)*)\]$/i;

const NORMALIZED_PLACEHOLDERS = PLACEHOLDERS.map((template) => ({ template, normalized: normalizePhrase(template.text) }));

/** Longer texts are read afresh each time: they are prose, seldom repeated, and would hold memory. */
const MEMO_TEXT_LIMIT = 200;
const MEMO_ENTRIES = 4096;

/** Answers of a pure reading of short texts, kept until there are too many to keep. */
class Memo<Value> {
  private readonly answers = [new Map<string, Value>(), new Map<string, Value>()];

  get(text: string, near: boolean, read: () => Value): Value {
    if (text.length > MEMO_TEXT_LIMIT) return read();
    const answers = this.answers[near ? 1 : 0];
    if (answers.has(text)) return answers.get(text) as Value;
    if (answers.size >= MEMO_ENTRIES) answers.clear();
    const value = read();
    answers.set(text, value);
    return value;
  }
}

const vocabularies = new WeakMap<Profile, Vocabulary>();

/** The profile's vocabulary, compiled on first use. */
export function vocabularyOf(profile: Profile): Vocabulary {
  let vocabulary = vocabularies.get(profile);
  if (!vocabulary) vocabularies.set(profile, (vocabulary = new Vocabulary(profile)));
  return vocabulary;
}

/** A phrase as a pattern that allows any run of spaces between its words and either kind of apostrophe. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/'/g, "['’]"))
    .join('\\s+');
}
