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
const parsers = new Map<string, IncrementalParser>();

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
  let parser = parsers.get(uri);
  if (!parser) {
    parser = new IncrementalParser();
    parsers.set(uri, parser);
  }
  return parser;
}
