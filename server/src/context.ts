// What the server's features share: the connection, the open documents, the engine's service and what the editor can do.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ImrService } from '../../engine/src';
import type { ClientFeatures } from './client';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: ImrService;
  /** Filled in by initialize, before any feature is asked for anything. */
  client: ClientFeatures;
  docsUri(ruleId: string): string;
}
