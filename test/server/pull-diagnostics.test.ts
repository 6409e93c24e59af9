// Pulled diagnostics (LSP 3.17) over stdio: a client that declares textDocument.diagnostic pulls a document's
// findings and the whole workspace's, with result ids, and is never sent publishDiagnostics. Needs `npm run build`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  FileChangeType,
  WorkspaceDiagnosticRequest,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type PreviousResultId,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { notifyFilesChanged, notifySettingsChanged, PULLING_CLIENT, startServer, type LspSession } from '../support/lsp';

const fixture = (name: string): string => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const seed = fixture('fixtures/seed.imr.md');
// "Lumbar Discogram:  Denied": a utilization review word where the decision goes.
const denied = fixture('fixtures/defective/decision-ur-word.imr.md');
// Pasted from a PDF, wrapped mid-sentence, named like any Markdown file: read as a determination by its titles.
const pasted = fixture('neovim/fixtures/lumbar-pasted.imr.md');
const notes = fixture('fixtures/not-determinations/README.md');

const codes = (items: Diagnostic[]): string[] => items.map((diagnostic) => String(diagnostic.code)).sort();

function folder(): { root: string; write(file: string, text: string): string; uri(file: string): string } {
  const root = mkdtempSync(path.join(tmpdir(), 'imr-pull-'));
  return {
    root,
    write(file, text) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
      return pathToFileURL(path.join(root, file)).toString();
    },
    uri: (file) => pathToFileURL(path.join(root, file)).toString(),
  };
}

async function pullDocument(server: LspSession, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
}

interface WorkspacePull {
  /** Every document's report, from the partial results and the response. */
  reports: Map<string, WorkspaceDocumentDiagnosticReport>;
  /** The number of partial results, and how many documents the response itself carried. */
  batches: number;
  inResponse: number;
}

let tokens = 0;
async function pullWorkspace(server: LspSession, previous: Map<string, WorkspaceDocumentDiagnosticReport> = new Map(), partial = true): Promise<WorkspacePull> {
  const previousResultIds: PreviousResultId[] = [...previous.values()].flatMap((report) =>
    report.resultId ? [{ uri: report.uri, value: report.resultId }] : [],
  );
  const reports = new Map<string, WorkspaceDocumentDiagnosticReport>();
  let batches = 0;
  const token = `imr-workspace-${++tokens}`;
  const listening = partial
    ? server.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (chunk) => {
        batches++;
        chunk.items.forEach((item) => reports.set(item.uri, item));
      })
    : undefined;
  const response = await server.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
    previousResultIds,
    ...(partial ? { partialResultToken: token } : {}),
  });
  listening?.dispose();
  response.items.forEach((item) => reports.set(item.uri, item));
  return { reports, batches, inResponse: response.items.length };
}

const full = (report: WorkspaceDocumentDiagnosticReport | undefined): Diagnostic[] => {
  assert.ok(report, 'a report');
  assert.equal(report.kind, DocumentDiagnosticReportKind.Full, `a full report for ${report.uri}`);
  return (report as { items: Diagnostic[] }).items;
};

describe('pulled diagnostics over stdio', { timeout: 60_000 }, () => {
  const workspace = folder();
  let server: LspSession;

  before(async () => {
    workspace.write('cases/2016-07/discogram.imr.md', denied);
    workspace.write('cases/2016-07/hip.imr.md', seed);
    workspace.write('cases/2016-08/lumbar-from-pdf.md', pasted);
    workspace.write('notes/README.md', notes);
    // None of these is searched: installed packages, a hidden folder, and what configuration leaves out.
    workspace.write('node_modules/imr-templates/template.imr.md', denied);
    workspace.write('.archive/2015/old.imr.md', denied);
    workspace.write('templates/item.imr.md', denied);
    workspace.write('.imrlintrc.json', '{\n  // starting points, not letters\n  "ignore": ["templates/**"]\n}\n');
    server = await startServer({ capabilities: PULLING_CLIENT, workspaceFolders: [workspace.root] });
  });

  after(async () => {
    await server.stop();
    rmSync(workspace.root, { recursive: true, force: true });
  });

  it('offers document and workspace diagnostics, with no dependencies between drafts', () => {
    assert.deepEqual(server.initializeResult.capabilities.diagnosticProvider, { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: true });
  });

  it("reports an open draft's findings with a result id; the same text is unchanged; an edit gives new findings", async () => {
    const uri = workspace.uri('cases/2016-07/discogram.imr.md');
    server.open(uri, denied);
    const first = await pullDocument(server, uri);
    assert.equal(first.kind, DocumentDiagnosticReportKind.Full);
    const decision = first.items.find((diagnostic) => diagnostic.code === 'decision-value');
    assert.ok(decision, codes(first.items).join());
    assert.equal(denied.split('\n')[decision.range.start.line].slice(decision.range.start.character, decision.range.end.character), 'Denied');
    assert.ok(first.resultId);

    assert.deepEqual(await pullDocument(server, uri, first.resultId), { kind: DocumentDiagnosticReportKind.Unchanged, resultId: first.resultId });

    server.change(uri, 2, [{ range: decision.range, text: 'Upheld' }]);
    const edited = await pullDocument(server, uri, first.resultId);
    assert.equal(edited.kind, DocumentDiagnosticReportKind.Full);
    assert.notEqual(edited.resultId, first.resultId);
    assert.equal(
      edited.items.some((diagnostic) => diagnostic.code === 'decision-value'),
      false,
    );
    server.close(uri);
  });

  it('reports a closed draft from its file, and a configuration file at its offending key', async () => {
    const closed = await pullDocument(server, workspace.uri('cases/2016-07/discogram.imr.md'));
    assert.ok(closed.kind === DocumentDiagnosticReportKind.Full && closed.items.some((diagnostic) => diagnostic.code === 'decision-value'));

    const config = workspace.uri('editing/.imrlintrc.json');
    server.open(config, '{ "rules": { "phi": "warn" } }', 'json');
    const problems = await pullDocument(server, config);
    assert.equal(problems.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(
      problems.items.map((diagnostic) => diagnostic.message),
      ['rules.phi: "warn" is not a severity; write "warning"'],
    );
    server.close(config);
  });

  it('reports every determination of the workspace, then only what changed, then what went away', async () => {
    // An open draft is reported with its version and the text the editor holds, not the file's.
    const open = workspace.uri('cases/2016-07/discogram.imr.md');
    server.open(open, denied.replace('Lumbar Discogram:  Denied', 'Lumbar Discogram:  Upheld'), 'imr', 7);

    const first = await pullWorkspace(server);
    assert.deepEqual(
      [...first.reports.keys()].map((uri) => path.relative(workspace.root, new URL(uri).pathname)).sort(),
      ['cases/2016-07/discogram.imr.md', 'cases/2016-07/hip.imr.md', 'cases/2016-08/lumbar-from-pdf.md'],
      'no README, nothing under node_modules, a dot-folder or an ignored folder',
    );
    assert.equal(first.inResponse, 0, 'everything came as partial results; the response is empty, as the protocol asks');
    assert.ok(first.batches >= 1);
    const openReport = first.reports.get(open)!;
    assert.equal(openReport.version, 7);
    assert.equal(
      full(openReport).some((diagnostic) => diagnostic.code === 'decision-value'),
      false,
    );
    assert.equal(first.reports.get(workspace.uri('cases/2016-07/hip.imr.md'))!.version, null);
    assert.deepEqual(
      full(first.reports.get(workspace.uri('cases/2016-07/hip.imr.md'))).filter((diagnostic) => diagnostic.severity! <= 2),
      [],
    );
    const pdf = codes(full(first.reports.get(workspace.uri('cases/2016-08/lumbar-from-pdf.md'))));
    for (const rule of ['conclusion-decision', 'credential-state', 'decision-value', 'phi']) assert.ok(pdf.includes(rule), `${rule} in ${pdf.join()}`);

    const second = await pullWorkspace(server, first.reports);
    assert.deepEqual(
      [...second.reports.values()].map((report) => report.kind),
      ['unchanged', 'unchanged', 'unchanged'],
    );

    // The reviewer saves a defect into the clean letter, and deletes the PDF paste.
    workspace.write('cases/2016-07/hip.imr.md', seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved'));
    unlinkSync(path.join(workspace.root, 'cases/2016-08/lumbar-from-pdf.md'));
    const third = await pullWorkspace(server, second.reports);
    assert.equal(third.reports.get(open)!.kind, 'unchanged');
    assert.ok(full(third.reports.get(workspace.uri('cases/2016-07/hip.imr.md'))).some((diagnostic) => diagnostic.code === 'decision-value'));
    const gone = third.reports.get(workspace.uri('cases/2016-08/lumbar-from-pdf.md'));
    assert.deepEqual(full(gone), [], 'a deleted draft is cleared');
    assert.equal(gone!.resultId, undefined);
    server.close(open);
  });

  it('asks the editor to pull again when settings or a configuration file change, and the next pull follows them', async () => {
    const uri = workspace.uri('cases/2016-07/discogram.imr.md');
    server.open(uri, denied);
    const before = await pullDocument(server, uri);
    assert.ok(before.kind === 'full' && before.items.some((diagnostic) => diagnostic.code === 'decision-value'));

    const refreshed = server.refreshed();
    server.settings.imr = { rules: { 'decision-value': 'off' } };
    notifySettingsChanged(server);
    await refreshed;
    const after = await pullDocument(server, uri, before.resultId);
    assert.ok(after.kind === 'full' && !after.items.some((diagnostic) => diagnostic.code === 'decision-value'));

    const again = server.refreshed();
    workspace.write('cases/.imrlintrc.json', '{ "rules": { "decision-value": "hint" } }');
    notifyFilesChanged(server, [{ uri: workspace.uri('cases/.imrlintrc.json'), type: FileChangeType.Created }]);
    await again;
    const hinted = await pullDocument(server, uri, after.resultId);
    assert.equal(hinted.kind, 'full');
    assert.equal(hinted.items.find((diagnostic) => diagnostic.code === 'decision-value')?.severity, 4, 'the file wins over the settings');

    server.settings.imr = {};
    unlinkSync(path.join(workspace.root, 'cases/.imrlintrc.json'));
    const restored = server.refreshed();
    notifyFilesChanged(server, [{ uri: workspace.uri('cases/.imrlintrc.json'), type: FileChangeType.Deleted }]);
    await restored;
    server.close(uri);
  });

  it('never publishes diagnostics to a client that pulls them', () => {
    assert.deepEqual(server.published, []);
  });
});

describe('workspace diagnostics of a large workspace', { timeout: 240_000 }, () => {
  const workspace = folder();
  const DRAFTS = 120;
  let server: LspSession;

  before(async () => {
    for (let index = 1; index <= DRAFTS; index++) {
      const month = String((index % 12) + 1).padStart(2, '0');
      // Every third letter still says what utilization review said.
      const text = index % 3 === 0 ? denied : seed;
      workspace.write(`2016-${month}/CM16-${String(index).padStart(7, '0')}.imr.md`, text);
    }
    server = await startServer({ capabilities: PULLING_CLIENT, workspaceFolders: [workspace.root] });
  });

  after(async () => {
    await server.stop();
    rmSync(workspace.root, { recursive: true, force: true });
  });

  it('sends the reports in batches as partial results, each draft once', { timeout: 120_000 }, async () => {
    const pulled = await pullWorkspace(server);
    assert.equal(pulled.reports.size, DRAFTS);
    assert.ok(pulled.batches >= Math.ceil(DRAFTS / 50), `${pulled.batches} batches`);
    const withDecisionValue = [...pulled.reports.values()].filter((report) => full(report).some((diagnostic) => diagnostic.code === 'decision-value'));
    assert.equal(withDecisionValue.length, DRAFTS / 3);
  });

  it('answers all at once when the editor takes no partial results, then reports every unchanged draft unchanged', { timeout: 120_000 }, async () => {
    const first = await pullWorkspace(server, new Map(), false);
    assert.equal(first.inResponse, DRAFTS);
    const second = await pullWorkspace(server, first.reports, false);
    assert.deepEqual(new Set([...second.reports.values()].map((report) => report.kind)), new Set(['unchanged']));
  });
});

describe('a client that could pull but asks for published diagnostics', { timeout: 60_000 }, () => {
  it('publishes, and offers no pulled diagnostics', async () => {
    const server = await startServer({ capabilities: PULLING_CLIENT, initializationOptions: { pullDiagnostics: false } });
    try {
      assert.equal(server.initializeResult.capabilities.diagnosticProvider, undefined);
      const uri = pathToFileURL(path.join(tmpdir(), 'imr-push', 'discogram.imr.md')).toString();
      const published = server.diagnostics(uri);
      server.open(uri, denied);
      assert.ok((await published).diagnostics.some((diagnostic) => diagnostic.code === 'decision-value'));
    } finally {
      await server.stop();
    }
  });
});
