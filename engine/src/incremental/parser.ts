// Re-parses only the runs of top-level blocks an edit touched; every other run comes from a cache.
import type { Root, RootContent } from 'mdast';
import { parseMarkdown, parseMarkdownFragment } from '../parse';
import { findBoundaries, type Boundaries } from './boundaries';
import { readHeadBlocks, readPlainBlocks } from './plain';
import { definesReferences, shiftNodes } from './tree';

/** Top-level blocks that parse alone as they parse in the draft, with positions where the run last sat. */
interface Run {
  text: string;
  /** The run starts the draft, so it was parsed with front matter. */
  head: boolean;
  /** How many candidate cuts (see boundaries.ts) the run spans. */
  intervals: number;
  children: RootContent[];
  /** Offset and 0-based line of the run's start in the draft its `children` were placed in. */
  offset: number;
  line: number;
  /** Its last block runs into the blank lines after it (an unclosed fence or HTML block) and would swallow what follows. */
  open: boolean;
  /**
   * Its last block is a list (a list item after it would join the list) or code (micromark then reads an
   * empty or non-1 list item after it as paragraph text).
   */
  beforeListItem: boolean;
  /** It defines link references, which change how `[text]` reads everywhere in the draft. */
  definitions: boolean;
  lastUsed: number;
}

/** The block a moved copy was made from, as first parsed: not enumerable, so nothing that reads or copies the tree sees it. */
const ORIGIN = Symbol('origin');

type Moved = RootContent & { [ORIGIN]?: RootContent };

interface Piece {
  index: number;
  run: Run;
}

/** What the last parse did, for benchmarks and tests. */
export interface ParseStats {
  runs: number;
  reusedRuns: number;
  parsedCharacters: number;
  /** Runs of plain prose read without micromark (readPlainBlocks), of the runs not reused. */
  plainRuns: number;
  /** Link reference definitions forced a parse of the whole text. */
  fullParse: boolean;
}

/**
 * Parses successive versions of one draft. Equal to `parseMarkdown(text)`, positions included, for any
 * text (test/fuzz/incremental.test.ts). The returned tree shares unchanged blocks with earlier ones; do
 * not mutate it.
 */
export class IncrementalParser {
  private runs = new Map<string, Run[]>();
  private generation = 0;
  stats: ParseStats = { runs: 0, reusedRuns: 0, parsedCharacters: 0, plainRuns: 0, fullParse: false };

  readonly parse = (text: string): Root => {
    const generation = ++this.generation;
    const bounds = findBoundaries(text);
    const count = bounds.starts.length;
    const keys: string[] = new Array(count);
    const keyAt = (index: number): string => (keys[index] ??= text.slice(bounds.starts[index], index + 1 < count ? bounds.starts[index + 1] : text.length));
    const stats: ParseStats = { runs: 0, reusedRuns: 0, parsedCharacters: 0, plainRuns: 0, fullParse: false };
    // Every run before the one read is closed and fits before it (see `fits`), so a plain one reads alone as in the
    // draft, but for lists: a list item joins a list just before it, so a plain list is taken only between two runs
    // that are not.
    const plain: (Run | null)[] = new Array(count);
    const readAt = (at: number): Run | null => (plain[at] !== undefined ? plain[at] : (plain[at] = this.readPlain(keyAt(at), bounds, at)));
    const plainAt = (at: number): Run | null => {
      const run = readAt(at);
      if (!run || (run.beforeListItem && at + 1 < count && bounds.listItems[at + 1])) return null;
      if (!bounds.listItems[at]) return run;
      const before = readAt(at - 1);
      return before && !before.beforeListItem ? run : null;
    };
    const children: RootContent[] = [];
    let definitions = false;
    let index = 0;
    while (index < count) {
      let pieces: Piece[];
      let known = this.find(text, bounds, index, keyAt);
      // A run placed already in this parse would move back and forth between its places: plain text is read anew.
      if (known && known.lastUsed === generation && plainAt(index)) known = undefined;
      if (known) {
        const after = index + known.intervals;
        if (after === count || fits(known, bounds, after)) {
          pieces = [{ index, run: known }];
          stats.reusedRuns++;
        } else {
          // It swallows what follows (someone opened a fence): the rest of the draft reads differently.
          pieces = this.parseRegion(text, bounds, index, count, keyAt, stats);
        }
      } else if (plainAt(index)) {
        const run = plainAt(index)!;
        this.remember(run.text, run);
        pieces = [{ index, run }];
        stats.parsedCharacters += run.text.length;
        stats.plainRuns++;
      } else {
        let end = index + 1;
        while (end < count && !this.find(text, bounds, end, keyAt) && !plainAt(end)) end++;
        pieces = this.parseRegion(text, bounds, index, end, keyAt, stats);
        const last = pieces[pieces.length - 1];
        if (end < count && !fits(last.run, bounds, end)) {
          // Read with what it swallows instead: kept, it would be found first next time and read again.
          this.forget(keyAt(last.index), last.run);
          pieces = [...pieces.slice(0, -1), ...this.parseRegion(text, bounds, last.index, count, keyAt, stats)];
        }
      }
      for (const { index: at, run } of pieces) {
        run.lastUsed = generation;
        definitions ||= run.definitions;
        this.place(run, bounds.starts[at], bounds.lines[at]);
        for (const child of run.children) children.push(child);
      }
      const last = pieces[pieces.length - 1];
      index = last.index + last.run.intervals;
      stats.runs += pieces.length;
    }
    this.evict(generation);
    if (definitions) {
      stats.fullParse = true;
      stats.parsedCharacters = text.length;
      this.stats = stats;
      return parseMarkdown(text);
    }
    this.stats = stats;
    return {
      type: 'root',
      children,
      // As parseMarkdown reports it, the root starts after a byte-order mark.
      position: {
        start: text.charCodeAt(0) === 0xfeff ? { line: 1, column: 2, offset: 1 } : { line: 1, column: 1, offset: 0 },
        end: { line: bounds.endLine, column: bounds.endColumn, offset: text.length },
      },
    };
  };

  /**
   * The top-level block `block` is a copy of, as this parser first produced it, when the parse that returned it
   * kept it from an earlier one (moved, perhaps): the same origin means the same text, read the same way.
   */
  readonly originOf = (block: RootContent): RootContent => (block as Moved)[ORIGIN] ?? block;

  /** Forgets every cached run (the document closed). */
  clear(): void {
    this.runs.clear();
  }

  /** The cached run that starts with the text at candidate `index` and ends on a later candidate. */
  private find(text: string, bounds: Boundaries, index: number, keyAt: (index: number) => string): Run | undefined {
    const candidates = this.runs.get(keyAt(index));
    if (!candidates) return undefined;
    const start = bounds.starts[index];
    const count = bounds.starts.length;
    // The same text may stand in several places (a field written alike for two items): each place takes the run
    // that stood there, else one not yet placed in this parse, so that runs are not moved back and forth.
    let found: Run | undefined;
    let rank = 0;
    for (const run of candidates) {
      if (run.head !== (index === 0)) continue;
      const after = index + run.intervals;
      if (after > count) continue;
      const end = after === count ? text.length : bounds.starts[after];
      if (end - start !== run.text.length || (run.intervals > 1 && !text.startsWith(run.text, start))) continue;
      const free = run.lastUsed !== this.generation;
      const runRank = free && run.offset === start ? 3 : free ? 2 : 1;
      if (runRank > rank) {
        found = run;
        rank = runRank;
        if (rank === 3) break;
      }
    }
    return found;
  }

  /** The run of plain prose at candidate `index` (text `key`), read without micromark, or null when it is more. */
  private readPlain(key: string, bounds: Boundaries, index: number): Run | null {
    const text = detach(key);
    // The first run is read as the draft's start: front matter, when it opens with some.
    const children = index > 0 ? readPlainBlocks(text, bounds.starts[index], bounds.lines[index]) : readHeadBlocks(text);
    if (!children) return null;
    return {
      text,
      head: index === 0,
      intervals: 1,
      children,
      offset: bounds.starts[index],
      line: bounds.lines[index],
      open: false,
      beforeListItem: children.length > 0 && affectsListItem(children[children.length - 1]),
      definitions: false,
      lastUsed: this.generation,
    };
  }

  /**
   * Parses candidates [from, to) as one text and cuts the tree at every candidate where nothing is
   * left open, so each piece is what parsing it alone gives.
   */
  private parseRegion(text: string, bounds: Boundaries, from: number, to: number, keyAt: (index: number) => string, stats: ParseStats): Piece[] {
    const { starts, lines, contentEnds, listItems } = bounds;
    const count = starts.length;
    const start = starts[from];
    const end = to < count ? starts[to] : text.length;
    // A copy, so the cached trees do not keep every old version of a long draft alive.
    const source = detach(text.slice(start, end));
    const nodes = (from === 0 ? parseMarkdown(source) : parseMarkdownFragment(source)).children;
    stats.parsedCharacters += source.length;
    const pieces: Piece[] = [];
    let pieceFrom = from;
    let first = 0;
    let next = 0;
    const cut = (at: number, upTo: number, open: boolean): void => {
      const own = nodes.slice(first, upTo);
      const run: Run = {
        text: detach(source.slice(starts[pieceFrom] - start, (at < count ? starts[at] : text.length) - start)),
        head: pieceFrom === 0,
        intervals: at - pieceFrom,
        children: from === 0 ? own : shiftNodes(own, start, lines[from]),
        offset: starts[pieceFrom],
        line: lines[pieceFrom],
        open,
        beforeListItem: own.length > 0 && affectsListItem(own[own.length - 1]),
        definitions: definesReferences(own),
        lastUsed: this.generation,
      };
      this.remember(detach(keyAt(pieceFrom)), run);
      pieces.push({ index: pieceFrom, run });
      pieceFrom = at;
      first = upTo;
    };
    // A definition resolves `[text]` in every piece of the region, so a piece would not read alone as it reads here.
    const whole = definesReferences(nodes);
    for (let at = from + 1; at < to && !whole; at++) {
      const relative = starts[at] - start;
      while (next < nodes.length && nodes[next].position!.start.offset! < relative) next++;
      const last = next > first ? nodes[next - 1] : undefined;
      if (last && last.position!.end.offset! > contentEnds[at] - start) continue;
      if (last && listItems[at] && affectsListItem(last)) continue;
      cut(at, next, false);
    }
    const last = nodes.length > first ? nodes[nodes.length - 1] : undefined;
    const contentEnd = (to < count ? contentEnds[to] : bounds.lastContentEnd) - start;
    cut(to, nodes.length, last !== undefined && last.position!.end.offset! > contentEnd);
    return pieces;
  }

  private remember(key: string, run: Run): void {
    const list = this.runs.get(key);
    if (!list) this.runs.set(key, [run]);
    else if (!list.includes(run)) list.push(run);
  }

  private forget(key: string, run: Run): void {
    const list = this.runs.get(key);
    const kept = list?.filter((candidate) => candidate !== run);
    if (kept?.length === 0) this.runs.delete(key);
    else if (kept) this.runs.set(key, kept);
  }

  /** Moves a run to where it sits now: new nodes, since trees handed out before must not change. */
  private place(run: Run, offset: number, line: number): void {
    if (run.offset === offset && run.line === line) return;
    const moved = shiftNodes(run.children, offset - run.offset, line - run.line);
    // On the copy, not in a WeakMap: a keystroke moves thousands of blocks, and weak entries cost the collector more.
    moved.forEach((block, position) => Object.defineProperty(block, ORIGIN, { value: this.originOf(run.children[position]) }));
    run.children = moved;
    run.offset = offset;
    run.line = line;
  }

  /** Keeps the runs of this parse and the one before (undo brings those back). */
  private evict(generation: number): void {
    for (const [key, list] of this.runs) {
      // Most lists keep every run: they are left as they are rather than copied at each keystroke.
      if (list.every((run) => run.lastUsed >= generation - 1)) continue;
      const kept = list.filter((run) => run.lastUsed >= generation - 1);
      if (kept.length === 0) this.runs.delete(key);
      else if (kept.length !== list.length) this.runs.set(key, kept);
    }
  }
}

/** Whether a run may be followed by the run at candidate `next` without either reading differently. */
function fits(run: Run, bounds: Boundaries, next: number): boolean {
  return !run.open && !(run.beforeListItem && bounds.listItems[next]);
}

function affectsListItem(block: RootContent): boolean {
  return block.type === 'list' || block.type === 'code';
}

/** A flat copy of a string, not a view into the (much longer) draft it was sliced from. */
function detach(text: string): string {
  return text.length < 16 ? text : ` ${text}`.slice(1);
}

/** A draft read once, as `parseMarkdown(text)` reads it: plain prose without micromark, the rest with it. */
export function parseDraft(text: string): Root {
  return new IncrementalParser().parse(text);
}
