// Configuration per document: .imrlintrc files beside the draft over the "imr" settings, validated with the engine's schema.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Connection,
  type Diagnostic,
  type Disposable,
  type InitializeParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ImrConfig } from '../../engine/src';
import { ConfigLoader, isChecked, isConfigFileName, type ConfigHost } from '../../engine/src/config/load';
import { nodeConfigHost, toConfigPath, toNativePath } from '../../engine/src/config/node';
import { basename, relativeTo } from '../../engine/src/config/paths';
import { configurationNotices, formatJsonPath, type ConfigProblem } from '../../engine/src/config/problems';
import { readSettings } from '../../engine/src/config/settings';

export interface DocumentConfiguration {
  config: ImrConfig;
  /** Problems with the configuration, shown in the drafts it governs. */
  diagnostics: Diagnostic[];
  /** The configuration's `include`/`ignore` leave the draft unchecked. */
  ignored: boolean;
}

type Listener = () => void;

/** Sent by the client when the user trusts the workspace. */
export const TRUST_GRANTED = 'imr/didGrantWorkspaceTrust';

const ORIGIN = { line: 0, character: 0 };

export class ConfigurationStore {
  private supportsWorkspaceConfiguration = false;
  private supportsWatcherRegistration = false;
  private workspaceFolders: string[] = [];
  /** False when the client says the workspace is not trusted: its files cannot raise limits. */
  private trusted = true;
  private readonly listeners: Listener[] = [];
  private readonly cache = new Map<string, Promise<DocumentConfiguration>>();
  private readonly loader = new ConfigLoader(nodeConfigHost);
  /** Bumped on every change, so no caller receives a configuration older than the latest change. */
  private generation = 0;
  /** Files pulled in by `extends` under names the client does not watch. */
  private readonly watchedBases = new Set<string>();
  private baseWatcher?: Promise<Disposable | undefined>;

  constructor(private readonly connection: Connection) {
    connection.onDidChangeConfiguration(() => this.changed());
    connection.onDidChangeWatchedFiles(() => this.changed());
    connection.onNotification(TRUST_GRANTED, () => this.trust());
  }

  initialize(params: InitializeParams): void {
    const workspace = params.capabilities.workspace;
    this.supportsWorkspaceConfiguration = workspace?.configuration === true;
    this.supportsWatcherRegistration = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folders.flatMap((uri) => {
      const folder = uriToPath(uri);
      return folder ? [folder] : [];
    });
  }

  initialized(): void {
    if (this.supportsWorkspaceConfiguration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'imr' });
    }
  }

  /** The user trusted the workspace: its configuration files may now raise limits. */
  trust(): void {
    if (this.trusted) return;
    this.trusted = true;
    this.changed();
  }

  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Settings or a configuration file changed: forget everything read and re-validate. */
  changed(): void {
    this.generation++;
    this.loader.invalidate();
    this.cache.clear();
    for (const listener of this.listeners) listener();
  }

  async forDocument(uri: string): Promise<DocumentConfiguration> {
    for (;;) {
      const generation = this.generation;
      let pending = this.cache.get(uri);
      if (!pending) {
        pending = this.load(uri);
        this.cache.set(uri, pending);
      }
      const configuration = await pending;
      if (generation === this.generation) return configuration;
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** `.imrlintrc`, `.imrlintrc.json`, `.imrlintrc.jsonc` and shared bases named `.imrlintrc.<name>.json`. */
  isConfigurationFile(uri: string): boolean {
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    return isConfigFileName(name) || /^\.imrlintrc\..+\.jsonc?$/.test(name);
  }

  /** Diagnostics for an open configuration file, from its current text, each at the offending JSON node. */
  async diagnoseConfigurationFile(document: TextDocument): Promise<Diagnostic[]> {
    const file = uriToPath(document.uri) ?? '/untitled/.imrlintrc.json';
    const text = document.getText();
    const overlay: ConfigHost = {
      readFile: (candidate) => (candidate === file ? Promise.resolve(text) : nodeConfigHost.readFile(candidate)),
      exists: (candidate) => (candidate === file ? Promise.resolve(true) : nodeConfigHost.exists(candidate)),
    };
    let problems: ConfigProblem[];
    try {
      problems = await new ConfigLoader(overlay).diagnose(file, { root: this.rootOf(file), trusted: this.trusted });
    } catch (error) {
      this.connection.console.error(`imr: could not check configuration ${document.uri}: ${describeError(error)}`);
      return [];
    }
    return problems.map((problem) => ({
      range: problem.range ?? { start: ORIGIN, end: ORIGIN },
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'imr',
      code: 'configuration',
      message: problem.path.length > 0 ? `${formatJsonPath(problem.path)}: ${problem.message}` : problem.message,
    }));
  }

  private async load(uri: string): Promise<DocumentConfiguration> {
    try {
      return await this.resolve(uri);
    } catch (error) {
      this.connection.console.error(`imr: could not load the configuration for ${uri}: ${describeError(error)}`);
      const message = `The configuration for this draft could not be loaded (${describeError(error)}); the defaults apply.`;
      return {
        config: {},
        ignored: false,
        diagnostics: [{ range: { start: ORIGIN, end: ORIGIN }, severity: DiagnosticSeverity.Warning, source: 'imr', code: 'configuration', message }],
      };
    }
  }

  private async resolve(uri: string): Promise<DocumentConfiguration> {
    const settings = readSettings(await this.settingsFor(uri));
    const file = uriToPath(uri);
    const root = file ? this.rootOf(file) : undefined;
    const effective = await this.loader.resolve(file ?? '/untitled', {
      root,
      settings,
      settingsBase: root,
      discover: file !== undefined,
      trusted: this.trusted,
    });
    void this.watchBases(effective.files);
    return {
      config: effective.config,
      diagnostics: this.notices(effective.problems, root),
      ignored: file !== undefined && !isChecked(effective, file),
    };
  }

  private async settingsFor(uri: string): Promise<Record<string, unknown>> {
    if (!this.supportsWorkspaceConfiguration) return {};
    try {
      const settings: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'imr' });
      return settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {};
    } catch (error) {
      this.connection.console.error(`imr: could not read the "imr" settings: ${describeError(error)}`);
      return {};
    }
  }

  private notices(problems: readonly ConfigProblem[], root: string | undefined): Diagnostic[] {
    const display = (file: string): string => (root !== undefined ? relativeTo(root, file) : undefined) ?? toNativePath(file);
    return configurationNotices(problems, display).map((notice) => ({
      range: { start: ORIGIN, end: ORIGIN },
      severity: notice.severity === 'error' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      source: 'imr',
      code: 'configuration',
      message: notice.message,
    }));
  }

  /** The innermost workspace folder holding the file; discovery stops there. */
  private rootOf(file: string): string | undefined {
    return this.workspaceFolders.filter((folder) => relativeTo(folder, file) !== undefined).sort((a, b) => b.length - a.length)[0];
  }

  /** The client watches `.imrlintrc*` names; a base pulled in by `extends` under another name is watched here. */
  private async watchBases(files: readonly string[]): Promise<void> {
    if (!this.supportsWatcherRegistration) return;
    const fresh = files.filter((file) => !isConfigFileName(basename(file)) && !this.watchedBases.has(file));
    if (fresh.length === 0) return;
    fresh.forEach((file) => this.watchedBases.add(file));
    const previous = this.baseWatcher;
    const watchers = [...this.watchedBases].map((file) => ({
      globPattern: { baseUri: pathToFileURL(path.dirname(toNativePath(file))).toString(), pattern: escapeGlob(basename(file)) },
    }));
    this.baseWatcher = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    (await previous)?.dispose();
  }
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return toConfigPath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function escapeGlob(name: string): string {
  return name.replace(/[*?[\]{}()!]/g, '[$&]');
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
