// What the server's features share: the connection, the open documents and the engine's service.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ImrService } from '../../engine/src';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: ImrService;
  docsUri(ruleId: string): string;
}
