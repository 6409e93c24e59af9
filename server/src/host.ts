// The service's host over LSP: configuration files from disk, settings through workspace/configuration, folders from initialize.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import { nodeFileSystem, toConfigPath, toNativePath, type ImrServiceHost } from '../../engine/src';

export class LspHost implements ImrServiceHost {
  readonly fileSystem = nodeFileSystem;
  private supportsConfiguration = false;
  private folders: string[] = [];
  /** An untrusted workspace's configuration files cannot raise limits; trusted unless the client says otherwise. */
  private workspaceTrusted = true;

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    this.workspaceTrusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.flatMap((uri) => {
      const folder = pathOfUri(uri);
      return folder ? [folder] : [];
    });
  }

  initialized(): void {
    if (this.supportsConfiguration) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'imr' });
  }

  async settings(_path: string | undefined, uri: string | undefined): Promise<Record<string, unknown> | undefined> {
    if (!this.supportsConfiguration) return undefined;
    const settings: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'imr' });
    return settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : undefined;
  }

  trusted(): boolean {
    return this.workspaceTrusted;
  }

  /** The user trusted the workspace (VS Code's `imr/didGrantWorkspaceTrust`). */
  grantTrust(): void {
    this.workspaceTrusted = true;
  }

  workspaceFolders(): readonly string[] {
    return this.folders;
  }

  log(message: string): void {
    this.connection.console.error(message);
  }
}

/** The service's path of a `file:` URI; undefined for any other scheme (untitled, virtual). */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return toConfigPath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function uriOfPath(path: string): string {
  return pathToFileURL(toNativePath(path)).toString();
}
