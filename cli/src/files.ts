// Turning the command line's paths, directories and globs into files, and reading them as text.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';

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
      // Dot-folders and node_modules hold no drafts; tinyglobby skips dot entries unless asked.
      const found = await glob('**/*.md', { cwd: absolute, ignore: ['**/node_modules/**'], dot: false, absolute: true });
      found.sort().forEach((file) => files.add(path.normalize(file)));
    } else if (stat?.isFile()) {
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

export type ReadResult = { ok: true; text: string; bom: string } | { ok: false; reason: string };

/** Reads a draft as UTF-8 (or UTF-16 with a byte-order mark); binary and malformed files get a reason. */
export async function readDraft(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : `cannot be read (${(error as Error).message})` };
  }
  return decodeDraft(bytes);
}

export function decodeDraft(bytes: Uint8Array): ReadResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: '\ufeff' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: '\ufeff' };
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return { ok: false, reason: 'is a binary file, not a text draft' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\ufeff') ? { ok: true, text: text.slice(1), bom: '\ufeff' } : { ok: true, text, bom: '' };
  } catch {
    return { ok: false, reason: `is not valid UTF-8 text (first bad byte at offset ${firstInvalidByte(bytes)}); save it as UTF-8` };
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // A valid prefix may end inside a character; the bad byte is at or just after it.
  return low;
}

/** Writes a file by writing a temporary file beside it and renaming it over, keeping its mode. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const stat = await fs.stat(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temporary, text, { mode: stat.mode & 0o7777 });
    await fs.chmod(temporary, stat.mode & 0o7777);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
