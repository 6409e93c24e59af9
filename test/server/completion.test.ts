import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionItemKind,
  CompletionRequest,
  CompletionTriggerKind,
  type CompletionItem,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { determinationSkeleton } from '../../engine/src/language/skeleton';
import { builtinProfiles } from '../../engine/src/profiles/builtin';
import { cursorAt, replaceOnce, seed } from '../language/drafts';
import { expandSnippet } from '../language/snippet';
import { applyTextEdits, fileUri, positionAt, startServer, type LspSession } from '../support/lsp';

describe('completion over stdio', () => {
  let server: LspSession;
  let opened = 0;
  before(async () => {
    // A long debounce: after a change the latest analysis is stale, so completion must read the current text.
    // The client names its command that reopens the list, as VS Code's does.
    server = await startServer({ debounceMs: 600_000, initializationOptions: { retriggerCommand: 'editor.action.triggerSuggest' } });
  });
  after(async () => {
    await server.stop();
  });

  async function open(text: string, languageId = 'imr', name = `completion-${++opened}.imr.md`): Promise<string> {
    const uri = fileUri(name);
    const published = server.diagnostics(uri);
    server.open(uri, text, languageId);
    await published;
    return uri;
  }

  async function complete(uri: string, text: string, offset: number, trigger?: string): Promise<CompletionItem[]> {
    const result = (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionAt(text, offset),
      context: trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger } : { triggerKind: CompletionTriggerKind.Invoked },
    })) as CompletionList | null;
    return (result?.items ?? []).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  }

  /** Opens the text around ‸ and completes there. */
  async function completeAt(marked: string, trigger?: string): Promise<{ items: CompletionItem[]; text: string; uri: string }> {
    const { text, offset } = cursorAt(marked);
    const uri = await open(text);
    return { items: await complete(uri, text, offset, trigger), text, uri };
  }

  const accept = (text: string, item: CompletionItem): string => applyTextEdits(text, [item.textEdit as TextEdit]);

  it('advertises ":", " " and "," as trigger characters', () => {
    assert.deepEqual(server.initializeResult.capabilities.completionProvider?.triggerCharacters, [':', ' ', ',']);
  });

  it('completes the decision word after an item line colon', async () => {
    const { items, text, uri } = await completeAt(replaceOnce(seed, 'Injection:  Overturned', 'Injection:‸'), ':');
    assert.deepEqual(
      items.map((item) => [item.label, item.kind]),
      [
        ['Upheld', CompletionItemKind.EnumMember],
        ['Overturned', CompletionItemKind.EnumMember],
      ],
    );
    assert.deepEqual((items[1].documentation as { kind: string }).kind, 'markdown');
    assert.equal(accept(text, items[1]), seed);
    server.close(uri);
  });

  it('completes field labels at the start of a paragraph in an item, the missing one first, then opens the citation forms', async () => {
    const { items, text, uri } = await completeAt(replaceOnce(seed, 'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.  ', '‸'));
    assert.deepEqual(
      items.map((item) => item.label),
      ['MAXIMUS guideline', 'Claims Administrator guideline', 'Decision rationale'],
    );
    assert.equal(items[0].kind, CompletionItemKind.Field);
    assert.deepEqual(items[0].command, { title: 'Suggest', command: 'editor.action.triggerSuggest' });
    const labelled = accept(text, items[0]);
    const at = labelled.indexOf('MAXIMUS guideline: ') + 'MAXIMUS guideline: '.length;
    server.change(uri, 2, [{ text: labelled }]);
    const forms = await complete(uri, labelled, at);
    assert.deepEqual(
      forms.map((item) => item.label),
      [
        'The Expert Reviewer based their decision on the MTUS. Decision based on MTUS',
        'The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation',
      ],
    );
    server.close(uri);
  });

  it('completes sources after a citation prefix, its kind first, then the chapters of the source chosen', async () => {
    const { items, text, uri } = await completeAt(replaceOnce(seed, 'Non-MTUS Citation ODG Hip and Pelvis Chapter', 'Non-MTUS Citation ‸'), ' ');
    assert.equal(items[0].label, 'ACOEM Practice Guidelines, Third Edition');
    assert.equal(items[0].kind, CompletionItemKind.Reference);
    const odg = items.find((item) => item.label === 'Official Disability Guidelines (ODG)')!;
    const chosen = accept(text, odg);
    const sourceEnd = text.indexOf('Non-MTUS Citation ') + 'Non-MTUS Citation '.length + odg.label.length;
    assert.equal(chosen.slice(sourceEnd - odg.label.length, sourceEnd), 'Official Disability Guidelines (ODG)');
    const next = `${chosen.slice(0, sourceEnd)} ${chosen.slice(sourceEnd)}`;
    server.change(uri, 2, [{ text: next }]);
    const chapters = await complete(uri, next, sourceEnd + 1, ' ');
    assert.ok(chapters.some((item) => item.label === 'Hip & Pelvis' && item.detail === 'Official Disability Guidelines (ODG)'));
    server.close(uri);
  });

  it('completes states and specialties in the credentials lines', async () => {
    const states = await completeAt(replaceOnce(seed, 'Texas, Ohio, California', 'Texas, Ohio, ‸'), ' ');
    assert.ok(states.items.some((item) => item.label === 'California'));
    assert.ok(!states.items.some((item) => item.label === 'Ohio'));
    server.close(states.uri);
    const specialties = await completeAt(replaceOnce(seed, 'Preventive Medicine, Occupational Medicine', 'Pain‸'));
    const pain = specialties.items.find((item) => item.label === 'Pain Medicine')!;
    assert.equal(pain.kind, CompletionItemKind.Value);
    assert.match(accept(specialties.text, pain), /Certification\(s\)\/Specialty: Pain Medicine \n/);
    server.close(specialties.uri);
  });

  it('completes the missing section titles on a new line, on the current text after an edit', async () => {
    const start = 'HOW THE IMR FINAL DETERMINATION WAS MADE\n\nStatement.\n';
    const uri = await open(start);
    const typed = `${start}\nCL`;
    server.change(uri, 2, [{ range: { start: positionAt(start, start.length), end: positionAt(start, start.length) }, text: '\nCL' }]);
    const items = await complete(uri, typed, typed.length);
    assert.deepEqual(
      items.map((item) => [item.label, item.kind]),
      [
        ['CLINICAL CASE SUMMARY', CompletionItemKind.Module],
        ['IMR ISSUES, DECISIONS AND RATIONALES', CompletionItemKind.Module],
      ],
    );
    assert.equal(accept(typed, items[0]), `${start}\nCLINICAL CASE SUMMARY`);
    server.close(uri);
  });

  it('while a snippet is filled in, matches the placeholder completed over and opens nothing by itself', async () => {
    const skeleton = expandSnippet(determinationSkeleton(builtinProfiles.find((profile) => profile.id === 'ca-dwc-imr')!)).text;
    const { items, text, uri } = await completeAt(replaceOnce(skeleton, '[State(s) of licensure]', '[State(s) of licensure]‸'));
    const california = items.find((item) => item.label === 'California')!;
    assert.equal(california.filterText, '[State(s) of licensure]California');
    assert.match(accept(text, california), /^State\(s\) of Licensure: California$/m);
    const typed = replaceOnce(text, '[State(s) of licensure]', 'California,');
    server.change(uri, 2, [{ text: typed }]);
    assert.deepEqual(await complete(uri, typed, typed.indexOf('California,') + 'California,'.length, ','), []);
    server.close(uri);
  });

  it('stays out of ordinary Markdown', async () => {
    const text = '# Notes\n\nItem: ';
    const uri = await open(text, 'markdown', 'notes.md');
    assert.deepEqual(await complete(uri, text, text.length, ' '), []);
    server.close(uri);
  });

  it('puts a command in an item only for a client that named one: never a command another editor cannot run', async () => {
    const marked = replaceOnce(seed, 'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.  ', '‸');
    const { text, offset } = cursorAt(marked);
    const other = await startServer({ initializationOptions: { retriggerCommand: 'editor.action.triggerSuggest; rm -rf /' } });
    const plain = await startServer();
    try {
      for (const session of [other, plain]) {
        const uri = fileUri('completion-other-client.imr.md');
        const published = session.diagnostics(uri);
        session.open(uri, text);
        await published;
        const result = (await session.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: positionAt(text, offset),
          context: { triggerKind: CompletionTriggerKind.Invoked },
        })) as CompletionList;
        const labels = result.items.find((item) => item.label === 'MAXIMUS guideline');
        assert.ok(labels, 'the same item is offered');
        assert.equal(labels.command, undefined);
        assert.equal(
          result.items.some((item) => item.command !== undefined),
          false,
        );
      }
    } finally {
      await Promise.all([other.stop(), plain.stop()]);
    }
  });
});
