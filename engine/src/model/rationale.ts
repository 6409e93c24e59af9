// Reads a rationale: its concluding sentence and whether it explains going outside the MTUS.
import type { LineIndex, MappedText } from '../text';
import { textPart } from './parts';
import type { Conclusion, TextPart } from './types';

const ABBREVIATIONS = /(?:\b(?:Dr|Mr|Mrs|Ms|vs|etc|e\.g|i\.e|No|approx|Fig|pp?|Ch|Sec|St)|\b[A-Z])\.$/;

/** Sentences as [start, end) indices into the text. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const boundary = /[.!?]+["')\]]*(?=\s+|$)/g;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].length;
    if (ABBREVIATIONS.test(text.slice(Math.max(0, end - 6), end))) continue;
    pushSentence(text, start, end, out);
    start = end;
  }
  pushSentence(text, start, text.length, out);
  return out;
}

function pushSentence(text: string, start: number, end: number, out: [number, number][]): void {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  const trimmedEnd = start + slice.trimEnd().length;
  if (trimmedEnd > start + lead) out.push([start + lead, trimmedEnd]);
}

const NECESSITY = /medically\s+(?:necessary|unnecessary|indicated)|(?:is|was|are|were)\s+(?:not\s+)?(?:indicated|warranted|supported)\b/i;
const NEGATION = /\b(?:not|non|neither|nor|cannot|no\s+longer|un)\b[\s\S]{0,60}?(?:medically\s+(?:necessary|indicated)|indicated|warranted|supported)|medically\s+unnecessary|\b(?:isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\b/i;
const CONCLUDING = /^(?:therefore|thus|accordingly|consequently|hence|as\s+such|for\s+these\s+reasons|for\s+all\s+of\s+these\s+reasons|in\s+summary|in\s+conclusion|overall)\b/i;

export function readConclusion(value: MappedText, index: LineIndex): Conclusion | undefined {
  const all = sentences(value.text);
  const withNecessity = all.filter(([start, end]) => /medically\s+(?:necessary|unnecessary)/i.test(value.text.slice(start, end)));
  // The last sentence on medical necessity concludes; failing that, a last "Therefore ... indicated".
  let chosen = withNecessity[withNecessity.length - 1];
  if (!chosen) {
    const last = all[all.length - 1];
    if (last && CONCLUDING.test(value.text.slice(last[0], last[1])) && NECESSITY.test(value.text.slice(last[0], last[1]))) chosen = last;
  }
  if (!chosen) return undefined;
  const text = value.text.slice(chosen[0], chosen[1]);
  return { ...textPart(value, chosen[0], chosen[1], index), necessary: !NEGATION.test(text) };
}

const EXPLANATION =
  /\bMTUS\b[^.]{0,80}?\b(?:does\s+not|do\s+not|doesn['’]t|did\s+not|is\s+silent|are\s+silent|is\s+mute|fails?\s+to|not\s+(?:specifically\s+)?address)|\b(?:not|silent|mute)\b[^.]{0,60}?\bMTUS\b|presumption\s+of\s+correctness[^.]{0,80}?\brebutted|\bMTUS\b[^.]{0,80}?\b(?:rebutted|outdated|superseded)/i;

export function readMtusExplanation(value: MappedText, index: LineIndex): TextPart | undefined {
  for (const [start, end] of sentences(value.text)) {
    if (EXPLANATION.test(value.text.slice(start, end))) return textPart(value, start, end, index);
  }
  return undefined;
}
