// Open documents as the service sees them, and their checks for the editor features.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult, ImrDocument } from '../../engine/src';
import type { ServerContext } from './context';
import { pathOfUri } from './host';

export function imrDocument(document: Pick<TextDocument, 'uri' | 'languageId' | 'getText'> & { version?: number }): ImrDocument {
  return { uri: document.uri, path: pathOfUri(document.uri), languageId: document.languageId, version: document.version, text: document.getText() };
}

/** The check of an open document's current text; undefined when it is closed or no determination the configuration checks. */
export async function checkOf(context: ServerContext, uri: string): Promise<CheckResult | undefined> {
  const document = context.documents.get(uri);
  return document ? context.service.check(imrDocument(document)) : undefined;
}

/** Runs a request handler; a failure is logged and answered with `fallback`, never left to break the editor. */
export async function guarded<T>(context: ServerContext, feature: string, fallback: T, handler: () => Promise<T> | T): Promise<T> {
  try {
    return await handler();
  } catch (error) {
    context.connection.console.error(`imr: ${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
