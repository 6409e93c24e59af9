// The one rule for settings an editor gives without being asked (initializationOptions, didChangeConfiguration),
// and what the server reads of the client's capabilities.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InitializeParams } from 'vscode-languageserver-protocol';
import { clientFeatures } from '../../server/src/client';
import { debounceGiven, settingsGiven } from '../../server/src/settings';

describe('settings given by the editor', () => {
  it('takes the "imr" object when there is one, whatever else the payload holds', () => {
    assert.deepEqual(settingsGiven({ debounceMs: 150, rules: { phi: 'off' }, imr: { rules: { phi: 'error' } } }), { rules: { phi: 'error' } });
  });

  it('takes the setting keys at the top level when there is no "imr" object (a Helix config table), and only those', () => {
    assert.deepEqual(settingsGiven({ debounceMs: 150, trusted: true, profile: 'ca-dwc-imr-2013', ignore: ['templates/**'] }), {
      profile: 'ca-dwc-imr-2013',
      ignore: ['templates/**'],
    });
  });

  it('gives nothing for a payload that names no setting, so the settings stay as they were', () => {
    for (const payload of [undefined, null, 'imr', [], {}, { debounceMs: 150 }, { pyright: { strict: true } }, { imr: 'off' }, { imr: ['rules'] }]) {
      assert.equal(settingsGiven(payload), undefined, JSON.stringify(payload));
    }
  });

  it('passes a present but wrong value on, for the service to report (never drops a mistake silently)', () => {
    assert.deepEqual(settingsGiven({ rules: 'all' }), { rules: 'all' });
  });

  it('reads debounceMs at the top level or among the settings, when it is a number of milliseconds', () => {
    assert.equal(debounceGiven({ debounceMs: 0 }), 0);
    assert.equal(debounceGiven({ imr: { debounceMs: 300 } }), 300);
    assert.equal(debounceGiven({ debounceMs: 80, imr: { debounceMs: 300 } }), 80);
    for (const payload of [{ debounceMs: -1 }, { debounceMs: '150' }, { debounceMs: Number.NaN }, { imr: {} }, null]) {
      assert.equal(debounceGiven(payload), undefined, JSON.stringify(payload));
    }
  });
});

describe("the client's features", () => {
  const params = (capabilities: InitializeParams['capabilities'], initializationOptions?: unknown): InitializeParams => ({
    processId: null,
    rootUri: null,
    capabilities,
    initializationOptions,
  });

  it('assumes nothing a client does not declare (Neovim 0.7)', () => {
    assert.deepEqual(clientFeatures(params({ workspace: { applyEdit: true }, textDocument: {} })), {
      configuration: false,
      watchesFiles: false,
      pullsDiagnostics: false,
      refreshesDiagnostics: false,
      retriggerCommand: undefined,
    });
  });

  it('pulls diagnostics where the client declares them, unless initializationOptions asks for them published', () => {
    const pulling = { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } };
    assert.equal(clientFeatures(params(pulling)).pullsDiagnostics, true);
    assert.equal(clientFeatures(params(pulling)).refreshesDiagnostics, true);
    assert.equal(clientFeatures(params(pulling, { pullDiagnostics: false })).pullsDiagnostics, false);
  });

  it('watches files only with dynamic registration of didChangeWatchedFiles', () => {
    assert.equal(clientFeatures(params({ workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } })).watchesFiles, false);
    assert.equal(clientFeatures(params({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } })).watchesFiles, true);
  });

  it("takes the client's retrigger command by name, and nothing that is not a command name", () => {
    assert.equal(clientFeatures(params({}, { retriggerCommand: 'editor.action.triggerSuggest' })).retriggerCommand, 'editor.action.triggerSuggest');
    for (const retriggerCommand of ['', 'a b', 'x'.repeat(201), 42, { command: 'editor.action.triggerSuggest' }]) {
      assert.equal(clientFeatures(params({}, { retriggerCommand })).retriggerCommand, undefined, JSON.stringify(retriggerCommand));
    }
  });
});
