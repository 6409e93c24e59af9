// Engine against markdownlint in this process, interleaved run by run: a full validation, a keystroke's validation, and each stage.
import { lint as markdownlint } from 'markdownlint/sync';
import { lint, runRules } from '../engine/src/lint';
import { buildDetermination } from '../engine/src/model/build';
import { resolveProfile } from '../engine/src/config/profiles';
import { IncrementalParser, parseDraft } from '../engine/src/incremental';
import { parseMarkdown } from '../engine/src/parse';
import { generateDraft, random } from './generate';
import { gcShare, interleave, type RunSamples } from './interleave';
import { pairedRatios, round, summarize, type Summary } from './stats';

export interface Comparison {
  /** Per-pair ratios, ours over theirs, of wall time and of CPU time. */
  wall: Summary;
  cpu: Summary;
}

export interface Timed {
  /** Wall time per run, ms. */
  wall: Summary;
  /** CPU time of this process per run (all its threads), ms. */
  cpu: Summary;
  /** Share of wall time spent in main-thread garbage-collection pauses. */
  gcShare: number;
}

export interface EngineResult {
  size: string;
  chars: number;
  items: number;
  findings: number;
  markdownlintFindings: number;
  pairs: number;
  /** lint(text): fresh parse, model and all rules. */
  full: Timed;
  /** lint(text, { parse }) after a one-character edit, with the incremental parser the server keeps. */
  keystroke: Timed;
  /** markdownlint/sync with its default rules on the same text. */
  markdownlint: Timed;
  fullVsMarkdownlint: Comparison;
  keystrokeVsMarkdownlint: Comparison;
  /** Each stage on its own, interleaved with the others: wall median (ms) and GC share. */
  stages: Record<'parse' | 'draftParse' | 'incrementalParse' | 'model' | 'rules', { median: number; gcShare: number }>;
}

export async function measureEngine(name: string, size: number, pairs: number): Promise<EngineResult> {
  const text = generateDraft({ size });
  const baseline = lint(text);
  const warmup = 2;
  const edits = editSequence(text, warmup + pairs);
  const parser = new IncrementalParser();
  parser.parse(text);
  let markdownlintFindings = 0;
  const runs = await interleave(
    [
      { name: 'full', run: () => lint(text) },
      { name: 'keystroke', run: (round) => lint(edits[round], { parse: parser.parse }) },
      {
        name: 'markdownlint',
        run: () => {
          markdownlintFindings = markdownlint({ strings: { draft: text } }).draft.length;
        },
      },
    ],
    { rounds: pairs, warmup, gc: true },
  );

  const resolver = (requested: string | undefined) => resolveProfile(requested, {});
  const root = parseMarkdown(text);
  const model = buildDetermination(text, resolver, root);
  const stageRounds = Math.max(5, Math.min(pairs, 20));
  const stageEdits = editSequence(text, warmup + stageRounds);
  const stageParser = new IncrementalParser();
  stageParser.parse(text);
  const stageRuns = await interleave(
    [
      { name: 'parse', run: () => parseMarkdown(text) },
      // As lint reads a draft: plain prose without micromark (engine/src/incremental/plain.ts), the rest with it.
      { name: 'draftParse', run: () => parseDraft(text) },
      { name: 'incrementalParse', run: (round) => stageParser.parse(stageEdits[round]) },
      { name: 'model', run: () => buildDetermination(text, resolver, root) },
      { name: 'rules', run: () => runRules(model, {}) },
    ],
    { rounds: stageRounds, warmup, gc: true },
  );
  const stage = (samples: RunSamples) => ({ median: summarize(samples.wall).median, gcShare: round(gcShare(samples), 3) });

  return {
    size: name,
    chars: text.length,
    items: baseline.model?.items.length ?? 0,
    findings: baseline.findings.length,
    markdownlintFindings,
    pairs,
    full: timed(runs.full),
    keystroke: timed(runs.keystroke),
    markdownlint: timed(runs.markdownlint),
    fullVsMarkdownlint: compare(runs.full, runs.markdownlint),
    keystrokeVsMarkdownlint: compare(runs.keystroke, runs.markdownlint),
    stages: {
      parse: stage(stageRuns.parse),
      draftParse: stage(stageRuns.draftParse),
      incrementalParse: stage(stageRuns.incrementalParse),
      model: stage(stageRuns.model),
      rules: stage(stageRuns.rules),
    },
  };
}

export function timed(samples: RunSamples): Timed {
  return { wall: summarize(samples.wall), cpu: summarize(samples.cpu), gcShare: round(gcShare(samples), 3) };
}

/** Ratios of the runs made in the same round, ours over theirs. */
export function compare(ours: RunSamples, theirs: RunSamples): Comparison {
  return { wall: summarize(pairedRatios(ours.wall, theirs.wall)), cpu: summarize(pairedRatios(ours.cpu, theirs.cpu)) };
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
  const spots = [...text.matchAll(/Decision rationale:(?:\*\*)? /g)].map((match) => match.index + match[0].length);
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
