// Reading a file a repository supplies: only a regular file (a symbolic link is followed to one), opened once, read up to a cap.
import * as fs from 'node:fs';

/** A file that exists but is not read, with the reason as the end of a sentence ("is not a regular file (a named pipe)"). */
export class FileRefused extends Error {
  override name = 'FileRefused';
}

/** A regular file larger than the cap: refused unread. */
export class FileTooLarge extends FileRefused {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`is larger than the ${limit.toLocaleString('en-US')} bytes read (${size.toLocaleString('en-US')} bytes or more)`);
  }
}

// O_NONBLOCK: a named pipe swapped in after the check must not block the open; O_NOCTTY: a terminal never becomes ours.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

function kind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function refuseUnlessRegular(stat: fs.Stats): void {
  if (stat.isDirectory()) throw new FileRefused('is a directory');
  if (!stat.isFile()) throw new FileRefused(`is not a regular file (${kind(stat)})`);
}

export interface RegularFile {
  bytes: Buffer;
  /** The file as it was read: compared before replacing it, so a save made meanwhile is never overwritten. */
  stat: fs.Stats;
}

/**
 * The bytes of the regular file at `file`, or undefined when nothing is there. Throws FileRefused for a device,
 * a named pipe, a socket or a directory (none of them is opened) and for a file of more than `limit` bytes
 * (never read), and the system's error for anything else (permissions).
 */
export function readRegularFile(file: string, limit: number): RegularFile | undefined {
  let before: fs.Stats;
  try {
    // stat first: opening a device can act on it (a tape rewinds), and a named pipe would wait for a writer.
    before = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  refuseUnlessRegular(before);
  if (before.size > limit) throw new FileTooLarge(before.size, limit);
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    // The file opened is the one read: it may have been replaced since the stat.
    const stat = fs.fstatSync(fd);
    refuseUnlessRegular(stat);
    if (stat.size > limit) throw new FileTooLarge(stat.size, limit);
    // One byte more than the size shows a file that grew; files in /proc say 0 and are read up to the cap.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw new FileTooLarge(length, limit);
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limit) throw new FileTooLarge(length, limit);
    return { bytes: buffer.subarray(0, length), stat };
  } finally {
    fs.closeSync(fd);
  }
}
