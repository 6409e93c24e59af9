// The pure step of a check: text, configuration and date in; tree, model and findings out. Replaceable (a worker, say).
import type { Root } from 'mdast';
import type { ImrConfig } from '../config/schema';
import { IncrementalParser } from '../incremental';
import { lint, type LintResult } from '../lint';

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
