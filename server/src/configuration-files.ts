// Configuration files as the server sees them when the editor cannot watch them: every path configuration looked
// at is stamped when it looks, and a check compares the stamps with what is there now (one stat each, nothing read).
import * as fs from 'node:fs';
import { fileStamp, nodeFileSystem, toNativePath, type FileSystemHost } from '../../engine/src';

/** The configuration that governs some drafts: the folders they sit in and above, and the files they extend from elsewhere. */
export interface ConfigurationScope {
  folders: ReadonlySet<string>;
  files: ReadonlySet<string>;
}

interface Looked {
  /** What was there when configuration read the path ("none" for nothing), or, for a path it only asked about, whether it was there. */
  stamp: string | boolean;
}

export class ConfigurationFiles {
  /**
   * By folder: each path configuration read (a file, or where one could appear: ".imrlintrc.json" in every folder
   * up to the workspace's) and each path it only asked about (".git").
   */
  private readonly looked = new Map<string, Map<string, Looked>>();
  private count = 0;

  /** The file system the service reads configuration through: every path it touches is stamped first. */
  readonly fileSystem: FileSystemHost = {
    readFile: (file) => {
      // Stamped before the read: a write in between shows as a change at the next check, never as none.
      this.remember(file, () => fileStamp(toNativePath(file)));
      return nodeFileSystem.readFile(file);
    },
    exists: async (file) => {
      const present = await nodeFileSystem.exists(file);
      // Only whether it is there: a folder such as .git changes its times whenever it is used.
      this.remember(file, () => present);
      return present;
    },
  };

  /** How many paths a check of everything looks at. */
  get size(): number {
    return this.count;
  }

  /**
   * Whether a configuration file was written, created, replaced or removed since configuration read it: among the
   * paths in `scope` (the configuration of the open drafts), or all of them.
   */
  changed(scope?: ConfigurationScope): boolean {
    if (!scope) return [...this.looked.values()].some((paths) => this.anyChanged(paths.entries()));
    for (const folder of scope.folders) {
      const paths = this.looked.get(folder);
      if (paths && this.anyChanged(paths.entries())) return true;
    }
    for (const file of scope.files) {
      const looked = this.looked.get(folderOf(file))?.get(file);
      if (looked && this.anyChanged([[file, looked]])) return true;
    }
    return false;
  }

  /** Configuration is read afresh: what it reads next is stamped anew. */
  reset(): void {
    this.looked.clear();
    this.count = 0;
  }

  private remember(file: string, stamp: () => string | boolean): void {
    const folder = folderOf(file);
    let paths = this.looked.get(folder);
    if (!paths) this.looked.set(folder, (paths = new Map()));
    if (paths.has(file)) return;
    paths.set(file, { stamp: stamp() });
    this.count++;
  }

  private anyChanged(paths: Iterable<[string, Looked]>): boolean {
    for (const [file, { stamp }] of paths) {
      const now = typeof stamp === 'boolean' ? fs.existsSync(toNativePath(file)) : fileStamp(toNativePath(file));
      if (now !== stamp) return true;
    }
    return false;
  }
}

/** The folder a path is in ("/" and "c:" are their own). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return path;
  return slash === 0 ? '/' : path.slice(0, slash);
}

/** The scope of the configuration of drafts at `paths`, with the files their configuration came from. */
export function scopeOf(paths: Iterable<string>, files: Iterable<string>): ConfigurationScope {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let folder = folderOf(path); !folders.has(folder); folder = folderOf(folder)) {
      folders.add(folder);
      if (folderOf(folder) === folder) break;
    }
  }
  return { folders, files: new Set(files) };
}
