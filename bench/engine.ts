// Engine timings in this process: a full validation, a keystroke's validation, each stage, and markdownlint on the same text.
import { lint as markdownlint } from 'markdownlint/sync';
import { lint, runRules } from '../engine/src/lint';
import { buildDetermination } from '../engine/src/model/build';
import { resolveProfile } from '../engine/src/profiles';
import { IncrementalParser } from '../engine/src/incremental';
import { parseMarkdown } from '../engine/src/parse';
import { generateDraft, random } from './generate';
import { round, summarize, time, type Summary } from './stats';

export interface EngineResult {
  size: string;
  bytes: number;
  items: number;
  findings: number;
  /** lint(text): fresh parse, model and all rules. */
  full: Summary;
  /** lint(text, { parse }) after a one-character edit, with the incremental parser the server keeps. */
  keystroke: Summary;
  markdownlint: Summary & { findings: number };
  /** Medians, ours over markdownlint's. */
  ratioFull: number;
  ratioKeystroke: number;
  /** Medians of each stage, in milliseconds. */
  stages: { parse: number; incrementalParse: number; model: number; rules: number };
}

export function measureEngine(name: string, size: number, runs: { full: number; keystroke: number }): EngineResult {
  const text = generateDraft({ size });
  const baseline = lint(text);
  // Warm up the JIT on this size before timing.
  for (let i = 0; i < 2; i++) {
    lint(text);
    markdownlint({ strings: { draft: text } });
  }
  const full = time(runs.full, () => lint(text));
  let markdownlintFindings = 0;
  const other = time(runs.full, () => {
    markdownlintFindings = markdownlint({ strings: { draft: text } }).draft.length;
  });

  const edits = editSequence(text, runs.keystroke);
  const parser = new IncrementalParser();
  parser.parse(text);
  const keystroke = time(edits.length, (run) => lint(edits[run], { parse: parser.parse }));

  const resolver = (requested: string | undefined) => resolveProfile(requested, {});
  const root = parseMarkdown(text);
  const model = buildDetermination(text, resolver, root);
  const stageRuns = Math.max(3, Math.min(runs.full, 15));
  const stageParser = new IncrementalParser();
  stageParser.parse(text);
  const stages = {
    parse: summarize(time(stageRuns, () => parseMarkdown(text))).median,
    incrementalParse: summarize(time(edits.length, (run) => stageParser.parse(edits[run]))).median,
    model: summarize(time(stageRuns, () => buildDetermination(text, resolver, root))).median,
    rules: summarize(time(stageRuns, () => runRules(model, {}))).median,
  };

  const ours = summarize(full);
  const theirs = summarize(other);
  const typed = summarize(keystroke);
  return {
    size: name,
    bytes: text.length,
    items: baseline.model?.items.length ?? 0,
    findings: baseline.findings.length,
    full: ours,
    keystroke: typed,
    markdownlint: { ...theirs, findings: markdownlintFindings },
    ratioFull: round(ours.median / theirs.median, 2),
    ratioKeystroke: round(typed.median / theirs.median, 2),
    stages,
  };
}

export interface Keystroke {
  /** Where the character goes, in the text before the keystroke. */
  offset: number;
  character: string;
  /** The text after the keystroke. */
  text: string;
}

/** A writer typing one character at a time at four places in the draft's rationales. */
export function keystrokes(text: string, count: number): Keystroke[] {
  const next = random(7);
  const spots = [...text.matchAll(/Decision rationale:\*\* /g)].map((match) => match.index + match[0].length);
  const cursors = spots.length > 0 ? [0.1, 0.4, 0.7, 0.95].map((fraction) => spots[Math.floor(fraction * (spots.length - 1))]) : [text.length >> 1];
  const letters = 'the applicant reported improvement in function ';
  const out: Keystroke[] = [];
  const perCursor = Math.ceil(count / cursors.length);
  let current = text;
  for (let i = 0; i < count; i++) {
    const which = Math.min(cursors.length - 1, Math.floor(i / perCursor));
    const offset = cursors[which];
    const character = letters[Math.floor(next() * letters.length)];
    current = current.slice(0, offset) + character + current.slice(offset);
    // Every cursor at or after the insertion moves along with the text.
    for (let other = 0; other < cursors.length; other++) if (cursors[other] >= offset) cursors[other]++;
    out.push({ offset, character, text: current });
  }
  return out;
}

export function editSequence(text: string, count: number): string[] {
  return keystrokes(text, count).map((keystroke) => keystroke.text);
}
