// The imr-language-server command line: the transport an editor asks for, and clear refusals of anything else.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../../server/src/command-line';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../../server/src/launch';
import { fileUri, startServer } from '../support/lsp';

const COMMAND_BUNDLE = path.resolve(import.meta.dirname, '../../dist/imr-language-server.cjs');

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COMMAND_BUNDLE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('imr-language-server command line', () => {
  it('speaks over standard input and output when no transport is given', () => {
    assert.deepEqual(parseCommandLine([]), { kind: 'start', transport: { kind: 'stdio' }, argv: ['--stdio'] });
  });

  it('takes each transport in the forms editors write it', () => {
    assert.deepEqual(parseCommandLine(['--node-ipc']), { kind: 'start', transport: { kind: 'node-ipc' }, argv: ['--node-ipc'] });
    assert.deepEqual(parseCommandLine(['--socket=6009']), { kind: 'start', transport: { kind: 'socket', port: 6009 }, argv: ['--socket=6009'] });
    assert.deepEqual(parseCommandLine(['--socket', '6009']), { kind: 'start', transport: { kind: 'socket', port: 6009 }, argv: ['--socket=6009'] });
    assert.deepEqual(parseCommandLine(['--pipe=/tmp/imr.sock']), {
      kind: 'start',
      transport: { kind: 'pipe', name: '/tmp/imr.sock' },
      argv: ['--pipe=/tmp/imr.sock'],
    });
    assert.deepEqual(parseCommandLine(['--stdio', '--clientProcessId', '4242']), {
      kind: 'start',
      transport: { kind: 'stdio' },
      argv: ['--stdio', '--clientProcessId=4242'],
    });
  });

  it('takes the same transport twice, as clients that add their own --stdio pass it', () => {
    assert.deepEqual(parseCommandLine(['--stdio', '--stdio']), { kind: 'start', transport: { kind: 'stdio' }, argv: ['--stdio'] });
    assert.deepEqual(parseCommandLine(['--socket=6009', '--socket', '6009']), {
      kind: 'start',
      transport: { kind: 'socket', port: 6009 },
      argv: ['--socket=6009'],
    });
  });

  it('answers --help and --version before anything else', () => {
    assert.deepEqual(parseCommandLine(['--stdio', '--help']), { kind: 'help' });
    assert.deepEqual(parseCommandLine(['-v', '--bogus']), { kind: 'version' });
  });

  it('refuses unknown options, stray arguments, two transports and a bad port with a reason', () => {
    const message = (argv: string[]): string => {
      const command = parseCommandLine(argv);
      assert.equal(command.kind, 'error', argv.join(' '));
      return (command as { message: string }).message;
    };
    assert.match(message(['--tcp']), /unknown option "--tcp"/);
    assert.match(message(['draft.imr.md']), /unknown argument "draft\.imr\.md"/);
    assert.match(message(['--stdio', '--socket=6009']), /only one transport.*already standard input and output/);
    assert.match(message(['--socket=0']), /port number from 1 to 65535.*"0"/);
    assert.match(message(['--socket=http']), /"http"/);
    assert.match(message(['--socket']), /not nothing/);
    assert.match(message(['--pipe=']), /--pipe needs the name/);
    assert.match(message(['--clientProcessId=me']), /--clientProcessId needs a process id/);
  });
});

describe('imr-language-server command', () => {
  it('starts on standard input and output without any option', async () => {
    const server = await startServer({ server: { command: process.execPath, args: [COMMAND_BUNDLE] } });
    try {
      const uri = fileUri('no-option.imr.md');
      const published = server.diagnostics(uri);
      server.open(uri, 'IMR ISSUES, DECISIONS AND RATIONALES\n\nLeft Knee Arthroscopy: Approved\n');
      const { diagnostics } = await published;
      assert.ok(
        diagnostics.some((diagnostic) => diagnostic.code === 'decision-value'),
        JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)),
      );
    } finally {
      await server.stop();
    }
  });

  it("runs through its shebang with the options and environment the editor's client gives the server", async () => {
    const shebang = readFileSync(COMMAND_BUNDLE, 'utf8').split('\n', 1)[0];
    const environment = Object.entries(SERVER_ENVIRONMENT).map(([name, value]) => `${name}=${value}`);
    assert.equal(shebang, `#!/usr/bin/env -S ${[...environment, 'node', ...SERVER_NODE_OPTIONS].join(' ')}`);
    // Executed as a shell executes an installed command: the process is node, with the options and the environment.
    const server = await startServer({ server: { command: COMMAND_BUNDLE, args: ['--stdio'] } });
    try {
      const pid = server.process.pid!;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      assert.deepEqual(argv.slice(1, 1 + SERVER_NODE_OPTIONS.length), [...SERVER_NODE_OPTIONS], argv.join(' '));
      const variables = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      for (const variable of environment) assert.ok(variables.includes(variable), variable);
    } finally {
      await server.stop();
    }
  });

  it('prints its usage with --help and a reason with status 2 for a bad option', async () => {
    const help = await run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--socket=<port> +connect to the editor listening on 127\.0\.0\.1:<port>/);
    const bad = await run(['--socket=99999']);
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.match(
      bad.stderr,
      /^imr-language-server: --socket needs a port number from 1 to 65535 \(--socket=<port>\), not "99999"\nRun "imr-language-server --help"/,
    );
  });

  it('says what went wrong when no editor listens on the socket', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = net.createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as net.AddressInfo;
    probe.close();
    await once(probe, 'close');
    const refused = await run([`--socket=${port}`]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, new RegExp(`could not connect to 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
  });

  it('refuses --node-ipc when nothing forked it with an IPC channel', async () => {
    const alone = await run(['--node-ipc']);
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /--node-ipc: this process has no IPC channel/);
  });
});
