import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { applyEdits, fixEdits } from '../../engine/src/fixes';
import { lint } from '../../engine/src/lint';
import type { Finding, TextEdit as EngineEdit } from '../../engine/src/rules/types';
import { LineIndex } from '../../engine/src/text';
import { CodeActionKind, CodeActionRequest, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { defects, draftWith, repaired, replaceOnce, seed, seedWith } from '../language/drafts';
import { applyTextEdits, fileUri, startServer, type LspSession } from '../support/lsp';

const messageOf = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

const DEFECTIVE = new URL('../fixtures/defective/', import.meta.url);
const defectiveFixtures = readdirSync(DEFECTIVE)
  .filter((name) => name.endsWith('.imr.md'))
  .sort();

/** What fix-all must give, worked out with the engine's own fix primitives (as the CLI's --fix applies them). */
function fixedByPasses(text: string): { text: string; passes: number; firstPass: EngineEdit[]; fixed: Finding[] } {
  let current = text;
  let findings = lint(current).findings;
  const fixed = findings.filter((finding) => finding.fix);
  const firstPass = fixEdits(findings);
  let passes = 0;
  for (let edits = firstPass; edits.length > 0 && passes < 10; edits = fixEdits(findings)) {
    current = applyEdits(current, edits).text;
    findings = lint(current).findings;
    passes++;
  }
  return { text: current, passes, firstPass, fixed };
}

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

describe('code actions over stdio', () => {
  let server: LspSession;
  let opened = 0;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = fileUri(`actions-${++opened}.imr.md`);
    const published = server.diagnostics(uri);
    server.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }

  async function relint(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const published = server.diagnostics(uri, (params) => params.version === version);
    server.change(uri, version, [{ text }]);
    return (await published).diagnostics;
  }

  async function actions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (result ?? []) as CodeAction[];
  }

  const edited = (text: string, uri: string, action: CodeAction): string => applyTextEdits(text, action.edit!.changes![uri]);

  it('advertises quick fixes, source.fixAll and source.fixAll.imr', () => {
    const provider = server.initializeResult.capabilities.codeActionProvider as { codeActionKinds: string[] };
    assert.deepEqual(provider.codeActionKinds, ['quickfix', 'source.fixAll', 'source.fixAll.imr']);
  });

  for (const defect of defects) {
    it(`offers "${defect.fixTitle}" for ${defect.name}; applied, the finding is gone`, async () => {
      const draft = draftWith([defect]);
      const { uri, diagnostics } = await open(draft);
      const diagnostic = diagnostics.find((candidate) => candidate.code === defect.ruleId && defect.message.test(messageOf(candidate)));
      assert.ok(diagnostic, `${defect.ruleId} reported`);
      const offered = await actions(uri, diagnostic.range, [diagnostic]);
      const fix = offered.find((action) => action.title === defect.fixTitle);
      assert.ok(fix, `offered: ${offered.map((action) => action.title).join(' | ')}`);
      assert.equal(fix.kind, CodeActionKind.QuickFix);
      assert.deepEqual(fix.diagnostics, [diagnostic]);
      // Preferred only when it is the finding's one fix (fix-all carries no diagnostic; "Disable" is no fix).
      const alternatives = offered.filter((action) => action !== fix && (action.diagnostics?.length ?? 0) > 0 && !action.title.startsWith('Disable '));
      assert.equal(fix.isPreferred, alternatives.length === 0);
      const fixed = edited(draft, uri, fix);
      assert.equal(fixed, repaired(draft, [defect]));
      const after = await relint(uri, 2, fixed);
      assert.deepEqual(
        after.filter((candidate) => candidate.code === defect.ruleId && defect.message.test(messageOf(candidate))),
        [],
      );
      server.close(uri);
    });
  }

  it('offers the neutral term for a personal name besides [REDACTED], neither preferred', async () => {
    const defect = defects.find((candidate) => candidate.ruleId === 'phi')!;
    const draft = draftWith([defect]);
    const { uri, diagnostics } = await open(draft);
    const diagnostic = diagnostics.find((candidate) => candidate.code === 'phi')!;
    const offered = (await actions(uri, diagnostic.range, [diagnostic])).filter((action) => !action.title.startsWith('Disable '));
    assert.deepEqual(
      offered.map((action) => [action.title, action.isPreferred]),
      [
        ['Redact as [REDACTED]', false],
        ['Replace with "the applicant"', false],
      ],
    );
    assert.match(edited(draft, uri, offered[1]), /\nthe applicant filed a claim/);
    server.close(uri);
  });

  it('offers both decision words for an unknown one, and changes it to the one chosen', async () => {
    const draft = replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Pending review');
    const { uri, diagnostics } = await open(draft);
    const diagnostic = diagnostics.find((candidate) => candidate.code === 'decision-value')!;
    const offered = (await actions(uri, diagnostic.range, [diagnostic])).filter((action) => action.title.startsWith('Change'));
    assert.deepEqual(
      offered.map((action) => action.title),
      ['Change to "Upheld"', 'Change to "Overturned"'],
    );
    assert.equal(edited(draft, uri, offered[1]), seed);
    server.close(uri);
  });

  describe('disable for this line', () => {
    it('inserts the directive above the finding, indented like its line, and the finding is gone', async () => {
      const draft = replaceOnce(seed, 'State(s) of Licensure: Texas, Ohio', '  State(s) of Licensure: Texas, Ohoi');
      const { uri, diagnostics } = await open(draft);
      const diagnostic = diagnostics.find((candidate) => candidate.code === 'credential-state')!;
      const disable = (await actions(uri, diagnostic.range, [diagnostic])).find((action) => action.title === 'Disable credential-state for this line');
      assert.ok(disable);
      assert.equal(disable.kind, CodeActionKind.QuickFix);
      const fixed = edited(draft, uri, disable);
      assert.equal(fixed, replaceOnce(draft, '  State(s)', '  <!-- imr-disable-next-line credential-state -->\n  State(s)'));
      const after = await relint(uri, 2, fixed);
      assert.deepEqual(
        after.filter((candidate) => candidate.code === 'credential-state'),
        [],
      );
      server.close(uri);
    });

    it('adds a second rule to the directive already above the line', async () => {
      const draft = replaceOnce(seed, 'Texas, Ohio, California', 'Texas, Ohio, California, reviewer@example.com');
      const { uri, diagnostics } = await open(draft);
      const phi = diagnostics.find((candidate) => candidate.code === 'phi')!;
      const first = edited(
        draft,
        uri,
        (await actions(uri, phi.range, [phi])).find((action) => action.title === 'Disable phi for this line')!,
      );
      const afterFirst = await relint(uri, 2, first);
      assert.deepEqual(
        afterFirst.filter((candidate) => candidate.code === 'phi'),
        [],
      );
      const state = afterFirst.find((candidate) => candidate.code === 'credential-state')!;
      const second = edited(
        first,
        uri,
        (await actions(uri, state.range, [state])).find((action) => action.title === 'Disable credential-state for this line')!,
      );
      assert.match(second, /\n<!-- imr-disable-next-line phi credential-state -->\nState\(s\) of Licensure: /);
      const afterSecond = await relint(uri, 3, second);
      assert.deepEqual(
        afterSecond.filter((candidate) => candidate.code === 'phi' || candidate.code === 'credential-state'),
        [],
      );
      server.close(uri);
    });

    it('is not offered inside the front matter, where a comment would not be read', async () => {
      const { uri, diagnostics } = await open(`---\ncase: 12345\n---\n${seed}`);
      const diagnostic = diagnostics.find((candidate) => candidate.code === 'front-matter')!;
      const offered = await actions(uri, diagnostic.range, [diagnostic]);
      assert.deepEqual(
        offered.filter((action) => action.title.startsWith('Disable ')),
        [],
      );
      server.close(uri);
    });
  });

  describe('fix-all', () => {
    for (const defect of defects) {
      it(`fixes ${defect.name} with one edit, the rest of the draft byte-for-byte unchanged`, async () => {
        const draft = draftWith([defect]);
        const { uri } = await open(draft);
        const offered = await actions(uri, WHOLE, [], ['source.fixAll.imr']);
        assert.deepEqual(
          offered.map((action) => [action.kind, action.title]),
          [['source.fixAll.imr', 'Fix all fixable IMR findings']],
        );
        const edits = offered[0].edit!.changes![uri];
        assert.equal(edits.length, 1);
        const fixed = applyTextEdits(draft, edits);
        assert.equal(fixed, repaired(draft, [defect]));
        const after = await relint(uri, 2, fixed);
        assert.deepEqual(
          after.filter((candidate) => candidate.code === defect.ruleId && defect.message.test(messageOf(candidate))),
          [],
        );
        server.close(uri);
      });
    }

    for (const eol of ['\n', '\r\n']) {
      it(`on save (source.fixAll) fixes every defect of a ${eol === '\n' ? 'LF' : 'CRLF'} draft with one edit each`, async () => {
        const draft = draftWith(defects, eol);
        const { uri, diagnostics } = await open(draft);
        const offered = await actions(uri, WHOLE, diagnostics, ['source.fixAll']);
        assert.deepEqual(
          offered.map((action) => action.kind),
          ['source.fixAll.imr'],
        );
        const edits = offered[0].edit!.changes![uri];
        assert.equal(edits.length, defects.length);
        const fixed = applyTextEdits(draft, edits);
        assert.equal(fixed, repaired(draft, defects, eol));
        const after = await relint(uri, 2, fixed);
        const fixedRules = ['decision-value', 'mtus-statement', 'conclusion-decision', 'required-section', 'credential-state', 'phi'];
        assert.deepEqual(after.filter((candidate) => fixedRules.includes(String(candidate.code))).map(messageOf), []);
        assert.deepEqual(
          after.filter((candidate) => candidate.code === 'item-fields' && /has no/.test(messageOf(candidate))),
          [],
        );
        server.close(uri);
      });
    }

    it('is offered as a quick fix beside a finding when the draft has more to fix, and never for quick-fix-only requests as a source action', async () => {
      const draft = draftWith(defects);
      const { uri, diagnostics } = await open(draft);
      const decision = diagnostics.find((candidate) => candidate.code === 'decision-value')!;
      const lightbulb = await actions(uri, decision.range, [decision]);
      const all = lightbulb.find((action) => action.title === 'Fix all fixable IMR findings');
      assert.equal(all?.kind, CodeActionKind.QuickFix);
      assert.equal(applyTextEdits(draft, all!.edit!.changes![uri]), repaired(draft, defects));
      const quickOnly = await actions(uri, decision.range, [decision], [CodeActionKind.QuickFix]);
      assert.equal(
        quickOnly.some((action) => action.kind === 'source.fixAll.imr'),
        false,
      );
      const sourceMenu = await actions(uri, WHOLE, [], [CodeActionKind.Source]);
      assert.deepEqual(
        sourceMenu.map((action) => action.kind),
        ['source.fixAll.imr'],
      );
      server.close(uri);
    });

    describe('on each defective fixture', () => {
      for (const name of defectiveFixtures) {
        it(name, async () => {
          const text = readFileSync(new URL(name, DEFECTIVE), 'utf8');
          const expected = fixedByPasses(text);
          const { uri } = await open(text);
          const offered = await actions(uri, WHOLE, [], ['source.fixAll.imr']);
          if (expected.fixed.length === 0) {
            assert.deepEqual(offered, []);
            server.close(uri);
            return;
          }
          assert.equal(offered.length, 1);
          const edits = offered[0].edit!.changes![uri];
          const fixed = applyTextEdits(text, edits);
          assert.equal(fixed, expected.text);
          // Every edit lies inside what a fix replaced: the rest of the draft is byte-for-byte as it was.
          if (expected.passes === 1) {
            const lines = new LineIndex(text);
            const offsets = edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }));
            for (const edit of offsets) {
              assert.ok(
                expected.firstPass.some((fix) => fix.span.start <= edit.start && edit.end <= fix.span.end),
                `edit ${edit.start}-${edit.end} inside a fix`,
              );
            }
          }
          const after = await relint(uri, 2, fixed);
          const before = new Set(expected.fixed.map((finding) => `${finding.ruleId}: ${finding.message}`));
          assert.deepEqual(after.filter((diagnostic) => before.has(`${diagnostic.code}: ${messageOf(diagnostic)}`)).map(messageOf), []);
          assert.deepEqual(
            lint(fixed)
              .findings.filter((finding) => finding.fix)
              .map((finding) => finding.message),
            [],
          );
          server.close(uri);
        });
      }
    });

    it('offers nothing for a clean draft', async () => {
      const { uri } = await open(seedWith());
      assert.deepEqual(await actions(uri, WHOLE, [], ['source.fixAll']), []);
      server.close(uri);
    });
  });

  it('lints the current text when the latest analysis is older than it', async () => {
    const slow = await startServer({ debounceMs: 600_000 });
    try {
      const uri = fileUri('stale.imr.md');
      const published = slow.diagnostics(uri);
      slow.open(uri, seed);
      await published;
      const defect = defects.find((candidate) => candidate.ruleId === 'credential-state')!;
      const draft = draftWith([defect]);
      // Validation of this change waits for the long debounce; the code action cannot rely on it.
      slow.change(uri, 2, [{ text: draft }]);
      const result = ((await slow.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: WHOLE,
        context: { diagnostics: [], only: ['source.fixAll.imr'] },
      })) ?? []) as CodeAction[];
      assert.equal(result.length, 1);
      assert.equal(applyTextEdits(draft, result[0].edit!.changes![uri]), seed);
    } finally {
      await slow.stop();
    }
  });
});
