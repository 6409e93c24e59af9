// Which documents are determinations: the one place that decides, for the server, the client and the CLI.
import { isConfigFileName } from '../config/load';
import type { ImrConfig } from '../config/schema';
import { isDetermination } from '../detect';
import { nameOf, type DocumentRef } from './documents';

export interface GateInput extends DocumentRef {
  languageId?: string;
  text: string;
}

/**
 * A document in language 'imr' is a determination; so is Markdown named `*.imr.md`, Markdown whose front
 * matter names a `profile:`, and Markdown with two section titles of a profile (built-in or from `config`).
 */
export function isDeterminationDocument(document: GateInput, config: ImrConfig = {}): boolean {
  if (document.languageId === 'imr') return true;
  if (document.languageId !== undefined && document.languageId !== 'markdown') return false;
  if (isConfigurationFile(document)) return false;
  return isDetermination(document.text, nameOf(document), config);
}

/** `.imrlintrc`, `.imrlintrc.json`, `.imrlintrc.jsonc` and shared bases named `.imrlintrc.<name>.json`: configuration, never a draft. */
export function isConfigurationFile(document: DocumentRef): boolean {
  const name = nameOf(document);
  return isConfigFileName(name) || /^\.imrlintrc\..+\.jsonc?$/.test(name);
}
