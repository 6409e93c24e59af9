// The Node.js file system as a configuration host, shared by the language server and the CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileRefused, readRegularFile } from '../node/regular-file';
import type { ConfigHost } from './load';

/** No configuration needs more: a 1 MB file already holds thousands of profiles. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A native path as discovery sees it: absolute, '/'-separated, drive letter in lower case as VS Code writes it. */
export function toConfigPath(native: string): string {
  const slashed = path.resolve(native).split(path.sep).join('/');
  return slashed.replace(/^([A-Z]):\//, (_, drive: string) => `${drive.toLowerCase()}:/`);
}

export function toNativePath(configPath: string): string {
  return path.sep === '/' ? configPath : configPath.split('/').join(path.sep);
}

/** Configuration files are read whole but bounded: only regular files, at most MAX_CONFIG_BYTES, each opened once. */
export const nodeConfigHost: ConfigHost = {
  async readFile(file) {
    try {
      return readRegularFile(toNativePath(file), MAX_CONFIG_BYTES)?.bytes.toString('utf8');
    } catch (error) {
      if (error instanceof FileRefused) throw new FileRefused(`${error.message}; a configuration file is a regular file of at most 1 MB`);
      throw error;
    }
  },
  async exists(file) {
    return fs.existsSync(toNativePath(file));
  },
};
