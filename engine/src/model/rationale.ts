// Reads a rationale: its concluding sentence and whether it explains going outside the MTUS.
import type { LineIndex, MappedText } from '../text';
import { textPart } from './parts';
import type { Conclusion, TextPart } from './types';

// Words a period follows without ending the sentence, as written (case matters: "No. 4", but "the answer is no.").
const ABBREVIATIONS = new Set([
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
  'Prof',
  'Jr',
  'Sr',
  'St',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'No',
  'approx',
  'Fig',
  'p',
  'pp',
  'Ch',
  'Sec',
]);
// Initials: "J. Smith", "U.S.".
const INITIALS = /^(?:[A-Z]\.)*[A-Z]$/;
// What may stand right before a word: the start of the text, white space, an opening bracket or quote.
const WORD_BEFORE = /[\s([{"'“‘]/;

/** Sentences as [start, end) indices into the text. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const boundary = /[.!?]+["')\]]*(?=\s+|$)/g;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].length;
    if (match[0] === '.' && isAbbreviation(wordBefore(text, end - 1))) continue;
    pushSentence(text, start, end, out);
    start = end;
  }
  pushSentence(text, start, text.length, out);
  return out;
}

/** The word a period at `period` closes, read whole back to the white space or bracket before it. */
function wordBefore(text: string, period: number): string {
  let start = period;
  while (start > 0 && !WORD_BEFORE.test(text[start - 1])) start--;
  return text.slice(start, period);
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word) || INITIALS.test(word);
}

function pushSentence(text: string, start: number, end: number, out: [number, number][]): void {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  const trimmedEnd = start + slice.trimEnd().length;
  if (trimmedEnd > start + lead) out.push([start + lead, trimmedEnd]);
}

const NECESSITY = /medically\s+(?:necessary|unnecessary|indicated|appropriate)|(?:is|was|are|were|be|been)\s+(?:not\s+)?(?:indicated|warranted|supported)\b/i;
const NECESSITY_WORD = /medically\s+(?:necessary|unnecessary|indicated|appropriate)|\b(?:indicated|warranted|supported)\b/i;
const NEGATION = /\b(?:not|non|no|neither|nor|never|cannot|can['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|doesn['’]t|didn['’]t|don['’]t)\b/i;
// A comma before a new subject or joining word starts a clause that may say the opposite ("Although X is not ..., the request is ...").
const CLAUSE =
  /[;:]\s*|,\s+(?=(?:the|this|that|these|those|such|it|which|and|but|so|yet|although|though|while|because|since|as|therefore|thus|hence|accordingly|consequently)\b)/gi;
const CONCLUDING =
  /^(?:therefore|thus|accordingly|consequently|hence|as\s+such|for\s+these\s+reasons|for\s+all\s+of\s+these\s+reasons|in\s+summary|in\s+conclusion|overall)\b|,\s*(?:therefore|thus|hence|accordingly|consequently),/i;

/** Whether a sentence finds the request medically necessary: read from the clause of its first necessity phrase. */
export function findsNecessary(sentence: string): boolean {
  const match = NECESSITY_WORD.exec(sentence);
  if (!match) return !NEGATION.test(sentence);
  if (/unnecessary/i.test(match[0])) return false;
  const before = sentence.slice(0, match.index);
  let clauseStart = 0;
  for (const boundary of before.matchAll(CLAUSE)) clauseStart = (boundary.index ?? 0) + boundary[0].length;
  return !NEGATION.test(before.slice(clauseStart));
}

const GUIDELINE_WORDS = /\b(?:MTUS|ODG|ACOEM|guidelines?|criteria|recommend\w*|states?\s+that|notes?\s+that)\b/i;

/** "The MTUS states that therapy is medically necessary when ...": what a guideline says, not the reviewer's conclusion. */
function reportsGuideline(sentence: string): boolean {
  const necessity = /medically\s+(?:necessary|unnecessary)/i.exec(sentence);
  if (!necessity || CONCLUDING.test(sentence) || /\brequest/i.test(sentence)) return false;
  return GUIDELINE_WORDS.test(sentence.slice(0, necessity.index));
}

export function readConclusion(value: MappedText, index: LineIndex): Conclusion | undefined {
  const all = sentences(value.text);
  const withNecessity = all.filter(
    ([start, end]) => /medically\s+(?:necessary|unnecessary)/i.test(value.text.slice(start, end)) && !reportsGuideline(value.text.slice(start, end)),
  );
  // The last sentence on medical necessity concludes; failing that, a last "Therefore ... indicated".
  let chosen = withNecessity[withNecessity.length - 1];
  if (!chosen) {
    const last = all[all.length - 1];
    if (last && CONCLUDING.test(value.text.slice(last[0], last[1])) && NECESSITY.test(value.text.slice(last[0], last[1]))) chosen = last;
  }
  if (!chosen) return undefined;
  const text = value.text.slice(chosen[0], chosen[1]);
  return { ...textPart(value, chosen[0], chosen[1], index), necessary: findsNecessary(text) };
}

// Ways a rationale says the MTUS does not answer the question, or why it was set aside (8 CCR 9792.21.1).
const EXPLANATION = new RegExp(
  [
    String.raw`\bMTUS\b[^.]{0,80}?\b(?:does|do|did)\s+not\s+(?:\w+\s+){0,2}?(?:address|discuss|cover|mention|speak\s+to|contain|include|apply|provide|offer|establish|recommend\s+for\s+or\s+against)`,
    String.raw`\bMTUS\b[^.]{0,80}?\b(?:doesn['’]t|don['’]t|didn['’]t|fails?\s+to|failed\s+to)\s+(?:\w+\s+){0,2}?(?:address|discuss|cover|mention|speak\s+to|contain|include|apply|provide|offer)`,
    String.raw`\bMTUS\b[^.]{0,80}?\b(?:is|are|was|were|remains?)\s+(?:\w+\s+)?(?:silent|mute|inapplicable|not\s+applicable)`,
    String.raw`\bnot\s+(?:\w+\s+){0,2}?(?:addressed|covered|discussed|mentioned|found|included)\s+(?:in|by|within)\s+(?:the\s+)?(?:\w+\s+){0,2}?MTUS\b`,
    String.raw`\b(?:outside|beyond)\s+(?:the\s+scope\s+of\s+)?(?:the\s+)?MTUS\b`,
    String.raw`\b(?:no|absent|without)\s+(?:specific\s+|applicable\s+|relevant\s+)?MTUS\b`,
    String.raw`\bsilent\b[^.]{0,40}?\bMTUS\b`,
    String.raw`presumption\s+of\s+correctness[^.]{0,80}?\b(?:rebutted|overcome)`,
    String.raw`\bMTUS\b[^.]{0,80}?\b(?:rebutted|outdated|superseded)`,
  ].join('|'),
  'i',
);

export function readMtusExplanation(value: MappedText, index: LineIndex): TextPart | undefined {
  for (const [start, end] of sentences(value.text)) {
    if (EXPLANATION.test(value.text.slice(start, end))) return textPart(value, start, end, index);
  }
  return undefined;
}
