// The language server over stdio in a hostile workspace: configuration and drafts that hung it, and the protocol's shutdown.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, ErrorCodes, ResponseError, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { startServer, type LspSession } from '../support/lsp';
import { repository } from './hostile-support';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
const draft = `${seed}\nThe file reference ${'a'.repeat(40)}! was noted.\n\naaaa\n`;
const REDOS = { name: 'a run of a', pattern: '^(a+)+$' };

/** The peak resident memory of a process, in MB (Linux). */
function peakMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe('hostile workspace, language server', () => {
  let repo: ReturnType<typeof repository>;
  const sessions: LspSession[] = [];
  before(() => {
    repo = repository('lsp');
  });
  after(async () => {
    for (const session of sessions) await session.stop();
    repo.remove();
  });

  function workspace(name: string, files: Record<string, string>): string {
    const root = path.join(repo.folder, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  async function server(options: Parameters<typeof startServer>[0]): Promise<LspSession> {
    const session = await startServer(options);
    sessions.push(session);
    return session;
  }

  async function diagnosticsOf(session: LspSession, file: string, text: string): Promise<{ message: string; code?: unknown }[]> {
    const uri = pathToFileURL(file).toString();
    const published = session.diagnostics(uri);
    session.open(uri, text);
    return (await published).diagnostics.map(({ message, code }) => ({ message: String(message), code }));
  }

  it('row 1: a catastrophic-backtracking pattern in the imr.privacy setting is matched in linear time', { timeout: 30_000 }, async () => {
    const root = workspace('setting', { 'd.imr.md': draft });
    const session = await server({ settings: { privacy: { patterns: [REDOS] } }, workspaceFolders: [root] });
    const diagnostics = await diagnosticsOf(session, path.join(root, 'd.imr.md'), draft);
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.message.startsWith('This looks like a run of a')).length, 1);
  });

  it("row 1: patterns in the phi rule's options are a configuration error in the draft, and are not used", { timeout: 30_000 }, async () => {
    const root = workspace('rule-option', { '.imrlintrc.json': JSON.stringify({ rules: { phi: ['warning', { patterns: [REDOS] }] } }), 'd.imr.md': draft });
    const session = await server({ workspaceFolders: [root] });
    const diagnostics = await diagnosticsOf(session, path.join(root, 'd.imr.md'), draft);
    assert.ok(diagnostics.some((diagnostic) => /rules\.phi\[1\]\.patterns: privacy patterns are not a rule option/.test(diagnostic.message)));
    assert.equal(
      diagnostics.some((diagnostic) => diagnostic.message.includes('a run of a')),
      false,
    );
  });

  it("row 2: a many-star glob in the imr.ignore setting and a folder named with 200 a's", { timeout: 30_000 }, async () => {
    const folder = 'a'.repeat(200);
    const root = workspace('glob-setting', { [`${folder}/d.imr.md`]: seed, [`${folder}b/d.imr.md`]: seed });
    const session = await server({ settings: { ignore: ['*a*a*a*a*a*a*b'] }, workspaceFolders: [root] });
    assert.ok((await diagnosticsOf(session, path.join(root, folder, 'd.imr.md'), seed)).length > 0, 'checked');
    assert.deepEqual(await diagnosticsOf(session, path.join(root, `${folder}b`, 'd.imr.md'), seed), [], 'ignored');
  });

  it(
    'row 4: eight workspace folders whose configuration is /dev/zero: each draft gets a notice; the server stays under 400 MB',
    { timeout: 60_000 },
    async () => {
      const roots = Array.from({ length: 8 }, (_, index) => workspace(`zero-${index}`, { 'd.imr.md': seed }));
      for (const root of roots) symlinkSync('/dev/zero', path.join(root, '.imrlintrc.json'));
      const session = await server({ workspaceFolders: roots });
      for (const root of roots) {
        const diagnostics = await diagnosticsOf(session, path.join(root, 'd.imr.md'), seed);
        assert.ok(diagnostics.some((diagnostic) => /cannot be read: it is not a regular file \(a device\)/.test(diagnostic.message)));
      }
      assert.ok(peakMegabytes(session.process.pid!) < 400, `peak ${peakMegabytes(session.process.pid!).toFixed(0)} MB`);
    },
  );

  it('row 5: a configuration nested 100,000 deep is a notice naming the file', { timeout: 30_000 }, async () => {
    const root = workspace('nested', { '.imrlintrc.json': `{"profiles": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'd.imr.md': seed });
    const session = await server({ workspaceFolders: [root] });
    const diagnostics = await diagnosticsOf(session, path.join(root, 'd.imr.md'), seed);
    assert.ok(diagnostics.some((diagnostic) => /Configuration \.imrlintrc\.json is invalid: nested more than 64 levels deep/.test(diagnostic.message)));
  });

  it("row 6: '_a* ' x 10,000 is checked at open and after a keystroke", { timeout: 60_000 }, async (t) => {
    const root = workspace('emphasis', {});
    const session = await server({ workspaceFolders: [root] });
    const uri = pathToFileURL(path.join(root, 'd.imr.md')).toString();
    const text = `${seed}\n${'_a* '.repeat(10_000)}\n`;
    const opened = session.diagnostics(uri);
    let started = performance.now();
    session.open(uri, text);
    assert.ok((await opened).diagnostics.length > 0);
    t.diagnostic(`open → diagnostics: ${(performance.now() - started).toFixed(0)} ms`);
    const changed = session.diagnostics(uri, (params) => params.version === 2);
    started = performance.now();
    session.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    assert.ok((await changed).diagnostics.length > 0);
    t.diagnostic(`keystroke → diagnostics: ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('row 6 and item 4: untrusted, a configuration cannot raise maxFileSize; it says so, and may still lower it', { timeout: 60_000 }, async () => {
    const raised = workspace('untrusted-raise', { '.imrlintrc.json': JSON.stringify({ maxFileSize: 100_000_000 }) });
    const lowered = workspace('untrusted-lower', { '.imrlintrc.json': JSON.stringify({ maxFileSize: 1000 }) });
    const session = await server({ workspaceFolders: [raised, lowered], initializationOptions: { trusted: false } });
    const big = `${seed}\n${'lorem ipsum '.repeat((11 * 2 ** 20) / 12)}`;
    const diagnostics = await diagnosticsOf(session, path.join(raised, 'd.imr.md'), big);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code).sort(), ['configuration', 'max-file-size']);
    assert.ok(diagnostics.some((diagnostic) => /maxFileSize: 100000000 is not used in an untrusted workspace/.test(diagnostic.message)));
    assert.deepEqual(
      (await diagnosticsOf(session, path.join(lowered, 'd.imr.md'), seed)).map((diagnostic) => diagnostic.code),
      ['max-file-size'],
    );
  });

  it('item 8: after shutdown every request but exit gets InvalidRequest, and exit ends the server with status 0', { timeout: 30_000 }, async () => {
    const session = await startServer({});
    await session.connection.sendRequest(ShutdownRequest.type);
    await assert.rejects(
      session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///x.imr.md' } }),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidRequest,
    );
    await assert.rejects(
      session.connection.sendRequest(ShutdownRequest.type),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidRequest,
    );
    const exited = new Promise<number | null>((resolve) => session.process.once('exit', resolve));
    await session.stop();
    assert.equal(await exited, 0);
  });
});
