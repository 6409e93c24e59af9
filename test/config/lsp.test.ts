// The language server and configuration: re-validation on settings and file changes, notices, ignored drafts,
// and diagnostics inside the configuration file. Needs `npm run build` first: it runs the bundled server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { notifyFilesChanged, notifySettingsChanged, startServer, type LspSession } from '../support/lsp';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
const approved = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');

const decision = (params: PublishDiagnosticsParams): Diagnostic | undefined => params.diagnostics.find((diagnostic) => diagnostic.code === 'decision-value');
const notices = (params: PublishDiagnosticsParams): Diagnostic[] => params.diagnostics.filter((diagnostic) => diagnostic.code === 'configuration');

describe('configuration over LSP', () => {
  let workspace: string;
  let server: LspSession;
  const uriOf = (file: string): string => pathToFileURL(path.join(workspace, file)).toString();
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  };
  const fileChanged = (file: string, type: FileChangeType = FileChangeType.Changed): void => notifyFilesChanged(server, [{ uri: uriOf(file), type }]);

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'imr-config-lsp-'));
    server = await startServer({ workspaceFolders: [workspace] });
  });

  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('re-validates open drafts when settings or configuration files change', async () => {
    const draft = uriOf('drafts/approved.imr.md');
    const opened = server.diagnostics(draft);
    server.open(draft, approved);
    assert.equal(decision(await opened)?.severity, 1, 'an error by default');

    // Settings turn the rule off.
    const quiet = server.diagnostics(draft, (params) => decision(params) === undefined);
    server.settings.imr = { rules: { 'decision-value': 'off' } };
    notifySettingsChanged(server);
    assert.deepEqual(notices(await quiet), []);

    // A configuration file wins over the settings.
    const warned = server.diagnostics(draft, (params) => decision(params)?.severity === 2);
    write('.imrlintrc.json', '{ "rules": { "decision-value": "warning" } }');
    fileChanged('.imrlintrc.json', FileChangeType.Created);
    await warned;

    // A broken file: a notice at line 0 naming the file, the path and the reason; the defaults apply.
    const broken = server.diagnostics(draft, (params) => notices(params).length > 0);
    write('.imrlintrc.json', '{\n  "rules": { "decision-value": "warning", "phi": "warn" }\n}\n');
    fileChanged('.imrlintrc.json');
    const published = await broken;
    const [notice] = notices(published);
    assert.equal(
      notice.message,
      'Configuration .imrlintrc.json is invalid: rules.phi: "warn" is not a severity; write "warning" (line 2); the defaults apply.',
    );
    assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(notice.severity, 2);
    assert.equal(decision(published)?.severity, 1, 'the defaults apply, settings included');

    // Fixed: the notice goes.
    const fixed = server.diagnostics(draft, (params) => notices(params).length === 0);
    write('.imrlintrc.json', '{ "rules": { "decision-value": "hint" } }');
    fileChanged('.imrlintrc.json');
    assert.equal(decision(await fixed)?.severity, 4);

    server.close(draft);
    server.settings.imr = {};
  });

  it('publishes nothing for a draft the configuration ignores', async () => {
    write('ignoring/.imrlintrc.json', '{ "ignore": ["templates/"] }');
    const ignored = uriOf('ignoring/templates/approved.imr.md');
    const checked = uriOf('ignoring/approved.imr.md');
    const first = server.diagnostics(checked);
    server.open(checked, approved);
    assert.ok(decision(await first), 'a draft outside the ignored folder is checked');
    const second = server.diagnostics(ignored);
    server.open(ignored, approved);
    assert.deepEqual((await second).diagnostics, []);
    server.close(checked);
    server.close(ignored);
  });

  it('selects a custom profile for a folder', async () => {
    write('acme/.imrlintrc.json', readFileSync(new URL('fixtures/acme-iro.imrlintrc.json', import.meta.url), 'utf8'));
    const letter = uriOf('acme/letter.md');
    const published = server.diagnostics(letter);
    server.open(letter, readFileSync(new URL('fixtures/acme-iro.md', import.meta.url), 'utf8').replace(/^---[\s\S]*?---\n/, 'DRAFT\n\n'), 'markdown');
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.severity! <= 2),
      [],
    );
    server.close(letter);
  });

  it('diagnoses an open configuration file at the offending node, and never lints it as a draft', async () => {
    const config = uriOf('editing/.imrlintrc.json');
    const text = '{\n  "profile": "ca-dwc-imr-2020",\n  "rules": { "decisionvalue": "off" }\n}\n';
    const opened = server.diagnostics(config);
    server.open(config, text, 'json');
    const { diagnostics } = await opened;
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.range, diagnostic.severity, diagnostic.message]),
      [
        [
          { start: { line: 2, character: 13 }, end: { line: 2, character: 28 } },
          1,
          'rules.decisionvalue: unknown rule "decisionvalue"; did you mean "decision-value"?',
        ],
      ],
      'the schema error first; the profile name is checked once the file is otherwise valid',
    );

    const edited = server.diagnostics(config, (params) => params.version === 2);
    server.change(config, 2, [{ range: { start: { line: 2, character: 13 }, end: { line: 2, character: 28 } }, text: '"decision-value"' }]);
    const second = await edited;
    assert.deepEqual(
      second.diagnostics.map((diagnostic) => [diagnostic.range, diagnostic.message]),
      [
        [
          { start: { line: 1, character: 13 }, end: { line: 1, character: 30 } },
          'profile: unknown profile "ca-dwc-imr-2020" (profiles: ca-dwc-imr, ca-dwc-imr-2015, ca-dwc-imr-2013); name a built-in profile or define it under "profiles"',
        ],
      ],
    );

    const clean = server.diagnostics(config, (params) => params.version === 3);
    server.change(config, 3, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 30 } }, text: '"ca-dwc-imr-2015"' }]);
    assert.deepEqual((await clean).diagnostics, []);
    server.close(config);
  });

  it('shows problems of a file the open configuration extends at its extends entry', async () => {
    write('shared/.imrlintrc.base.json', '{ "rules": { "phi": 3 } }');
    const config = uriOf('team/.imrlintrc.jsonc');
    const opened = server.diagnostics(config);
    server.open(config, '// the team file\n{ "extends": ["../shared/.imrlintrc.base.json", "./nope.json"] }\n', 'jsonc');
    const messages = (await opened).diagnostics.map((diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message}`);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0], /^1: extends\[0\]: "\.\.\/shared\/\.imrlintrc\.base\.json" is invalid: rules\.phi: a rule setting is/);
    assert.match(messages[1], /^1: extends\[1\]: cannot find "\.\/nope\.json"/);
    server.close(config);
  });
});
