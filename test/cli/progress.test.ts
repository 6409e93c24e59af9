import assert from 'node:assert/strict';
import { lint } from '../../engine/src/lint';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { createProgress, PROGRESS_THRESHOLD, type ProgressStream } from '../../cli/src/progress';
import { CLI_BUNDLE, runCli } from '../support/cli';

function fakeStream(isTTY: boolean, columns = 100): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

/** What a terminal shows once every carriage return and erase-line has been applied to the last line. */
function screenLine(chunks: string[]): string {
  let line = '';
  for (const chunk of chunks.join('').split(/(\r|\x1b\[2K)/)) {
    if (chunk === '\r' || chunk === '\x1b[2K') line = chunk === '\x1b[2K' ? '' : line;
    else line += chunk;
  }
  return line;
}

describe('progress bar', () => {
  it('draws on a terminal when more than the threshold of drafts are checked, and clears itself', () => {
    const stream = fakeStream(true);
    const total = PROGRESS_THRESHOLD + 1;
    const progress = createProgress(total, stream);
    for (let index = 0; index < total; index++) progress.tick();
    assert.match(screenLine(stream.written), new RegExp(`^imr-lint \\[#+\\] ${total}/${total} drafts 100%$`));
    // One redraw per percent at most, however many drafts.
    assert.ok(stream.written.length <= 102, `${stream.written.length} writes`);
    progress.clear();
    assert.equal(screenLine(stream.written), '');
  });

  it('shows how far it has got', () => {
    const stream = fakeStream(true, 80);
    const progress = createProgress(400, stream);
    for (let index = 0; index < 100; index++) progress.tick();
    const line = screenLine(stream.written);
    assert.match(line, / 100\/400 drafts {2}25%$/);
    const bar = /\[(#*)(-*)\]/.exec(line)!;
    assert.equal(bar[1].length / (bar[1].length + bar[2].length), 0.25);
    assert.ok(line.length <= 80, `${line.length} columns`);
  });

  it('never draws when the stream is not a terminal, or for few drafts', () => {
    for (const [isTTY, total] of [
      [false, 5000],
      [true, PROGRESS_THRESHOLD],
    ] as const) {
      const stream = fakeStream(isTTY);
      const progress = createProgress(total, stream);
      for (let index = 0; index < total; index++) progress.tick();
      progress.clear();
      assert.deepEqual(stream.written, [], `isTTY ${isTTY}, ${total} drafts`);
    }
  });

  it('puts a message on a line of its own and draws the bar again after it', () => {
    const stream = fakeStream(true);
    const progress = createProgress(300, stream);
    progress.tick();
    progress.print('imr-lint: drafts/a.md is a binary file\n');
    const printed = stream.written.join('');
    assert.ok(printed.includes('\r\x1b[2Kimr-lint: drafts/a.md is a binary file\n'), JSON.stringify(printed));
    progress.tick();
    assert.match(screenLine(stream.written), /2\/300 drafts/);
  });
});

describe('imr-lint over many drafts', () => {
  let dir: string;
  const count = PROGRESS_THRESHOLD + 20;
  const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
  // The seed's own date notes, reported once per copy.
  const perDraft = lint(seed).findings.length;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'imr-many-'));
    for (let index = 0; index < count; index++) writeFileSync(path.join(dir, `case-${String(index).padStart(4, '0')}.imr.md`), seed);
  });

  it('prints no progress when stderr is not a terminal', async () => {
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal((JSON.parse(run.stdout) as unknown[]).length, count);
  });

  it('draws the bar in a terminal and clears it before the report', async () => {
    // util-linux's script(1) gives the linter a pseudo-terminal, as an interactive shell would.
    const terminal = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qec', `${process.execPath} ${CLI_BUNDLE} --format github .`, '/dev/null'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.on('error', reject);
      child.on('close', () => resolve(output));
    });
    const bar = terminal.lastIndexOf(`imr-lint [`);
    assert.ok(bar >= 0, 'a progress bar was drawn');
    assert.ok(terminal.includes(`${count}/${count} drafts 100%`));
    const cleared = terminal.indexOf('\r\x1b[2K', bar);
    const report = terminal.indexOf('::notice file=');
    assert.ok(cleared > bar && report > cleared, 'the bar is erased before the first annotation');
    assert.equal(
      terminal
        .slice(report)
        .split(/\r?\n/)
        .filter((line) => line.startsWith('::')).length,
      count * perDraft,
    );
  });
});
