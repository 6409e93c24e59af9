// The benchmark's LSP client: the tests' stdio harness, plus waiting on a version and reading memory.
import { readFileSync } from 'node:fs';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { startServer, type LspSession } from '../test/support/lsp';

export interface BenchServer extends Omit<LspSession, 'diagnostics'> {
  /** Resolves with the next diagnostics for `uri` at `version` (any version when omitted). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Resident and peak resident memory of the server process, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number } | undefined;
}

/** `debounceMs` undefined leaves the server's own default in place; `bundle` runs another build of the server. */
export async function startBenchServer(options: { debounceMs?: number; bundle?: string } = {}): Promise<BenchServer> {
  const session = await startServer({ debounceMs: options.debounceMs ?? 'default', bundle: options.bundle });
  return {
    ...session,
    diagnostics: (uri, version) => session.diagnostics(uri, (params) => version === undefined || params.version === version),
    memory() {
      try {
        const status = readFileSync(`/proc/${session.process.pid}/status`, 'utf8');
        const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
        return { rss: field('VmRSS'), peak: field('VmHWM') };
      } catch {
        return undefined;
      }
    },
  };
}
