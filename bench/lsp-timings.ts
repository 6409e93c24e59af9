// Timings over LSP: didChange to publishDiagnostics, memory with many drafts open, start-up to first diagnostics.
import { LineIndex } from '../engine/src/text';
import { keystrokes } from './engine';
import { generateDraft } from './generate';
import { startBenchServer } from './lsp';
import { round, summarize, type Summary } from './stats';

export interface RoundTrip extends Summary {
  size: string;
  bytes: number;
  p50: number;
  /** The server's own debounce, when it was left in place. */
  debounceMs: number;
}

/** `debounceMs` undefined keeps the server's default debounce. */
export async function measureRoundTrip(name: string, size: number, edits: number, debounceMs?: number): Promise<RoundTrip> {
  const server = await startBenchServer({ debounceMs });
  try {
    const uri = `file:///bench/round-trip-${size}.imr.md`;
    const text = generateDraft({ size });
    const opened = server.diagnostics(uri, 1);
    server.open(uri, text);
    await opened;
    const samples: number[] = [];
    let before = text;
    let version = 1;
    for (const keystroke of keystrokes(text, edits)) {
      const position = new LineIndex(before).positionAt(keystroke.offset);
      version++;
      const published = server.diagnostics(uri, version);
      const start = performance.now();
      server.change(uri, version, [{ range: { start: position, end: position }, text: keystroke.character }]);
      await published;
      samples.push(performance.now() - start);
      before = keystroke.text;
    }
    const summary = summarize(samples);
    return { size: name, bytes: text.length, ...summary, p50: summary.median, debounceMs: debounceMs ?? NaN };
  } finally {
    await server.stop();
  }
}

export interface MemoryResult {
  drafts: number;
  draftBytes: number;
  rssMB: number;
  peakMB: number;
}

export async function measureMemory(drafts: number, size: number): Promise<MemoryResult | undefined> {
  const server = await startBenchServer({ debounceMs: 0 });
  try {
    const published: Promise<unknown>[] = [];
    for (let draft = 0; draft < drafts; draft++) {
      const uri = `file:///bench/memory-${draft}.imr.md`;
      published.push(server.diagnostics(uri, 1));
      server.open(uri, generateDraft({ size, seed: 100 + draft }));
    }
    await Promise.all(published);
    const memory = server.memory();
    if (!memory) return undefined;
    return { drafts, draftBytes: size, rssMB: round(memory.rss / 2 ** 20, 1), peakMB: round(memory.peak / 2 ** 20, 1) };
  } finally {
    await server.stop();
  }
}

export interface StartupResult {
  /** Spawning the server process to its initialize response. */
  initialize: Summary;
  /** Spawning the server process to the first diagnostics of a 20 KB draft opened right after initialize. */
  firstDiagnostics: Summary;
}

export async function measureStartup(runs: number): Promise<StartupResult> {
  const initialize: number[] = [];
  const first: number[] = [];
  const text = generateDraft({ size: 20 * 1024 });
  for (let run = 0; run < runs; run++) {
    const server = await startBenchServer({ debounceMs: 0 });
    try {
      initialize.push(server.initializeMs);
      const uri = 'file:///bench/startup.imr.md';
      const published = server.diagnostics(uri, 1);
      server.open(uri, text);
      await published;
      first.push(performance.now() - server.spawnedAt);
    } finally {
      await server.stop();
    }
  }
  return { initialize: summarize(initialize), firstDiagnostics: summarize(first) };
}
