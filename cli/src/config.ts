// Configuration for the command line: the .imrlintrc files found beside each draft, or the one --config names.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createImrService, nodeFileSystem, toConfigPath, toNativePath, type ImrConfig, type ImrDocument, type ImrService } from '../../engine/src';
import { checkingThreads } from './checking';
import { printError } from './terminal';

export type CliConfig = { ok: true; config: ImrConfig; ignored: boolean } | { ok: false; message: string };

/** The date a run checks against (ISO), taken once: every draft and the cache agree on it, however long the run. */
const runDate = new Date().toISOString().slice(0, 10);

/** The date this run checks against. */
export function getRunDate(): string {
  return runDate;
}

// One run reads each configuration file once: one service per --config (or none).
const services = new Map<string | undefined, ImrService>();
const warned = new Set<string>();

/**
 * The service for this run. Discovery walks up from the draft's folder and stops at a file with `"root": true`,
 * at the first folder holding `.git`, or at the file-system root; `explicit` replaces discovery.
 */
export function cliService(explicit: string | undefined): ImrService {
  let service = services.get(explicit);
  if (!service) {
    service = createImrService(
      { fileSystem: nodeFileSystem },
      {
        configFile: explicit === undefined ? undefined : toConfigPath(explicit),
        displayPath: display,
        // In a checking thread, under the budget of one check per draft.
        analysis: checkingThreads(),
        // One date for the whole run, in every thread.
        today: () => runDate,
      },
    );
    services.set(explicit, service);
  }
  return service;
}

/** A draft as the service sees it; a file named on the command line is checked whatever it holds. */
export function draftDocument(file: string, text: string, named: boolean): ImrDocument {
  return { uri: pathToFileURL(file).toString(), path: toConfigPath(file), languageId: named ? 'imr' : 'markdown', text };
}

/** The draft as one self-contained HTML letter, checked with its configuration. */
export async function exportLetter(explicit: string | undefined, file: string, text: string, printSummary: boolean): Promise<string> {
  const service = cliService(explicit);
  const document = draftDocument(file, text, true);
  try {
    return await service.exportHtml(document, { fileName: file, printSummary });
  } finally {
    service.closeDocument(document.uri);
  }
}

/** Prints a configuration warning, once per run. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  printError(`warning: ${message}`);
}

/** An invalid configuration is an error with its reasons; warnings go to `warn` (by default printed once per run). */
export async function loadCliConfig(file: string, explicit: string | undefined, warn: (message: string) => void = warnOnce): Promise<CliConfig> {
  const configuration = await cliService(explicit).configuration(draftDocument(file, '', true));
  if (!configuration.valid) {
    return {
      ok: false,
      message: configuration.messages
        .filter((source) => source.severity === 'error')
        .map((source) => source.message)
        .join('\n'),
    };
  }
  for (const { message } of configuration.messages) warn(message);
  return { ok: true, config: configuration.config, ignored: configuration.ignored };
}

/** Paths in messages as the user typed them: relative to the working folder when inside it. */
function display(file: string): string {
  const native = toNativePath(file);
  const relative = path.relative(process.cwd(), native);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : native;
}
