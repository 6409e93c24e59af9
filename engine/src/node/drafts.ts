// Drafts on disk: the Markdown files a folder holds, and reading one as text, bounded. Shared by the CLI and the server.
import * as fs from 'node:fs';
import { promises as fsp, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { FileRefused, FileTooLarge, readRegularFile } from './regular-file';

/** Folders that hold no drafts: installed packages. Hidden folders (.git, .vscode) are skipped as well. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface MarkdownSearch {
  /** Stop after looking at this many entries (files and folders), so a link to `/` cannot walk the whole disk. */
  maxEntries?: number;
  /** Checked between folders; a search stops as soon as it returns true. */
  cancelled?(): boolean;
}

/**
 * The `*.md` files under `folder` (native paths, each folder's entries in name order), as `**\/*.md` finds them:
 * hidden files and folders and node_modules are skipped; a symbolic link is followed, each real folder entered
 * once, so a link back up cannot loop. Files are yielded as they are found: a caller can work while the search goes on.
 */
export async function* findMarkdownFiles(folder: string, search: MarkdownSearch = {}): AsyncGenerator<string> {
  const entered = new Set<string>();
  let budget = search.maxEntries ?? Number.POSITIVE_INFINITY;
  const pending = [path.resolve(folder)];
  while (pending.length > 0 && budget > 0 && !search.cancelled?.()) {
    const current = pending.shift()!;
    const real = await fsp.realpath(current).catch(() => undefined);
    if (real === undefined || entered.has(real)) continue;
    entered.add(real);
    const entries = await fsp.readdir(current, { withFileTypes: true }).catch(() => [] as Dirent[]);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: string[] = [];
    for (const entry of entries) {
      if (budget-- <= 0) break;
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      const kind = await kindOf(entry, full);
      if (kind === 'folder' && !SKIPPED_FOLDERS.has(entry.name)) folders.push(full);
      else if (kind === 'file' && entry.name.endsWith('.md')) yield full;
    }
    // Depth first, in name order: a folder's subfolders before its later siblings.
    pending.unshift(...folders);
  }
}

/** A link is what it leads to; a link to a device counts as a file (reading it is refused with the reason), a broken one as nothing. */
async function kindOf(entry: Dirent, full: string): Promise<'folder' | 'file' | undefined> {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return undefined;
  const target = await fsp.stat(full).catch(() => undefined);
  if (!target) return undefined;
  return target.isDirectory() ? 'folder' : 'file';
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
    // The byte-order mark is kept by the decoder (it drops one by default) so that the draft says it had one.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.startsWith('\ufeff') ? { ok: true, text: text.slice(1), bom: '\ufeff' } : { ok: true, text, bom: '' };
  } catch {
    return { ok: false, reason: `is not valid UTF-8 text (first bad byte at offset ${firstInvalidByte(bytes)}); save it as UTF-8` };
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  // A prefix decodes (a character it cuts waits for the rest) up to the first bad byte and never after: a binary search finds it.
  const decodes = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (decodes(mid)) low = mid;
    else high = mid - 1;
  }
  // A character begun before that byte (or before the end of the file) and never finished is wrong from its first byte.
  let start = low;
  while (start > 0 && low - start < 3 && (bytes[start - 1] & 0xc0) === 0x80) start--;
  const lead = bytes[start - 1];
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start > 0 && length > low - start + 1 ? start - 1 : low;
}

/**
 * What is at a path now, cheaply (one stat, nothing read): its identity, size and times; "none" when nothing is
 * there. Two stamps differ when the file was written, replaced, created or removed in between.
 */
export function fileStamp(file: string): string {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false, bigint: true });
    return stat ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : 'none';
  } catch (error) {
    // A folder on the way that is a file now, or one that cannot be entered: nothing there to read either.
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}
