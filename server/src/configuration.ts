// Configuration per document: VS Code settings under "imr", validated with the engine's schema.
import { configSchema, type ImrConfig } from '../../engine/src';
import { DiagnosticSeverity, DidChangeConfigurationNotification, type Connection, type Diagnostic, type InitializeParams } from 'vscode-languageserver/node';

export interface DocumentConfiguration {
  config: ImrConfig;
  /** Problems with the configuration, shown in the drafts it governs. */
  diagnostics: Diagnostic[];
}

type Listener = () => void;

export class ConfigurationStore {
  private supportsWorkspaceConfiguration = false;
  private readonly listeners: Listener[] = [];
  private readonly cache = new Map<string, Promise<DocumentConfiguration>>();

  constructor(private readonly connection: Connection) {
    connection.onDidChangeConfiguration(() => this.changed());
  }

  initialize(params: InitializeParams): void {
    this.supportsWorkspaceConfiguration = params.capabilities.workspace?.configuration === true;
  }

  initialized(): void {
    if (this.supportsWorkspaceConfiguration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'imr' });
    }
  }

  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  changed(): void {
    this.cache.clear();
    for (const listener of this.listeners) listener();
  }

  forDocument(uri: string): Promise<DocumentConfiguration> {
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.load(uri);
      this.cache.set(uri, pending);
    }
    return pending;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string): Promise<DocumentConfiguration> {
    if (!this.supportsWorkspaceConfiguration) return { config: {}, diagnostics: [] };
    const settings = (await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'imr' })) as Record<string, unknown> | null;
    return fromSettings(settings ?? {});
  }
}

/** Settings use the same shape as configuration files; an invalid setting is reported, not ignored. */
export function fromSettings(settings: Record<string, unknown>): DocumentConfiguration {
  const candidate: Record<string, unknown> = {};
  for (const key of ['profile', 'rules', 'profiles', 'privacy', 'maxFileSize'] as const) {
    const value = settings[key];
    const empty = value === null || value === undefined || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0);
    if (!empty) candidate[key] = value;
  }
  const parsed = configSchema.safeParse(candidate);
  if (parsed.success) return { config: parsed.data, diagnostics: [] };
  const reasons = parsed.error.issues.map((issue) => `imr.${issue.path.join('.')}: ${issue.message}`).join('; ');
  return {
    config: {},
    diagnostics: [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        source: 'imr',
        code: 'configuration',
        message: `The "imr" settings are invalid and were ignored; the defaults apply. ${reasons}`,
      },
    ],
  };
}
