// A client with neither workspace/configuration nor file watching (Neovim 0.7 as it comes): settings arrive in
// initializationOptions and didChangeConfiguration, and configuration files are checked by the server itself.
// Needs `npm run build`: it runs the bundled server over stdio.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type ClientCapabilities,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { PULLING_CLIENT, startServer, type LspSession } from '../support/lsp';

// Pasted from a PDF: "Approved" where the decision goes, a misspelt state, a phone number, a contradiction.
const pasted = readFileSync(new URL('../neovim/fixtures/lumbar-pasted.imr.md', import.meta.url), 'utf8');

/** Neovim 0.7's capabilities, as far as the server reads them: no configuration request, no watchers, pushed diagnostics. */
const PLAIN: ClientCapabilities = {
  workspace: { applyEdit: true, workspaceFolders: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } } },
};

const find = (params: PublishDiagnosticsParams, code: string): Diagnostic | undefined => params.diagnostics.find((diagnostic) => diagnostic.code === code);
const has = (code: string) => (params: PublishDiagnosticsParams) => find(params, code) !== undefined;
const lacks = (code: string) => (params: PublishDiagnosticsParams) => find(params, code) === undefined;

function workspace(): { root: string; write(file: string, text: string): void; uri(file: string): string; remove(file: string): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'imr-plain-'));
  return {
    root,
    write(file, text) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    },
    uri: (file) => pathToFileURL(path.join(root, file)).toString(),
    remove: (file) => unlinkSync(path.join(root, file)),
  };
}

describe('settings without workspace/configuration', { timeout: 60_000 }, () => {
  const folder = workspace();
  after(() => rmSync(folder.root, { recursive: true, force: true }));

  async function opened(server: LspSession, file: string): Promise<PublishDiagnosticsParams> {
    const uri = folder.uri(file);
    const published = server.diagnostics(uri);
    server.open(uri, pasted, 'markdown');
    return published;
  }

  it('reads the "imr" object of initializationOptions, and never asks for workspace/configuration', async () => {
    const server = await startServer({
      capabilities: PLAIN,
      workspaceFolders: [folder.root],
      initializationOptions: { debounceMs: 0, imr: { rules: { 'decision-value': 'warning', 'credential-state': 'off' } } },
    });
    try {
      const first = await opened(server, 'init/lumbar.md');
      assert.equal(find(first, 'decision-value')?.severity, 2);
      assert.equal(find(first, 'credential-state'), undefined);
      assert.ok(find(first, 'phi'), 'the other rules run');
      assert.equal(server.requests.configuration, 0);
    } finally {
      await server.stop();
    }
  });

  it('reads settings at initializationOptions\' top level when it has no "imr" object (a Helix config table)', async () => {
    const server = await startServer({
      capabilities: PLAIN,
      workspaceFolders: [folder.root],
      initializationOptions: { debounceMs: 0, rules: { phi: 'error' } },
    });
    try {
      assert.equal(find(await opened(server, 'helix/lumbar.md'), 'phi')?.severity, 1);
    } finally {
      await server.stop();
    }
  });

  it('follows didChangeConfiguration, re-checking open drafts; a change naming no settings keeps them', async () => {
    const server = await startServer({ capabilities: PLAIN, workspaceFolders: [folder.root], initializationOptions: { debounceMs: 0 } });
    const change = (settings: unknown): void => void server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    try {
      const uri = folder.uri('changes/lumbar.md');
      assert.equal(find(await opened(server, 'changes/lumbar.md'), 'decision-value')?.severity, 1);

      // As Neovim 0.7 sends its `settings` after initialized.
      const off = server.diagnostics(uri, lacks('decision-value'));
      change({ imr: { rules: { 'decision-value': 'off' } } });
      assert.ok(find(await off, 'phi'));

      // Another server's settings, or none: what the server had stays.
      const again = server.diagnostics(uri);
      change({ pyright: { typeCheckingMode: 'strict' } });
      assert.equal(find(await again, 'decision-value'), undefined);

      // A mistake is a notice on the draft, and the defaults apply.
      const invalid = server.diagnostics(uri, has('configuration'));
      change({ imr: { rules: { 'decision-value': 'warn' } } });
      const published = await invalid;
      assert.match(
        String(find(published, 'configuration')!.message),
        /^The "imr" settings are invalid: .*decision-value.*"warn" is not a severity; write "warning".*the defaults apply\.$/,
      );
      assert.equal(find(published, 'decision-value')?.severity, 1);

      const cleared = server.diagnostics(uri, (params) => lacks('configuration')(params) && has('decision-value')(params));
      change({ imr: {} });
      await cleared;
      assert.equal(server.requests.configuration, 0);
    } finally {
      await server.stop();
    }
  });

  it('prefers the answer to workspace/configuration where the client has it, and falls back when it answers nothing', async () => {
    const capable: ClientCapabilities = { ...PLAIN, workspace: { ...PLAIN.workspace, configuration: true } };
    const server = await startServer({
      capabilities: capable,
      workspaceFolders: [folder.root],
      initializationOptions: { debounceMs: 0, imr: { rules: { phi: 'off' } } },
      settings: { rules: { phi: 'error' } },
    });
    try {
      const uri = folder.uri('capable/lumbar.md');
      assert.equal(find(await opened(server, 'capable/lumbar.md'), 'phi')?.severity, 1);
      // Helix answers null for a section its config does not hold.
      delete server.settings.imr;
      const fallback = server.diagnostics(uri, lacks('phi'));
      void server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await fallback;
    } finally {
      await server.stop();
    }
  });
});

describe('configuration files the client cannot watch', { timeout: 60_000 }, () => {
  const folder = workspace();
  let server: LspSession;

  before(async () => {
    folder.write('.git/HEAD', 'ref: refs/heads/main\n');
    server = await startServer({ capabilities: PLAIN, workspaceFolders: [folder.root] });
  });
  after(async () => {
    await server.stop();
    rmSync(folder.root, { recursive: true, force: true });
  });

  let version = 1;
  /** The reviewer types a line into the draft: the next check looks at the configuration files again. */
  function type(uri: string): void {
    version++;
    server.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
  }

  it('registers no watcher with a client that cannot take one', () => {
    assert.deepEqual(
      server.registrations.filter((registration) => registration.method === DidChangeWatchedFilesNotification.method),
      [],
    );
  });

  it('notices a configuration file created, edited, extended and removed, at the next keystroke, in every open draft', async () => {
    const draft = folder.uri('cases/july/lumbar.md');
    const other = folder.uri('cases/august/lumbar.md');
    const first = server.diagnostics(draft);
    server.open(draft, pasted, 'markdown');
    assert.ok(find(await first, 'phi'));
    const second = server.diagnostics(other);
    server.open(other, pasted, 'markdown');
    assert.ok(find(await second, 'phi'));

    // Created where none was: in the folder above both drafts. No file event reaches the server.
    const quiet = server.diagnostics(draft, lacks('phi'));
    const otherQuiet = server.diagnostics(other, lacks('phi'));
    folder.write('cases/.imrlintrc.json', '{ "rules": { "phi": "off" } }\n');
    type(draft);
    await Promise.all([quiet, otherQuiet]);

    // Edited in place.
    const hinted = server.diagnostics(draft, (params) => find(params, 'phi')?.severity === 4);
    folder.write('cases/.imrlintrc.json', '{ "rules": { "phi": "hint" } }\n');
    type(draft);
    await hinted;

    // A base it extends, edited: nearer files still win, the base's other rules apply.
    folder.write('shared/.imrlintrc.team.json', '{ "rules": { "credential-state": "off" } }\n');
    const extended = server.diagnostics(draft, lacks('credential-state'));
    folder.write('cases/.imrlintrc.json', '{ "extends": "../shared/.imrlintrc.team.json", "rules": { "phi": "hint" } }\n');
    type(draft);
    await extended;
    const baseEdited = server.diagnostics(draft, (params) => find(params, 'credential-state')?.severity === 1);
    folder.write('shared/.imrlintrc.team.json', '{ "rules": { "credential-state": "error" } }\n');
    type(draft);
    await baseEdited;

    // Removed: the defaults again.
    const defaults = server.diagnostics(draft, (params) => find(params, 'phi')?.severity === 2 && find(params, 'credential-state')?.severity === 2);
    folder.remove('cases/.imrlintrc.json');
    type(draft);
    await defaults;
  });
});

describe('configuration files a client watches', { timeout: 60_000 }, () => {
  it('registers watchers for configuration files, and for drafts too where diagnostics are pulled', async () => {
    const watching: ClientCapabilities = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
    const pushing = await startServer({ capabilities: watching });
    const pulling = await startServer({
      capabilities: { ...PULLING_CLIENT, workspace: { ...PULLING_CLIENT.workspace, ...watching.workspace } },
    });
    try {
      // Registered once initialized arrives.
      const globs = async (server: LspSession): Promise<unknown[]> => {
        const registration = await server.registered(DidChangeWatchedFilesNotification.method);
        return (registration.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((watcher) => watcher.globPattern);
      };
      assert.deepEqual(await globs(pushing), ['**/.imrlintrc', '**/.imrlintrc.json', '**/.imrlintrc.jsonc', '**/.imrlintrc.*.json']);
      assert.deepEqual(await globs(pulling), ['**/.imrlintrc', '**/.imrlintrc.json', '**/.imrlintrc.jsonc', '**/.imrlintrc.*.json', '**/*.md']);
    } finally {
      await Promise.all([pushing.stop(), pulling.stop()]);
    }
  });
});
