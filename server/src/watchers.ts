// The client watches `.imrlintrc*` names; a base pulled in by `extends` under another name is watched from here.
import { DidChangeWatchedFilesNotification, type Connection, type Disposable, type InitializeParams } from 'vscode-languageserver/node';
import { uriOfPath } from './host';

const WATCHED_BY_CLIENT = /^\.imrlintrc(?:\.jsonc?)?$/;

export class BaseWatchers {
  private supported = false;
  private readonly watched = new Set<string>();
  private registration?: Promise<Disposable | undefined>;

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.supported = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** Watches the configuration files of a draft that the client's own watcher does not cover. */
  async watch(files: readonly string[]): Promise<void> {
    if (!this.supported) return;
    const fresh = files.filter((file) => !WATCHED_BY_CLIENT.test(baseName(file)) && !this.watched.has(file));
    if (fresh.length === 0) return;
    fresh.forEach((file) => this.watched.add(file));
    const previous = this.registration;
    const watchers = [...this.watched].map((file) => ({
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
