// Turning the command line's paths, directories and globs into files; drafts are read as the engine reads them.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { findMarkdownFiles } from '../../engine/src';

export { decodeDraft, draftByteLimit, readDraft, type DecodedDraft, type ReadResult } from '../../engine/src';

export interface FileList {
  files: string[];
  /** Files found by searching a directory or a glob rather than named one by one. */
  searched: Set<string>;
  /** Arguments that matched nothing, each with the reason. */
  problems: string[];
}

export async function expandPaths(args: string[], cwd = process.cwd()): Promise<FileList> {
  const files = new Set<string>();
  const named = new Set<string>();
  const problems: string[] = [];
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) {
      // The search the language server's workspace diagnostics make: no dot-folders, no node_modules.
      const found: string[] = [];
      for await (const file of findMarkdownFiles(absolute)) found.push(file);
      found.sort().forEach((file) => files.add(path.normalize(file)));
    } else if (stat) {
      // A named pipe or a device named on the command line is reported by the read, not taken for a glob.
      files.add(absolute);
      named.add(absolute);
    } else {
      const found = await glob(arg, { cwd, ignore: ['**/node_modules/**'], dot: false, absolute: true });
      if (found.length === 0) problems.push(`${arg}: no such file, directory or matching glob`);
      found.sort().forEach((file) => files.add(path.normalize(file)));
    }
  }
  return { files: [...files], searched: new Set([...files].filter((file) => !named.has(file))), problems };
}
