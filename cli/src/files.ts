// Turning the command line's paths, directories and globs into files, and reading them as text.
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { FileRefused, FileTooLarge, readRegularFile } from '../../engine/src';

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

export type DecodedDraft = { ok: true; text: string; bom: string } | { ok: false; reason: string };

export type ReadResult =
  | { ok: true; text: string; bom: string; bytes: Buffer; stat: Stats }
  /** `tooLarge`: the file's size in bytes, when it is refused unread for its size alone. */
  | { ok: false; reason: string; tooLarge?: number };

/** UTF-8 takes at most 4 bytes a character (UTF-16 2), so a file past this many bytes surely has too many characters. */
export function draftByteLimit(maxCharacters: number): number {
  return maxCharacters * 4 + 4;
}

/**
 * Reads a draft as UTF-8 (or UTF-16 with a byte-order mark), synchronously: one open, one fstat, one bounded
 * read. Binary and malformed files, devices, named pipes and sockets get a reason; a file too large to check is
 * not read at all.
 */
export function readDraft(file: string, maxCharacters: number): ReadResult {
  let read;
  try {
    read = readRegularFile(file, draftByteLimit(maxCharacters));
  } catch (error) {
    if (error instanceof FileTooLarge) return { ok: false, reason: error.message, tooLarge: error.size };
    if (error instanceof FileRefused) return { ok: false, reason: error.message };
    return { ok: false, reason: `cannot be read (${(error as Error).message})` };
  }
  if (!read) return { ok: false, reason: 'cannot be read (no such file)' };
  const decoded = decodeDraft(read.bytes);
  return decoded.ok ? { ...decoded, bytes: read.bytes, stat: read.stat } : decoded;
}

export function decodeDraft(bytes: Uint8Array): DecodedDraft {
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
