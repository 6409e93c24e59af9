// The pure step of a check: text, configuration and date in; tree, model and findings out. Replaceable (a worker, say).
import type { Root } from 'mdast';
import type { ImrConfig } from '../config/schema';
import { IncrementalParser } from '../incremental';
import type { FixAllResult } from '../language/fix-all';
import { lint, type LintResult } from '../lint';
import type { Determination } from '../model/types';
import type { RenderedDetermination } from '../render/render';
import type { Finding } from '../rules/types';
import type { LineIndex } from '../text';

/** Everything the step reads, as plain data that a structured clone carries unchanged. */
export interface AnalysisRequest {
  /** Which document: the step may keep state per document between requests (an incremental parse). */
  uri: string;
  text: string;
  /** A resolved configuration (see the service's configuration). */
  config: ImrConfig;
  /** Today's date, ISO (yyyy-mm-dd). */
  today: string;
}

export interface Analysis {
  lint: LintResult;
  /** The Markdown tree the model was built from, for rendering the letter (shared with later parses: never change it). */
  root?: Root;
  /**
   * The model, when the step hands it over on demand rather than in `lint.model` (a worker sends it serialized, and
   * reading it costs the calling thread time, so it is read only when a feature asks); `lines` indexes the request's text.
   */
  deferredModel?: (lines: LineIndex) => Determination;
  /** The check was stopped over its budget; `lint.findings` holds the one finding that says so. */
  stopped?: boolean;
}

/** Fix-all of a draft; `findings` are its current findings when it was checked, saving one lint. */
export interface FixAllRequest extends AnalysisRequest {
  findings?: Finding[];
}

/** The letter of a draft, for the preview's body or as the whole export. */
export type RenderRequest = AnalysisRequest & ({ mode: 'preview' } | { mode: 'export'; fileName?: string; printSummary?: boolean });

/** What a rendering returns: the letter, or the whole export document. */
export type Rendering = { mode: 'preview'; rendered: RenderedDetermination } | { mode: 'export'; html: string };

/** Thrown by a step's fix-all or rendering stopped over its budget; `findings` holds the one finding that says so. */
export class CheckStopped extends Error {
  override name = 'CheckStopped';

  constructor(readonly findings: Finding[]) {
    super(findings[0]?.message ?? 'The check was stopped over its budget.');
  }
}

export interface AnalysisStep {
  analyse(request: AnalysisRequest): Analysis | Promise<Analysis>;
  /** The document closed or stopped being a determination: drop what is kept for it. */
  forget(uri: string): void;
  /** Fix-all where the step runs it (under its budget); without it the service fixes in its own thread. */
  fixAll?(request: FixAllRequest): Promise<FixAllResult>;
  /** The letter where the step renders it (under its budget); without it the service renders in its own thread. */
  render?(request: RenderRequest): Promise<Rendering>;
}

/**
 * Each keystroke re-parses only the blocks it touched; the parser keeps the rest of the document's tree. Only the
 * drafts checked most recently keep one (in order of use, oldest first): a reviewer types in one or two at a time,
 * and an idle draft's first check costs one full parse, as opening it did.
 */
export const MAX_INCREMENTAL_DOCUMENTS = 8;

/** The step in the calling thread, with one incremental parser for each of the documents checked most recently. */
export function inProcessAnalysis(maxDocuments = MAX_INCREMENTAL_DOCUMENTS): AnalysisStep {
  const parsers = new Map<string, IncrementalParser>();
  const parserFor = (uri: string): IncrementalParser => {
    const parser = parsers.get(uri) ?? new IncrementalParser();
    parsers.delete(uri);
    parsers.set(uri, parser);
    for (const oldest of parsers.keys()) {
      if (parsers.size <= maxDocuments) break;
      parsers.delete(oldest);
    }
    return parser;
  };
  return {
    analyse({ uri, text, config, today }) {
      const parser = parserFor(uri);
      let root: Root | undefined;
      const result = lint(text, {
        config,
        today,
        parse: (source) => (root = parser.parse(source)),
      });
      return { lint: result, root };
    },
    forget(uri) {
      parsers.delete(uri);
    },
  };
}
