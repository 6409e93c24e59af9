// The pure step of a check: text, configuration and date in; tree, model and findings out. Replaceable (a worker, say).
import type { Root } from 'mdast';
import type { ImrConfig } from '../config/schema';
import { IncrementalParser } from '../incremental';
import type { FixAllResult } from '../language/fix-all';
import { lint, type LintResult } from '../lint';
import type { Determination } from '../model/types';
import { ModelCache } from '../model/cache';
import { parseDraft } from '../incremental';
import type { RenderedDetermination } from '../render/render';
import { LineMemo } from '../rules/line-memo';
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
   * The model, when the step hands it over on demand rather than in `lint.model` (a worker keeps it, and packing it
   * costs as much as a keystroke's check, so it is sent only when a feature asks); `lines` indexes the request's text.
   * Undefined when it could not be had after all (the thread was stopped meanwhile).
   */
  deferredModel?: (lines: LineIndex) => Promise<Determination | undefined>;
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
 * Each keystroke re-parses only the blocks it touched, rereads only the blocks and fields whose text changed, and
 * lets line-local rules reread only the lines that changed; the rest is kept from the document's last check. Only
 * the drafts checked most recently keep this (in order of use, oldest first): a reviewer types in one or two at a
 * time, and an idle draft's first check costs one full check, as opening it did.
 */
export const MAX_INCREMENTAL_DOCUMENTS = 8;

/** What is kept for one document between its checks. */
class DocumentState {
  readonly parser = new IncrementalParser();
  // Blocks the parser kept are found by the block it first parsed, without reading their text.
  readonly modelCache = new ModelCache({ origin: this.parser.originOf });
  readonly lineMemo = new LineMemo();
}

/**
 * The step in the calling thread, keeping incremental state for the documents checked most recently. With
 * `maxDocuments` 0 nothing is kept: each check reads its draft afresh (the command line checks each draft once).
 */
export function inProcessAnalysis(maxDocuments = MAX_INCREMENTAL_DOCUMENTS): AnalysisStep {
  const states = new Map<string, DocumentState>();
  const stateFor = (uri: string): DocumentState => {
    const state = states.get(uri) ?? new DocumentState();
    states.delete(uri);
    states.set(uri, state);
    for (const oldest of states.keys()) {
      if (states.size <= maxDocuments) break;
      states.delete(oldest);
    }
    return state;
  };
  return {
    analyse({ uri, text, config, today }) {
      if (maxDocuments <= 0) {
        let root: Root | undefined;
        const result = lint(text, { config, today, parse: (source) => (root = parseDraft(source)) });
        return { lint: result, root };
      }
      const state = stateFor(uri);
      let root: Root | undefined;
      const result = lint(text, {
        config,
        today,
        parse: (source) => (root = state.parser.parse(source)),
        modelCache: state.modelCache,
        lineMemo: state.lineMemo,
      });
      return { lint: result, root };
    },
    forget(uri) {
      states.delete(uri);
    },
  };
}
