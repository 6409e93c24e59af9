// The configuration of each document: .imrlintrc files beside it over the `imr.*` settings, resolved once per change.
import { ConfigLoader, isChecked, type ConfigHost } from '../config/load';
import { relativeTo } from '../config/paths';
import { configurationNotices, describeSources, formatJsonPath, type ConfigProblem } from '../config/problems';
import type { ImrConfig } from '../config/schema';
import type { Range } from '../text';
import { readSettings } from '../config/settings';
import type { DocumentRef } from './documents';
import type { ImrServiceHost } from './host';

/** What is wrong with one configuration source (a file, or the settings), in words. */
export interface ConfigurationMessage {
  severity: 'error' | 'warning';
  /** "Configuration drafts/.imrlintrc.json is invalid: rules.ph: unknown rule ..." */
  message: string;
  /** The same as a draft shows it: "...; the defaults apply." for an error. */
  notice: string;
}

export interface DocumentConfiguration {
  /** What the draft is checked with: the merged configuration, or the defaults ({}) when a source is invalid. */
  config: ImrConfig;
  valid: boolean;
  /** `include` and `ignore` leave the draft unchecked. */
  ignored: boolean;
  /** Every configuration file that applies, farthest first (bases before the files that extend them). */
  files: string[];
  problems: ConfigProblem[];
  /** One message per source with problems. */
  messages: ConfigurationMessage[];
}

/** A problem of a configuration file, as the file itself shows it. */
export interface ConfigurationFileProblem {
  severity: 'error' | 'warning';
  /** "rules.phi: \"warn\" is not a severity; write \"warning\"" */
  message: string;
  /** The offending JSON node; undefined for the file as a whole. */
  range?: Range;
}

export interface ConfigurationOptions {
  /** A configuration file to use instead of those found beside drafts (the command line's `--config`). */
  configFile?: string;
  /** How a configuration file outside the draft's workspace folder is named in messages; default: its path. */
  displayPath?(path: string): string;
}

/** Where a draft with no place on disk is resolved from: settings only, no files. */
const NOWHERE = '/untitled';

export class Configurations {
  private readonly loader: ConfigLoader;
  private readonly cache = new Map<string, Promise<DocumentConfiguration>>();
  /** Bumped on every change, so no caller receives a configuration older than the latest change. */
  private generation = 0;

  constructor(
    private readonly host: ImrServiceHost,
    private readonly options: ConfigurationOptions,
  ) {
    this.loader = new ConfigLoader(host.fileSystem);
  }

  /** Settings or a configuration file changed: everything read is read again. */
  changed(): void {
    this.generation++;
    this.loader.invalidate();
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The configuration of a document; never throws: what could not be loaded is a message, and the defaults apply. */
  async of(document: DocumentRef): Promise<DocumentConfiguration> {
    for (;;) {
      const generation = this.generation;
      let pending = this.cache.get(document.uri);
      if (!pending) {
        pending = this.load(document);
        this.cache.set(document.uri, pending);
      }
      const configuration = await pending;
      if (generation === this.generation) return configuration;
    }
  }

  /** The problems of a configuration file's current text, as the file itself shows them (each at its JSON node). */
  async diagnose(path: string, text: string): Promise<ConfigurationFileProblem[]> {
    const files = this.host.fileSystem;
    const overlay: ConfigHost = {
      readFile: (candidate) => (candidate === path ? Promise.resolve(text) : files.readFile(candidate)),
      exists: (candidate) => (candidate === path ? Promise.resolve(true) : files.exists(candidate)),
    };
    let problems: ConfigProblem[];
    try {
      problems = await new ConfigLoader(overlay).diagnose(path, { root: this.rootOf(path), trusted: this.host.trusted?.() ?? true });
    } catch (error) {
      this.host.log?.(`imr: could not check configuration ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
    return problems.map((problem) => ({
      severity: problem.severity,
      message: problem.path.length > 0 ? `${formatJsonPath(problem.path)}: ${problem.message}` : problem.message,
      range: problem.range,
    }));
  }

  private async load(document: DocumentRef): Promise<DocumentConfiguration> {
    try {
      return await this.resolve(document);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.host.log?.(`imr: could not load the configuration for ${document.uri}: ${reason}`);
      const message = `The configuration for this draft could not be loaded (${reason})`;
      return {
        config: {},
        valid: false,
        ignored: false,
        files: [],
        problems: [],
        messages: [{ severity: 'error', message, notice: `${message}; the defaults apply.` }],
      };
    }
  }

  private async resolve(document: DocumentRef): Promise<DocumentConfiguration> {
    const path = document.path;
    const root = path !== undefined ? this.rootOf(path) : undefined;
    const raw = this.options.configFile === undefined ? await this.settings(document) : undefined;
    const effective = await this.loader.resolve(path ?? NOWHERE, {
      root,
      explicit: this.options.configFile,
      settings: raw === undefined ? undefined : readSettings(raw),
      settingsBase: root,
      discover: path !== undefined,
      trusted: this.host.trusted?.() ?? true,
    });
    const display = (file: string): string => (root !== undefined ? relativeTo(root, file) : undefined) || (this.options.displayPath?.(file) ?? file);
    const notices = configurationNotices(effective.problems, display);
    return {
      config: effective.config,
      valid: effective.valid,
      ignored: path !== undefined && !isChecked(effective, path),
      files: effective.files,
      problems: effective.problems,
      messages: describeSources(effective.problems, display).map((source, index) => ({ ...source, notice: notices[index].message })),
    };
  }

  private async settings(document: DocumentRef): Promise<Record<string, unknown> | undefined> {
    if (!this.host.settings) return undefined;
    try {
      const settings = await this.host.settings(document.path, document.uri);
      return settings && typeof settings === 'object' ? settings : undefined;
    } catch (error) {
      this.host.log?.(`imr: could not read the "imr" settings: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The innermost workspace folder holding the path; discovery stops there. */
  private rootOf(path: string): string | undefined {
    const folders = this.host.workspaceFolders?.() ?? [];
    return folders.filter((folder) => relativeTo(folder, path) !== undefined).sort((a, b) => b.length - a.length)[0];
  }
}
