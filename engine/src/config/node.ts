// The Node.js file system as a configuration host, shared by the language server and the CLI.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ConfigHost } from './load';

/** A native path as discovery sees it: absolute, '/'-separated, drive letter in lower case as VS Code writes it. */
export function toConfigPath(native: string): string {
  const slashed = path.resolve(native).split(path.sep).join('/');
  return slashed.replace(/^([A-Z]):\//, (_, drive: string) => `${drive.toLowerCase()}:/`);
}

export function toNativePath(configPath: string): string {
  return path.sep === '/' ? configPath : configPath.split('/').join(path.sep);
}

export const nodeConfigHost: ConfigHost = {
  async readFile(file) {
    try {
      return await fs.readFile(toNativePath(file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
  async exists(file) {
    try {
      await fs.stat(toNativePath(file));
      return true;
    } catch {
      return false;
    }
  },
};
