// No network access anywhere: the bundled server and CLI run a full session with every network API refused and recorded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { runCli } from '../support/cli';
import { fileUri, startServer } from '../support/lsp';

const PRELOAD = path.resolve(import.meta.dirname, 'no-network.cjs');
const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

describe('no network access', () => {
  let folder: string;
  let log: string;
  let armed: string;
  const environment = { NODE_OPTIONS: `--require ${PRELOAD}`, IMR_NETWORK_LOG: '', IMR_NETWORK_ARMED: '' };
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'imr-no-network-'));
    log = path.join(folder, 'network.log');
    environment.IMR_NETWORK_LOG = log;
    armed = path.join(folder, 'armed.log');
    environment.IMR_NETWORK_ARMED = armed;
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  const attempts = (): string => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  const armedPids = (): string[] => (existsSync(armed) ? readFileSync(armed, 'utf8').split('\n').filter(Boolean) : []);

  it('the preload catches an attempt (so the checks below can fail)', () => {
    const run = spawnSync(process.execPath, ['-e', "require('node:net').connect(443, 'example.com')"], {
      env: { ...process.env, ...environment },
      encoding: 'utf8',
    });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /network access is disabled/);
    assert.match(attempts(), /net\.connect/);
    rmSync(log);
  });

  it('the language server: a whole editing session over stdio, no other socket opened', async () => {
    // The server inherits NODE_OPTIONS from this process when startServer spawns it.
    const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, IMR_NETWORK_LOG: process.env.IMR_NETWORK_LOG, IMR_NETWORK_ARMED: process.env.IMR_NETWORK_ARMED };
    Object.assign(process.env, environment);
    const server = await startServer();
    Object.assign(process.env, saved);
    for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key];
    try {
      const uri = fileUri('network.imr.md');
      const text = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');
      const opened = server.diagnostics(uri);
      server.open(uri, text);
      const { diagnostics } = await opened;
      const decision = diagnostics.find((diagnostic) => diagnostic.code === 'decision-value');
      assert.ok(decision, 'the server checked the draft');
      const position = decision.range.start;
      const textDocument = { uri };
      await server.connection.sendRequest(HoverRequest.type, { textDocument, position });
      await server.connection.sendRequest(CompletionRequest.type, { textDocument, position });
      await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
      await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
      await server.connection.sendRequest(CodeActionRequest.type, { textDocument, range: decision.range, context: { diagnostics: [decision] } });
      const changed = server.diagnostics(uri, (params) => params.version === 2);
      server.change(uri, 2, [{ range: decision.range, text: 'Overturned' }]);
      await changed;

      const pid = server.process.pid!;
      assert.ok(armedPids().includes(String(pid)), 'the server runs with the preload');
      const sockets = readdirSync(`/proc/${pid}/fd`).filter((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
        } catch {
          return false;
        }
      });
      assert.deepEqual(sockets.sort(), ['0', '1', '2'], 'only stdin, stdout and stderr are sockets');
      server.close(uri);
    } finally {
      await server.stop();
    }
    assert.equal(attempts(), '', 'the server tried to reach the network');
  });

  it('the CLI: lint, --fix and SARIF output', async () => {
    const draft = path.join(folder, 'draft.imr.md');
    writeFileSync(draft, seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved'));
    const linted = await runCli([draft, '--format', 'sarif'], { env: environment });
    assert.equal(linted.status, 1, linted.stderr);
    assert.match(linted.stdout, /"decision-value"/);
    const fixed = await runCli([draft, '--fix'], { env: environment });
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.ok(armedPids().length >= 3, 'each CLI run carried the preload');
    assert.equal(attempts(), '', 'the CLI tried to reach the network');
  });
});
