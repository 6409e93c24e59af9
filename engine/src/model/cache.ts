// What one document's model keeps between checks: each top-level block's lines, each field's reading, the items.
import type { RootContent } from 'mdast';
import { detached, RecentCache } from '../recent';
import type { Vocabulary } from '../profiles/vocabulary';
import type { Conclusion, Directive, DisputedItem, FrontMatter, GuidelineCitation, MtusStatement, TextLine, TextPart } from './types';

/** The lines and directives of one top-level block, as placed at `offset` and `line` when last used. */
export interface BlockLines {
  offset: number;
  line: number;
  lines: TextLine[];
  directives: Directive[];
}

export interface ModelCacheOptions {
  /**
   * The block a top-level block is a copy of, as its parser first produced it (see IncrementalParser.originOf):
   * blocks are then found by that, whatever they say. Without it they are found by their text.
   */
  origin?: (block: RootContent) => object;
}

/** What a field's text says, read where its text started at `at`, from `lines`. */
export type FieldReading = { at: number; lines?: TextLine[] } & (
  { kind: 'rationale'; conclusion?: Conclusion; mtusExplanation?: TextPart } | { kind: 'guideline'; statement?: MtusStatement; citations: GuidelineCitation[] }
);

/** Where the scan stood when it found an item: enough to find it again, the same way, in an edited draft. */
export interface ItemMark {
  /** Index of the item line in the lines read. */
  position: number;
  /** Whether a field was open, and the number the item would carry in sequence (see itemAt). */
  context: { inField: boolean; expected?: number };
}

/** The items of one check and where each was found, kept so that the next check rereads only those around an edit. */
export interface ReadItems {
  vocabulary: Vocabulary;
  lines: TextLine[];
  items: DisputedItem[];
  marks: ItemMark[];
}

/**
 * Kept per document between checks. A block or field whose text is unchanged is not read again: what it said
 * is moved to where it now sits (later blocks move when an edit adds or removes characters before them).
 */
export class ModelCache {
  readonly blocks: BlockCache;
  readonly fields = new RecentCache<FieldReading>({ copyKeys: true });
  /** The disputed items of the last check, with where each was found, so that the next rereads only those around an edit. */
  items?: ReadItems;
  /** The front matter of the last check, by its source text: it heads the draft, so an edit below it leaves it in place. */
  private frontMatter?: { source: string; frontMatter: FrontMatter };
  /** The lines of blocks this check moved, each to the line of the last check it was moved from. */
  movedFrom = new WeakMap<TextLine, TextLine>();
  /** What the last check read afresh and what it took from here (moved or not), for tests and benchmarks. */
  stats = emptyStats();
  private counting = emptyStats();

  constructor(options: ModelCacheOptions = {}) {
    this.blocks = new BlockCache(options.origin);
  }

  /** The front matter whose source (the block with its fences, from the start of the draft) is `source`, read once. */
  frontMatterOf(source: string, read: () => FrontMatter): FrontMatter {
    if (this.frontMatter?.source === source) return this.frontMatter.frontMatter;
    const frontMatter = read();
    // A copy: a slice would keep this whole version of the draft alive.
    this.frontMatter = { source: detached(source), frontMatter };
    return frontMatter;
  }

  /** Counts a block, field or item read afresh, or found. */
  count(what: 'blocks' | 'fields' | 'items', found: boolean, count = 1): void {
    this.counting[what][found ? 'kept' : 'read'] += count;
  }

  /** A check ended: what it did not use is dropped after the next one. */
  settle(): void {
    this.blocks.settle();
    this.fields.settle();
    this.stats = this.counting;
    this.counting = emptyStats();
    this.movedFrom = new WeakMap();
  }
}

export interface ModelCacheStats {
  blocks: { read: number; kept: number };
  fields: { read: number; kept: number };
  items: { read: number; kept: number };
}

function emptyStats(): ModelCacheStats {
  return { blocks: { read: 0, kept: 0 }, fields: { read: 0, kept: 0 }, items: { read: 0, kept: 0 } };
}

/** How a block is found: by the block its parser first produced, or by its text and which occurrence of it it is. */
export type BlockKey = object | string;

/**
 * What each top-level block said, found by the block its parser first produced (kept for as long as the parser
 * keeps that block) or, without a parser's help, by the block's kind, column and text, and how many blocks before
 * it say the same (a field written alike for two items is two blocks).
 */
export class BlockCache {
  private readonly byOrigin = new WeakMap<object, BlockLines>();
  private readonly byText = new RecentCache<BlockLines>({ copyKeys: true });
  private occurrences = new Map<string, number>();

  constructor(private readonly origin?: (block: RootContent) => object) {}

  /** The key of a top-level block with a position, in this check. */
  keyOf(block: RootContent, text: string): BlockKey {
    if (this.origin) return this.origin(block);
    const position = block.position!;
    const key = `${block.type} ${position.start.column} ${text.slice(position.start.offset, position.end.offset)}`;
    const before = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, before + 1);
    return before === 0 ? key : `${before} ${key}`;
  }

  get(key: BlockKey): BlockLines | undefined {
    return typeof key === 'string' ? this.byText.get(key) : this.byOrigin.get(key);
  }

  /** Keeps what a block said, as placed in this check. */
  set(key: BlockKey, lines: BlockLines): void {
    if (typeof key === 'string') this.byText.set(key, lines);
    else this.byOrigin.set(key, lines);
  }

  settle(): void {
    this.byText.settle();
    this.occurrences = new Map();
  }
}
