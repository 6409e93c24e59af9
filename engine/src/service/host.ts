// What the service needs from where it runs: files, settings and workspace folders, as the editor or the shell has them.
import type { ConfigHost } from '../config/load';

/**
 * Reads configuration files. Paths are absolute and '/'-separated, with a lower-case drive letter on
 * Windows ("c:/cases/.imrlintrc.json"): adapters convert URIs and native paths to this form.
 */
export type FileSystemHost = ConfigHost;

export interface ImrServiceHost {
  fileSystem: FileSystemHost;
  /**
   * The raw `imr.*` settings that apply to a document (`path` undefined for one with no place on disk),
   * as the editor holds them; the service validates them. Without it, no settings apply.
   */
  settings?(path: string | undefined, uri: string | undefined): Promise<Record<string, unknown> | undefined>;
  /** The workspace folders: discovery of configuration files stops at the one holding the draft. */
  workspaceFolders?(): readonly string[];
  /** Where the service reports what it could not do (a configuration it could not load); the adapter's log. */
  log?(message: string): void;
  /**
   * False in a workspace the user has not trusted (a repository just cloned from a stranger): its configuration
   * files cannot raise limits. Trusted when absent, as on the command line, where the user chose what to run.
   */
  trusted?(): boolean;
}
