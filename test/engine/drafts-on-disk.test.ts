// Reading a draft from disk as the command line and the server's workspace diagnostics do: only a regular file,
// bounded, decoded as UTF-8 or UTF-16, with a reason for everything else.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeDraft, draftByteLimit, fileStamp, readDraft } from '../../engine/src/node/drafts';
import { FileRefused, FileTooLarge, readRegularFile } from '../../engine/src/node/regular-file';

const LETTER = 'Dr. O’Brien reviewed the “left hip” injection request.\n';
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('decoding a draft', () => {
  it('reads UTF-8, with or without a byte-order mark, and says which it had', () => {
    assert.deepEqual(decodeDraft(utf8(LETTER)), { ok: true, text: LETTER, bom: '' });
    assert.deepEqual(decodeDraft(utf8(`\ufeff${LETTER}`)), { ok: true, text: LETTER, bom: '\ufeff' });
    assert.deepEqual(decodeDraft(new Uint8Array()), { ok: true, text: '', bom: '' });
  });

  it('reads UTF-16 in either byte order when a byte-order mark says so', () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LETTER, 'utf16le')]);
    assert.deepEqual(decodeDraft(little), { ok: true, text: LETTER, bom: '\ufeff' });
    const big = Buffer.from(little);
    big.swap16();
    assert.deepEqual(decodeDraft(big), { ok: true, text: LETTER, bom: '\ufeff' });
  });

  it('refuses a binary file by a zero byte in its first 8,000 bytes', () => {
    const pdf = Buffer.concat([utf8('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3])]);
    assert.deepEqual(decodeDraft(pdf), { ok: false, reason: 'is a binary file, not a text draft' });
    // Only the start is looked at: a zero byte deep in a long text is text (U+0000) like any other.
    const late = Buffer.concat([utf8('a'.repeat(8000)), Buffer.from([0])]);
    assert.deepEqual(decodeDraft(late), { ok: true, text: `${'a'.repeat(8000)}\u0000`, bom: '' });
    const early = Buffer.concat([utf8('a'.repeat(7999)), Buffer.from([0])]);
    assert.equal(decodeDraft(early).ok, false);
  });

  it('names the first byte that is not UTF-8, after curly quotes and all', () => {
    const reason = (bytes: number[] | Buffer) => {
      const decoded = decodeDraft(Buffer.from(bytes));
      assert.equal(decoded.ok, false);
      return decoded.ok ? '' : decoded.reason;
    };
    // A Windows-1252 "é" in a letter pasted from Word, whose quotes are UTF-8.
    const pasted = Buffer.concat([utf8(LETTER.repeat(3)), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
    const at = pasted.indexOf(0xe9);
    assert.equal(reason(pasted), `is not valid UTF-8 text (first bad byte at offset ${at}); save it as UTF-8`);
    assert.match(reason([0xff, 0x61]), /at offset 0\)/);
    assert.match(reason([0x61, 0x62, 0xe2, 0x82, 0xac, 0xff]), /at offset 5\)/, 'after a whole euro sign');
    assert.match(reason([0x61, 0x80]), /at offset 1\)/, 'a continuation byte with nothing to continue');
    // A character cut short is wrong where it starts, whether text or the end of the file cuts it.
    assert.match(reason([0x61, 0xe2, 0x28, 0x61]), /at offset 1\)/);
    assert.match(reason([0x61, 0x62, 0xe2, 0x82]), /at offset 2\)/);
    assert.match(reason([0x61, 0xf0, 0x9f, 0x98]), /at offset 1\)/);
    assert.match(reason([0x61, 0xc3]), /at offset 1\)/);
  });
});

describe('reading a draft from disk', () => {
  let root: string;
  let socket: Server;
  const at = (name: string): string => path.join(root, name);

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'imr-read-'));
    writeFileSync(at('letter.imr.md'), LETTER);
    writeFileSync(at('bom.imr.md'), `\ufeff${LETTER}`);
    writeFileSync(at('scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0]));
    writeFileSync(at('latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    writeFileSync(at('ten.md'), '0123456789');
    mkdirSync(at('folder.md'));
    symlinkSync(at('letter.imr.md'), at('link.md'));
    symlinkSync('/dev/null', at('device.md'));
    execFileSync('mkfifo', [at('pipe.md')]);
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(at('socket.md'), resolve));
  });
  after(async () => {
    await new Promise((resolve) => socket.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('reads a regular file, or one a link leads to, with its bytes and the state it was read in', () => {
    const read = readDraft(at('link.md'), 1000);
    assert.ok(read.ok);
    assert.equal(read.text, LETTER);
    assert.equal(read.bom, '');
    assert.deepEqual(read.bytes, utf8(LETTER));
    assert.equal(read.stat.size, read.bytes.length);
    assert.ok(read.stat.isFile());
    const bom = readDraft(at('bom.imr.md'), 1000);
    assert.ok(bom.ok);
    assert.equal(bom.bom, '\ufeff');
    assert.equal(bom.text, LETTER);
  });

  it('gives a reason for what is not a draft, and never opens a device, a pipe or a socket', () => {
    const reasons = Object.fromEntries(
      ['missing.md', 'folder.md', 'device.md', 'pipe.md', 'socket.md', 'scan.md', 'latin1.md', 'letter.imr.md/inside.md'].map((name) => {
        const read = readDraft(at(name), 1000);
        return [name, read.ok ? 'read' : read.reason];
      }),
    );
    assert.deepEqual(reasons, {
      'missing.md': 'cannot be read (no such file)',
      'folder.md': 'is a directory',
      'device.md': 'is not a regular file (a device)',
      'pipe.md': 'is not a regular file (a named pipe)',
      'socket.md': 'is not a regular file (a socket)',
      'scan.md': 'is a binary file, not a text draft',
      'latin1.md': 'is not valid UTF-8 text (first bad byte at offset 3); save it as UTF-8',
      'letter.imr.md/inside.md': 'cannot be read (no such file)',
    });
  });

  it('refuses a file too large to check unread, saying its size, in bytes at four per character', () => {
    assert.equal(draftByteLimit(2), 12);
    assert.equal(draftByteLimit(10 * 1024 * 1024), 41_943_044);
    // Ten bytes are within the bytes of one or two characters (8 or 12, with a byte-order mark's 4).
    assert.ok(readDraft(at('ten.md'), 2).ok);
    assert.deepEqual(readDraft(at('ten.md'), 1), { ok: false, reason: 'is larger than the 8 bytes read (10 bytes or more)', tooLarge: 10 });
  });

  it('reads up to the cap and no further, and says a larger file is larger', () => {
    assert.equal(readRegularFile(at('ten.md'), 10)?.bytes.toString(), '0123456789');
    assert.throws(
      () => readRegularFile(at('ten.md'), 9),
      (error: unknown) => error instanceof FileTooLarge && error.size === 10 && error.limit === 9 && error.name === 'FileRefused',
    );
    const big = at('big.md');
    writeFileSync(big, 'x'.repeat(12_345));
    assert.throws(() => readRegularFile(big, 1_234), { message: 'is larger than the 1,234 bytes read (12,345 bytes or more)' });
    assert.equal(readRegularFile(big, 12_345)?.bytes.length, 12_345);
  });

  it('reads a file whose size the system does not know (in /proc) up to the cap', () => {
    const status = readRegularFile('/proc/self/status', 1 << 20);
    assert.match(status?.bytes.toString() ?? '', /^Name:/);
    assert.ok((status?.bytes.length ?? 0) > 0);
    assert.throws(
      () => readRegularFile('/proc/self/status', 8),
      (error: unknown) => error instanceof FileTooLarge && error.size === 9 && error.limit === 8,
    );
  });

  it('answers undefined for nothing there, FileRefused for what is there but no file, and throws the rest', () => {
    assert.equal(readRegularFile(at('missing.md'), 10), undefined);
    assert.equal(readRegularFile(at('letter.imr.md/inside.md'), 10), undefined);
    assert.throws(
      () => readRegularFile(at('folder.md'), 10),
      (error: unknown) => error instanceof FileRefused && !(error instanceof FileTooLarge),
    );
    assert.throws(
      () => readRegularFile('\u0000', 10),
      (error: unknown) => !(error instanceof FileRefused) && (error as NodeJS.ErrnoException).code === 'ERR_INVALID_ARG_VALUE',
    );
    const read = readDraft('\u0000', 10);
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.reason, /^cannot be read \(.*null bytes/);
  });

  it('stamps what is at a path: the same until the file changes, "none" when nothing is there', () => {
    const file = at('stamped.md');
    assert.equal(fileStamp(file), 'none');
    writeFileSync(file, LETTER);
    const first = fileStamp(file);
    assert.match(first, new RegExp(`^\\d+:\\d+:${Buffer.byteLength(LETTER)}:\\d+:\\d+$`));
    assert.equal(fileStamp(file), first);
    writeFileSync(file, `${LETTER}More.\n`);
    assert.notEqual(fileStamp(file), first);
    assert.equal(fileStamp(at('letter.imr.md/inside.md')), 'unreadable:ENOTDIR');
  });
});
