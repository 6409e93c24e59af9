// The preview lints in the client, with what the language server uses: the .imrlintrc files beside the draft
// over the "imr" settings, so its summary agrees with the Problems panel.
import * as vscode from 'vscode';
import type { ImrConfig } from '../../../engine/src';
import { ConfigLoader } from '../../../engine/src/config/load';
import { nodeConfigHost, toConfigPath } from '../../../engine/src/config/node';
import { SETTINGS_KEYS } from '../../../engine/src/config/schema';
import { readSettings } from '../../../engine/src/config/settings';

export const CONFIG_FILES_GLOB = '**/.imrlintrc{,.json,.jsonc}';

export class PreviewConfiguration implements vscode.Disposable {
  private readonly loader = new ConfigLoader(nodeConfigHost);
  private readonly watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILES_GLOB);
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a configuration file or the settings change. */
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const changed = (): void => {
      this.loader.invalidate();
      this.emitter.fire();
    };
    this.subscriptions = [
      this.watcher,
      this.emitter,
      this.watcher.onDidCreate(changed),
      this.watcher.onDidChange(changed),
      this.watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('imr')) this.emitter.fire();
      }),
    ];
  }

  /** An invalid configuration lints with the defaults, as in the server, which reports the problems. */
  async for(document: vscode.TextDocument): Promise<ImrConfig> {
    const section = vscode.workspace.getConfiguration('imr', document.uri);
    const values: Record<string, unknown> = {};
    for (const key of SETTINGS_KEYS) values[key] = section.get<unknown>(key);
    const file = document.uri.scheme === 'file' ? toConfigPath(document.uri.fsPath) : undefined;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri;
    const root = folder?.scheme === 'file' ? toConfigPath(folder.fsPath) : undefined;
    try {
      const effective = await this.loader.resolve(file ?? '/untitled', {
        root,
        settings: readSettings(values),
        settingsBase: root,
        discover: file !== undefined,
        trusted: vscode.workspace.isTrusted,
      });
      return effective.config;
    } catch {
      return {};
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
