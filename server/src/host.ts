// The service's host over LSP: configuration files from disk, settings as the editor gives them, folders from initialize.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import { nodeFileSystem, toConfigPath, toNativePath, type FileSystemHost, type ImrServiceHost } from '../../engine/src';
import { settingsGiven } from './settings';

export class LspHost implements ImrServiceHost {
  private supportsConfiguration = false;
  private registersConfigurationChanges = false;
  private folders: string[] = [];
  /** An untrusted workspace's configuration files cannot raise limits; trusted unless the client says otherwise. */
  private workspaceTrusted = true;
  /** The settings the editor gave without being asked: in initializationOptions, then in each didChangeConfiguration. */
  private given?: Record<string, unknown>;

  constructor(
    private readonly connection: Connection,
    readonly fileSystem: FileSystemHost = nodeFileSystem,
  ) {}

  initialize(params: InitializeParams): void {
    this.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    this.registersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.given = settingsGiven(params.initializationOptions);
    this.workspaceTrusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.flatMap((uri) => {
      const folder = pathOfUri(uri);
      return folder ? [folder] : [];
    });
  }

  initialized(): void {
    // The editor then says when "imr" changes; one that cannot register sends didChangeConfiguration on its own.
    if (this.supportsConfiguration && this.registersConfigurationChanges) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'imr' }).catch(() => undefined);
    }
  }

  /** workspace/didChangeConfiguration: settings that give no `imr` object and no setting leave them as they were. */
  didChangeConfiguration(settings: unknown): void {
    this.given = settingsGiven(settings) ?? this.given;
  }

  /**
   * The editor's answer to workspace/configuration for "imr" when it has that request and answers with an
   * object; otherwise the settings it gave (Neovim 0.7 has no such request; Helix answers nothing for a section
   * its `config` does not hold).
   */
  async settings(_path: string | undefined, uri: string | undefined): Promise<Record<string, unknown> | undefined> {
    if (this.supportsConfiguration) {
      const settings: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'imr' });
      if (settings && typeof settings === 'object' && !Array.isArray(settings)) return settings as Record<string, unknown>;
    }
    return this.given;
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
