// File watchers the server asks the editor for (didChangeWatchedFiles, registered dynamically): configuration files
// by their names, a base pulled in by `extends` under another name, and, where diagnostics are pulled, the drafts.
import { DidChangeWatchedFilesNotification, type Connection, type Disposable, type FileSystemWatcher } from 'vscode-languageserver/node';
import type { ClientFeatures } from './client';
import { uriOfPath } from './host';

/** Configuration files by name, one glob each (not every client's globs take an empty alternative in braces). */
const CONFIGURATION_GLOBS = ['**/.imrlintrc', '**/.imrlintrc.json', '**/.imrlintrc.jsonc', '**/.imrlintrc.*.json'];
const WATCHED_BY_NAME = /^\.imrlintrc(?:\.jsonc?|\..+\.json)?$/;
const DRAFTS_GLOB = '**/*.md';

export class Watchers {
  private readonly bases = new Set<string>();
  private registration?: Promise<Disposable | undefined>;

  constructor(
    private readonly connection: Connection,
    private readonly client: ClientFeatures,
  ) {}

  /** After initialized: configuration files, and the drafts when the editor pulls diagnostics (closed drafts' results go stale when they change). */
  initialized(): void {
    if (!this.client.watchesFiles) return;
    const watchers: FileSystemWatcher[] = CONFIGURATION_GLOBS.map((globPattern) => ({ globPattern }));
    if (this.client.pullsDiagnostics) watchers.push({ globPattern: DRAFTS_GLOB });
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }

  /** Whether a changed file is configuration: a configuration file by its name, or a base watched by its path. */
  isConfiguration(path: string): boolean {
    return WATCHED_BY_NAME.test(baseName(path)) || this.bases.has(path);
  }

  /** Watches the configuration files of a draft that the watchers by name do not cover. */
  async watch(files: readonly string[]): Promise<void> {
    if (!this.client.watchesFiles) return;
    const fresh = files.filter((file) => !WATCHED_BY_NAME.test(baseName(file)) && !this.bases.has(file));
    if (fresh.length === 0) return;
    fresh.forEach((file) => this.bases.add(file));
    const previous = this.registration;
    const watchers = [...this.bases].map((file) => ({
      globPattern: { baseUri: uriOfPath(folderOf(file)), pattern: escapeGlob(baseName(file)) },
    }));
    this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    (await previous)?.dispose();
  }
}

function folderOf(path: string): string {
  const folder = path.slice(0, path.lastIndexOf('/'));
  // The root keeps its slash: "/" and "c:/".
  return folder === '' || folder.endsWith(':') ? `${folder}/` : folder;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function escapeGlob(name: string): string {
  return name.replace(/[*?[\]{}()!]/g, '[$&]');
}
