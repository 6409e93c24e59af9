import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';

export declare const CODE_SERVER_VERSION: string;
export declare const CHROMIUM_PATH: string;
export declare const DEFAULT_SETTINGS: Readonly<Record<string, unknown>>;
export declare function codeServerDir(): string;
export declare function codeServerPath(): string;
export declare function freePort(): Promise<number>;

export interface StartCodeServerOptions {
  workspace?: string;
  extensionsDir?: string;
  userDataDir?: string;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  args?: string[];
  timeoutMs?: number;
}
export interface CodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  userDataDir: string;
  extensionsDir: string;
  logs(): string;
  stop(): Promise<void>;
}
export declare function startCodeServer(options?: StartCodeServerOptions): Promise<CodeServer>;
export declare function installExtension(vsixPath: string, extensionsDir: string, options?: { timeoutMs?: number }): Promise<string>;
export declare function launchBrowser(options?: { headless?: boolean; args?: string[]; env?: Record<string, string> }): Promise<Browser>;
export declare function openWorkbench(
  browser: Browser,
  url: string,
  options?: { timeoutMs?: number; viewport?: { width: number; height: number } },
): Promise<Page>;
