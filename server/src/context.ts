// What the server's features share: the open documents and their latest analyses.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigurationStore } from './configuration';
import type { Analysis } from './documents';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The latest analysis of each open determination, by URI. */
  analyses: Map<string, Analysis>;
  configuration: ConfigurationStore;
  docsUri(ruleId: string): string;
}

/** The analysis of a document if it matches the document's current version. */
export function currentAnalysis(context: ServerContext, uri: string): Analysis | undefined {
  const analysis = context.analyses.get(uri);
  const document = context.documents.get(uri);
  return analysis && document && analysis.version === document.version ? analysis : undefined;
}
