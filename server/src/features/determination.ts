// The determination behind an open document for editor features: the latest analysis when current, else a fresh reading.
import {
  buildDetermination,
  DEFAULT_MAX_FILE_SIZE,
  isDetermination,
  LineIndex,
  resolveProfile,
  type Determination,
  type ImrConfig,
  type LintResult,
} from '../../../engine/src';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { currentAnalysis, type ServerContext } from '../context';
import { analyse } from '../documents';

export interface LintedDocument {
  document: TextDocument;
  text: string;
  version: number;
  config: ImrConfig;
  result: LintResult;
  /** Positions in `text`. */
  lines: LineIndex;
}

/** The document's findings and model for its current text; undefined when it is closed or not a determination. */
export async function lintedDocument(context: ServerContext, uri: string): Promise<LintedDocument | undefined> {
  const config = await configurationOf(context, uri);
  const document = context.documents.get(uri);
  if (!document || !config) return undefined;
  const result = currentAnalysis(context, uri)?.result ?? analyse(document, config)?.result;
  if (!result) return undefined;
  const text = document.getText();
  return { document, text, version: document.version, config, result, lines: result.model?.lines ?? new LineIndex(text) };
}

/** The model of the document's current text, without running the rules when no current analysis has it. */
export async function modelOf(context: ServerContext, uri: string): Promise<{ document: TextDocument; model: Determination } | undefined> {
  const config = await configurationOf(context, uri);
  const document = context.documents.get(uri);
  if (!document || !config) return undefined;
  const analysis = currentAnalysis(context, uri);
  if (analysis) return analysis.result.model ? { document, model: analysis.result.model } : undefined;
  const text = document.getText();
  if (document.languageId !== 'imr' && !isDetermination(text, document.uri, config)) return undefined;
  if (text.length > (config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) return undefined;
  return { document, model: buildDetermination(text, (requested) => resolveProfile(requested, config)) };
}

/** The document's configuration; undefined for configuration files and drafts the configuration leaves unchecked. */
async function configurationOf(context: ServerContext, uri: string): Promise<ImrConfig | undefined> {
  if (!context.documents.get(uri) || context.configuration.isConfigurationFile(uri)) return undefined;
  const configuration = await context.configuration.forDocument(uri);
  return configuration.ignored ? undefined : configuration.config;
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
