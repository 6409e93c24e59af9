// The imr-language-server command line: which transport to speak LSP over, or help, or the version.

/** What the command was asked to do. `argv` is what the server's connection reads from process.argv. */
export type ServerCommand =
  { kind: 'help' } | { kind: 'version' } | { kind: 'start'; transport: Transport; argv: string[] } | { kind: 'error'; message: string };

export type Transport = { kind: 'stdio' } | { kind: 'node-ipc' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string };

export const USAGE = `Usage: imr-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>] [--clientProcessId=<pid>]

The language server for IMR final determinations written in Markdown (*.imr.md, or Markdown that
reads as a determination): diagnostics, quick fixes, fix-all, hover, completion, document and
workspace symbols, folding. Editors start it; it speaks the Language Server Protocol.

Transport (one; standard input and output when none is given):
  --stdio                 JSON-RPC over standard input and output (what most editors use)
  --node-ipc              Node's IPC channel (the editor started this process with Node's fork)
  --socket=<port>         connect to the editor listening on 127.0.0.1:<port>
  --pipe=<name>           connect to the editor listening on a named pipe or Unix socket

Options:
  --clientProcessId=<pid> exit when that process ends
  -h, --help              print this help
  -v, --version           print the version

Settings: the "imr" object of the editor's LSP settings, asked for with workspace/configuration
where the editor has it, else as given in workspace/didChangeConfiguration or initializationOptions.
initializationOptions: { "debounceMs": <milliseconds>, "imr": { <settings> },
  "retriggerCommand": "<the editor's command that reopens completion>", "pullDiagnostics": false }
Diagnostics are pulled by an editor that declares pull diagnostics (document and workspace),
published to any other. Configuration files are watched through the editor, or checked by the
server on every check where the editor cannot watch files. Configurations for Neovim, Helix,
Emacs and Sublime Text are in the README ("Other editors").
`;

/** Reads `--name=value` or `--name value`; `undefined` when the option is absent. */
function optionValue(argv: readonly string[], index: number, name: string): { value?: string; consumed: number } | undefined {
  const arg = argv[index];
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), consumed: 1 };
  if (arg === name) return { value: argv[index + 1], consumed: 2 };
  return undefined;
}

export function parseCommandLine(argv: readonly string[]): ServerCommand {
  let transport: Transport | undefined;
  let clientProcessId: number | undefined;
  const choose = (next: Transport, spelled: string): string | undefined => {
    // Some clients add the flag a user already wrote (`--stdio --stdio`): the same transport twice is one.
    if (transport && JSON.stringify(transport) === JSON.stringify(next)) return undefined;
    if (transport) return `${spelled}: only one transport may be given (already ${describeTransport(transport)})`;
    transport = next;
    return undefined;
  };
  for (let index = 0; index < argv.length;) {
    const arg = argv[index];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '-v' || arg === '--version') return { kind: 'version' };
    let problem: string | undefined;
    let consumed = 1;
    const socket = optionValue(argv, index, '--socket');
    const pipe = optionValue(argv, index, '--pipe');
    const parent = optionValue(argv, index, '--clientProcessId');
    if (arg === '--stdio') problem = choose({ kind: 'stdio' }, arg);
    else if (arg === '--node-ipc') problem = choose({ kind: 'node-ipc' }, arg);
    else if (socket) {
      const port = Number(socket.value);
      consumed = socket.consumed;
      problem =
        Number.isInteger(port) && port > 0 && port < 65536
          ? choose({ kind: 'socket', port }, '--socket')
          : `--socket needs a port number from 1 to 65535 (--socket=<port>), not ${socket.value === undefined ? 'nothing' : JSON.stringify(socket.value)}`;
    } else if (pipe) {
      consumed = pipe.consumed;
      problem = pipe.value ? choose({ kind: 'pipe', name: pipe.value }, '--pipe') : '--pipe needs the name of a pipe or Unix socket (--pipe=<name>)';
    } else if (parent) {
      clientProcessId = Number(parent.value);
      consumed = parent.consumed;
      if (!Number.isInteger(clientProcessId) || clientProcessId <= 0) {
        problem = `--clientProcessId needs a process id, not ${parent.value === undefined ? 'nothing' : JSON.stringify(parent.value)}`;
      }
    } else problem = `unknown ${arg.startsWith('-') ? 'option' : 'argument'} ${JSON.stringify(arg)}`;
    if (problem) return { kind: 'error', message: problem };
    index += consumed;
  }
  const chosen: Transport = transport ?? { kind: 'stdio' };
  const serverArgv = [transportArgument(chosen), ...(clientProcessId === undefined ? [] : [`--clientProcessId=${clientProcessId}`])];
  return { kind: 'start', transport: chosen, argv: serverArgv };
}

function transportArgument(transport: Transport): string {
  switch (transport.kind) {
    case 'stdio':
      return '--stdio';
    case 'node-ipc':
      return '--node-ipc';
    case 'socket':
      return `--socket=${transport.port}`;
    case 'pipe':
      return `--pipe=${transport.name}`;
  }
}

export function describeTransport(transport: Transport): string {
  switch (transport.kind) {
    case 'stdio':
      return 'standard input and output';
    case 'node-ipc':
      return "Node's IPC channel";
    case 'socket':
      return `127.0.0.1:${transport.port}`;
    case 'pipe':
      return transport.name;
  }
}
