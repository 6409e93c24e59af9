// Writing what the CLI produces (fixed drafts, exported letters) only where it is meant to go, never through a planted link.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile } from '../../engine/src';

export type WriteOutcome = { written: true } | { written: false; reason: string };

/** What the draft was when it was read: its bytes and the file they came from. */
export interface DraftAsRead {
  bytes: Buffer;
  stat: fs.Stats;
}

/**
 * Writes a fixed draft over the file it was read from. A symbolic link is followed to the draft it names, which
 * is the file written. Refused, with the reason: a read-only file, a file changed since it was read. Kept: mode,
 * owner, hard links (a file with several names is rewritten in place) and the original encoding.
 */
export function writeFixedDraft(file: string, read: DraftAsRead, text: string): WriteOutcome {
  try {
    const target = fs.realpathSync(file);
    const current = fs.statSync(target);
    if ((current.mode & 0o222) === 0) return { written: false, reason: 'is read-only; not fixed (make it writable to let --fix change it)' };
    if (changedSince(target, read)) return { written: false, reason: 'changed since it was read; not fixed (run --fix again)' };
    const bytes = encodeLike(read.bytes, text);
    if (current.nlink > 1) {
      writeInPlace(target, bytes);
      return { written: true };
    }
    try {
      replaceAtomically(target, bytes, current, () => changedSince(target, read));
    } catch (error) {
      if (!(error instanceof OwnerNotKept)) throw error;
      // Not ours to give away: the file keeps its owner when rewritten in place.
      writeInPlace(target, bytes);
    }
    return { written: true };
  } catch (error) {
    if (error instanceof ChangedMeanwhile) return { written: false, reason: 'changed since it was read; not fixed (run --fix again)' };
    return { written: false, reason: `cannot be written (${(error as Error).message})` };
  }
}

const GENERATOR = '<meta name="generator" content="IMR Determinations">';

/**
 * Writes an exported letter to `target`. Never through a symbolic link, never over a file the exporter did not
 * write (its generator tag is missing) unless `force`, and never over anything but a regular file.
 */
export function writeExport(target: string, html: string, force: boolean): WriteOutcome {
  let existing: fs.Stats | undefined;
  try {
    existing = fs.lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { written: false, reason: `cannot be written (${(error as Error).message})` };
  }
  if (existing?.isSymbolicLink() && !force)
    return { written: false, reason: 'is a symbolic link; not written through it (remove it, or choose another --out; --force replaces the link itself)' };
  if (existing && !existing.isSymbolicLink() && !existing.isFile()) return { written: false, reason: 'exists and is not a regular file; not overwritten' };
  if (existing?.isFile() && !force && !isOwnExport(target))
    return { written: false, reason: 'exists and was not written by imr-lint; not overwritten (use --force to replace it)' };
  try {
    replaceAtomically(target, Buffer.from(html, 'utf8'), undefined, () => false);
    return { written: true };
  } catch (error) {
    return { written: false, reason: `cannot be written (${(error as Error).message})` };
  }
}

function isOwnExport(file: string): boolean {
  try {
    const head = readRegularFile(file, 64 * 1024);
    return head?.bytes.toString('utf8').includes(GENERATOR) === true;
  } catch {
    // A file too large to be a letter, or unreadable, is not ours.
    return false;
  }
}

class ChangedMeanwhile extends Error {}
class OwnerNotKept extends Error {}

/** Whether the draft on disk is no longer the one read: another file in its place, or other bytes. */
function changedSince(target: string, read: DraftAsRead): boolean {
  let now;
  try {
    now = readRegularFile(target, read.bytes.length);
  } catch {
    // Grown past what was read, or no longer a regular file.
    return true;
  }
  if (!now || now.stat.ino !== read.stat.ino || now.stat.dev !== read.stat.dev) return true;
  return !now.bytes.equals(read.bytes);
}

/**
 * Writes a temporary file beside the target (created exclusively, so a link planted under its name is never
 * followed), gives it the target's mode and owner, and renames it over the target. `changed` is asked last.
 */
function replaceAtomically(target: string, bytes: Buffer, like: fs.Stats | undefined, changed: () => boolean): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = like ? like.mode & 0o7777 : 0o666;
  const fd = fs.openSync(temporary, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode);
  try {
    try {
      fs.writeSync(fd, bytes);
      if (like) {
        if (like.uid !== process.getuid?.() || like.gid !== process.getgid?.()) {
          try {
            fs.fchownSync(fd, like.uid, like.gid);
          } catch {
            throw new OwnerNotKept();
          }
        }
        fs.fchmodSync(fd, mode);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (changed()) throw new ChangedMeanwhile();
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Rewrites a file with several names in place, so every name sees the fix; O_NOFOLLOW refuses a link swapped in. */
function writeInPlace(target: string, bytes: Buffer): void {
  const fd = fs.openSync(target, fs.constants.O_WRONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, 0);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The text in the draft's own encoding: UTF-16 with its byte-order mark stays UTF-16. */
function encodeLike(original: Buffer, text: string): Buffer {
  if (original[0] === 0xff && original[1] === 0xfe) return Buffer.from(`\ufeff${text}`, 'utf16le');
  if (original[0] === 0xfe && original[1] === 0xff) return Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? '\ufeff' : '';
  return Buffer.from(bom + text, 'utf8');
}
