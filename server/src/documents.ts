// Which open documents are determinations, and their latest lint result; one incremental parser per document.
import { isDetermination, lint, type ImrConfig, type LintResult } from '../../engine/src';
import { IncrementalParser } from '../../engine/src/incremental';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Analysis {
  uri: string;
  version: number;
  result: LintResult;
}

// Each keystroke re-parses only the blocks it touched; the parser keeps the rest of the document's tree.
// Only the drafts edited most recently keep one (in order of use, oldest first): a reviewer types in one
// or two at a time, and an idle draft's first keystroke costs one full parse, as opening it did.
const parsers = new Map<string, IncrementalParser>();
export const MAX_PARSERS = 8;

/** Lints a document's current text; undefined when it is not a determination. */
export function analyse(document: TextDocument, config: ImrConfig): Analysis | undefined {
  const text = document.getText();
  if (document.languageId !== 'imr' && !isDetermination(text, document.uri, config)) {
    parsers.delete(document.uri);
    return undefined;
  }
  return { uri: document.uri, version: document.version, result: lint(text, { config, parse: parserFor(document.uri).parse }) };
}

/** Drops what is kept for a document once it closes. */
export function forgetDocument(uri: string): void {
  parsers.delete(uri);
}

function parserFor(uri: string): IncrementalParser {
  const parser = parsers.get(uri) ?? new IncrementalParser();
  parsers.delete(uri);
  parsers.set(uri, parser);
  for (const oldest of parsers.keys()) {
    if (parsers.size <= MAX_PARSERS) break;
    parsers.delete(oldest);
  }
  return parser;
}
