// The pure step of a check: text, configuration and date in; tree, model and findings out. Replaceable (a worker, say).
import type { Root } from 'mdast';
import type { ImrConfig } from '../config/schema';
import { IncrementalParser } from '../incremental';
import { lint, type LintResult } from '../lint';
import { parseMarkdown } from '../parse';
import { ModelCache } from '../model/cache';
import { LineMemo } from '../rules/line-memo';

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
}

export interface AnalysisStep {
  analyse(request: AnalysisRequest): Analysis | Promise<Analysis>;
  /** The document closed or stopped being a determination: drop what is kept for it. */
  forget(uri: string): void;
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
        const result = lint(text, { config, today, parse: (source) => (root = parseMarkdown(source)) });
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
