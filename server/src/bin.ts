// The imr-language-server executable: reads the command line, then starts the bundled server (dist/server.cjs) on the chosen transport.
import diagnosticsChannel from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { describeTransport, parseCommandLine, USAGE, type Transport } from './command-line';

declare const IMR_VERSION: string;
const version = typeof IMR_VERSION === 'string' ? IMR_VERSION : '0.0.0-dev';
const NAME = 'imr-language-server';
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
/** Published by Node for every client socket; the first one is the transport's. */
const SOCKET_CREATED = 'net.client.socket';

function fail(message: string, status: number): void {
  process.stderr.write(`${NAME}: ${message}\n`);
  process.exitCode = status;
}

/** The connection library closes quietly when the editor is not listening; say so. */
function explainConnectionFailure(transport: Transport): void {
  const onSocket = (message: unknown): void => {
    diagnosticsChannel.unsubscribe(SOCKET_CREATED, onSocket);
    const { socket } = message as { socket: Socket };
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.syscall === 'connect') {
        fail(
          `could not connect to ${describeTransport(transport)} (${error.code ?? error.message}): the editor listens there first, then starts the server`,
          EXIT_FAILURE,
        );
      }
    });
  };
  diagnosticsChannel.subscribe(SOCKET_CREATED, onSocket);
}

function start(transport: Transport, serverArgv: string[]): void {
  if (transport.kind === 'node-ipc' && typeof process.send !== 'function') {
    fail("--node-ipc: this process has no IPC channel (only an editor that starts it with Node's fork has one); use --stdio", EXIT_USAGE);
    return;
  }
  if (transport.kind === 'socket' || transport.kind === 'pipe') explainConnectionFailure(transport);
  if (transport.kind === 'stdio' && process.stdin.isTTY) {
    process.stderr.write(`${NAME} ${version}: speaking LSP on standard input and output; an editor starts this command (see --help). Ctrl+C to quit.\n`);
  }
  // The server's connection reads its transport from process.argv.
  process.argv = [process.argv[0], process.argv[1], ...serverArgv];
  createRequire(__filename)('./server.cjs');
}

const command = parseCommandLine(process.argv.slice(2));
switch (command.kind) {
  case 'help':
    process.stdout.write(USAGE);
    break;
  case 'version':
    process.stdout.write(`${version}\n`);
    break;
  case 'error':
    fail(`${command.message}\nRun "${NAME} --help" for the options.`, EXIT_USAGE);
    break;
  case 'start':
    start(command.transport, command.argv);
    break;
}
