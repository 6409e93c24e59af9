// Which open documents are determinations, and their latest lint result.
import { isDetermination, lint, type ImrConfig, type LintResult } from '../../engine/src';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Analysis {
  uri: string;
  version: number;
  result: LintResult;
}

/** Lints a document's current text; undefined when it is not a determination. */
export function analyse(document: TextDocument, config: ImrConfig): Analysis | undefined {
  const text = document.getText();
  if (document.languageId !== 'imr' && !isDetermination(text, document.uri, config)) return undefined;
  return { uri: document.uri, version: document.version, result: lint(text, { config }) };
}
