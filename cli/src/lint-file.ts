// Checking one draft from the command line: its configuration, reading it, the engine's check and its fixes.
// Several drafts are on their way at once (jobs.ts), so what it says is returned, in order, never printed.
import { createHash } from 'node:crypto';
import { DEFAULT_MAX_FILE_SIZE, tooLargeFindings, type CheckResult, type Finding, type ImrConfig, type ImrService } from '../../engine/src';
import type { CachedFile } from './cache';
import { cliService, draftDocument, loadCliConfig } from './config';
import { readDraft } from './files';
import { displayPath } from './terminal';
import { writeFixedDraft, type DraftAsRead } from './write';

/** How every draft of the run is checked. */
export interface LintRunOptions {
  /** The configuration file named on the command line, which replaces discovery. */
  config?: string;
  fix: boolean;
  /** Results are kept by what they depend on (see cache.ts): compute each draft's key. */
  cache: boolean;
  /** The engine that checks, as the cache names it. */
  engine: string;
  /** Today's date (ISO), which the date checks compare with. */
  today: string;
}

export interface FileTask {
  file: string;
  /** Found by searching a directory or a glob (checked only when it is a determination), not named. */
  searched: boolean;
  /** What the cache holds for this file, if anything. */
  cached?: CachedFile;
}

/** A message for stderr, in the order the drafts come; `once` messages are printed once per run. */
export interface Notice {
  text: string;
  once?: boolean;
}

export interface FileOutcome {
  /** The draft's findings (before --quiet), when it was checked. */
  report?: { file: string; findings: Finding[] };
  notices: Notice[];
  /** Bad usage, an unreadable file or an invalid configuration: the run exits 2. */
  usage: boolean;
  /** The configuration named with --config is invalid: nothing more is checked. */
  stop?: boolean;
  /** What to keep in the cache for this file from now on. */
  cache?: CachedFile;
}

/** Checks one draft, or takes its findings from the cache when nothing they depend on has changed. */
export async function lintFile(task: FileTask, options: LintRunOptions): Promise<FileOutcome> {
  const { file, searched } = task;
  const notices: Notice[] = [];
  const loaded = await loadCliConfig(file, options.config, (message) => notices.push({ text: `warning: ${message}`, once: true }));
  if (!loaded.ok) {
    // An invalid --config is bad usage: nothing is checked. A discovered one is reported once and the defaults apply.
    if (options.config) return { notices: [...notices, { text: loaded.message }], usage: true, stop: true };
    notices.push({ text: `${loaded.message}; the defaults apply`, once: true });
  }
  const usage = !loaded.ok;
  const config: ImrConfig = loaded.ok ? loaded.config : {};
  // An ignored draft is never opened: a link to a device there costs nothing.
  if (loaded.ok && loaded.ignored) return { notices, usage };
  const limit = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const read = readDraft(file, limit);
  if (!read.ok && read.tooLarge !== undefined) {
    // Too large to be read, so too large to tell whether it is a determination: a search only mentions it.
    if (searched) return { notices: [...notices, { text: `warning: ${displayPath(file)} was not checked: it ${read.reason}` }], usage };
    return { notices, usage, report: { file, findings: [...tooLargeFindings(`${read.tooLarge.toLocaleString('en-US')} bytes`, limit, config)] } };
  }
  if (!read.ok) return { notices: [...notices, { text: `${displayPath(file)} ${read.reason}` }], usage: true };

  // Results are kept only for drafts checked with a configuration that could be read.
  const key = options.cache && loaded.ok ? cacheKey(read.text, config, searched, options) : undefined;
  const cached = key !== undefined && task.cached?.key === key ? task.cached : undefined;
  // --fix rechecks a draft whose kept findings have fixes, to apply them.
  if (cached && !(options.fix && cached.findings?.some((finding) => finding.fix))) {
    return { notices, usage, report: cached.findings ? { file, findings: cached.findings } : undefined, cache: cached };
  }

  const service = cliService(options.config);
  // As in the editor, Markdown found by a search is checked only when it is a determination.
  const document = draftDocument(file, read.text, !searched);
  const result = await service.check(document);
  service.closeDocument(document.uri);
  if (!result) return { notices, usage, cache: key === undefined ? undefined : { key } };
  let findings = result.findings;
  // A check stopped over its budget says nothing of the draft's findings another time: it is not kept.
  let keep = result.stopped ? undefined : key;
  // Fixes are never written with a configuration that could not be read.
  if (options.fix && loaded.ok) {
    const fixed = await fixFile(service, file, read, result);
    findings = fixed.findings;
    if (fixed.stopped) notices.push({ text: fixed.stopped });
    if (fixed.error) return { notices: [...notices, { text: fixed.error }], usage: true, report: { file, findings } };
    // The findings left are those of the text now in the file.
    if (key !== undefined && fixed.written !== undefined) keep = cacheKey(fixed.written, config, searched, options);
  }
  return { notices, usage, report: { file, findings }, cache: keep === undefined ? undefined : { key: keep, findings } };
}

/** Applies every obvious fix (pass after pass, as the editor's fix-all does), then writes the file once; a refusal is reported. */
async function fixFile(
  service: ImrService,
  file: string,
  read: DraftAsRead & { text: string; bom: string },
  result: CheckResult,
): Promise<{ findings: Finding[]; written?: string; error?: string; stopped?: string }> {
  const fixed = await service.fixAll(result);
  // Stopped over budget: nothing was fixed, and the finding says why.
  if (fixed.stopped) return { findings: fixed.remaining, stopped: `${displayPath(file)} was not fixed: ${fixed.stopped.message}` };
  if (fixed.text === read.text) return { findings: fixed.remaining };
  const outcome = writeFixedDraft(file, read, fixed.text);
  if (outcome.written) return { findings: fixed.remaining, written: fixed.text };
  return { findings: result.findings, error: `${displayPath(file)} ${outcome.reason}` };
}

/** What a draft's findings depend on: its text, its configuration, whether it was named, the engine and the date. */
function cacheKey(text: string, config: ImrConfig, searched: boolean, options: LintRunOptions): string {
  return createHash('sha256')
    .update(`${options.engine}\n${options.today}\n${searched ? 'searched' : 'named'}\n${configText(config)}\n`)
    .update(text)
    .digest('base64url');
}

const configTexts = new WeakMap<ImrConfig, string>();

/** A configuration as text, once per configuration (discovery returns the same object for every draft of a folder). */
function configText(config: ImrConfig): string {
  let text = configTexts.get(config);
  if (text === undefined) configTexts.set(config, (text = JSON.stringify(config)));
  return text;
}
