// What the CLI prints to a terminal: text from drafts, configuration and file names with its control characters shown, never obeyed.
import * as path from 'node:path';

// C0 controls (ESC starts colour, clear-screen, title and clipboard sequences; BEL ends some), DEL, C1 controls
// (0x9b is a one-byte CSI), and the bidirectional overrides that make a line read other than it is.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** The text with control characters written as escapes (`\e`, `\x07`, `\u202e`); line breaks and tabs too unless `keepBreaks`. */
export function escapeControl(text: string, keepBreaks = false): string {
  return text.replace(keepBreaks ? CONTROL : CONTROL_OR_BREAK, escapeOne);
}

/** A path as the user typed it: relative to the working folder when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** `imr-lint: <message>` on stderr, escaped; a message of several lines keeps its line breaks. */
export function printError(message: string): void {
  process.stderr.write(`imr-lint: ${escapeControl(message, true)}\n`);
}
