// Configuration files as the server sees them when the editor cannot watch them: every path configuration looked
// at is stamped when it looks, and a check compares the stamps with what is there now (one stat each, nothing read).
import * as fs from 'node:fs';
import { fileStamp, nodeFileSystem, toNativePath, type FileSystemHost } from '../../engine/src';

export class ConfigurationFiles {
  /**
   * Each path configuration read (a file, or where a file could appear: ".imrlintrc.json" in every folder up to
   * the workspace's) with what was there, and each path it only asked about (".git") with whether it was there.
   */
  private readonly read = new Map<string, string>();
  private readonly asked = new Map<string, boolean>();

  /** The file system the service reads configuration through: every path it touches is stamped first. */
  readonly fileSystem: FileSystemHost = {
    readFile: (file) => {
      // Stamped before the read: a write in between shows as a change at the next check, never as none.
      if (!this.read.has(file)) this.read.set(file, fileStamp(toNativePath(file)));
      return nodeFileSystem.readFile(file);
    },
    exists: async (file) => {
      const present = await nodeFileSystem.exists(file);
      // Only whether it is there: a folder such as .git changes its times whenever it is used.
      if (!this.asked.has(file)) this.asked.set(file, present);
      return present;
    },
  };

  /** How many paths a check looks at. */
  get size(): number {
    return this.read.size + this.asked.size;
  }

  /** Whether a configuration file was written, created, replaced or removed since configuration read it. */
  changed(): boolean {
    for (const [file, stamp] of this.read) if (fileStamp(toNativePath(file)) !== stamp) return true;
    for (const [file, present] of this.asked) if (fs.existsSync(toNativePath(file)) !== present) return true;
    return false;
  }

  /** Configuration is read afresh: what it reads next is stamped anew. */
  reset(): void {
    this.read.clear();
    this.asked.clear();
  }
}
