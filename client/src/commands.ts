// Commands that start a draft: a new determination from a profile's skeleton, and one more disputed item. The server
// answers both from the configuration it checks the draft with, so a folder's own profile gives its own fields.
import * as vscode from 'vscode';
import { IMR_REQUESTS, type ProfilesParams, type ProfilesResult, type TemplateParams, type TemplateResult } from '../../server/src/protocol';
import { describeError, documentParams, type ImrServer } from './server';

interface ProfilePick extends vscode.QuickPickItem {
  profile: string;
}

/** Handlers of the drafting commands, by command id (registered by the extension's entry point). */
export function draftingCommands(server: ImrServer): Record<string, (...args: unknown[]) => unknown> {
  return {
    'imr.newDetermination': (profileId?: unknown) => reporting('New IMR determination', () => newDetermination(server, profileId)),
    'imr.insertItem': (editor: unknown) => reporting('Insert disputed item', () => insertItem(server, editor as vscode.TextEditor)),
  };
}

/** Asks for the profile, unless a caller (a keybinding's `args`, a test) names one the configuration knows. */
async function newDetermination(server: ImrServer, profileId?: unknown): Promise<void> {
  const client = await server.client();
  const template = (profile: string): Promise<TemplateResult> =>
    client.sendRequest<TemplateResult>(IMR_REQUESTS.template, { kind: 'determination', profile } satisfies TemplateParams);
  const named = typeof profileId === 'string' ? await template(profileId) : null;
  if (named) return openSkeleton(named.snippet);
  const choices = await client.sendRequest<ProfilesResult>(IMR_REQUESTS.profiles, {} satisfies ProfilesParams);
  const picks: ProfilePick[] = choices.profiles.map((profile) => ({
    label: profile.id,
    description: profile.id === choices.configured ? 'configured' : !choices.configured && profile.id === choices.defaultId ? 'default' : undefined,
    detail: profile.description || profile.sections.join(' · '),
    profile: profile.id,
  }));
  const picked = await vscode.window.showQuickPick(picks, { title: 'New IMR determination', placeHolder: 'Choose the letter format (profile)' });
  if (!picked) return;
  const chosen = await template(picked.profile);
  if (chosen) await openSkeleton(chosen.snippet);
}

async function openSkeleton(snippet: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'imr' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
}

/** Inserts an item at the cursor, as its own paragraphs: blank lines are added where the cursor's line has text. */
async function insertItem(server: ImrServer, editor: vscode.TextEditor): Promise<void> {
  const client = await server.client();
  const document = editor.document;
  const template = await client.sendRequest<TemplateResult>(IMR_REQUESTS.template, {
    kind: 'item',
    ...documentParams(client, document),
  } satisfies TemplateParams);
  if (!template) return;
  const position = editor.selection.active;
  const line = document.lineAt(position.line);
  let at = position;
  let lead = '';
  if (!line.isEmptyOrWhitespace) {
    at = line.range.end;
    lead = '\n\n';
  } else if (position.line > 0 && !document.lineAt(position.line - 1).isEmptyOrWhitespace) {
    lead = '\n';
  }
  const snippet = new vscode.SnippetString();
  snippet.appendText(lead);
  snippet.value += template.snippet;
  await editor.insertSnippet(snippet, at);
}

/** A command the server could not serve says so, rather than failing silently. */
async function reporting(command: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    void vscode.window.showErrorMessage(`${command}: the IMR language server could not answer (${describeError(error)}).`);
  }
}
