// Commands that start a draft: a new determination from a profile's skeleton, and one more disputed item.
import * as vscode from 'vscode';
import { buildDetermination } from '../../engine/src/model/build';
import type { ImrConfig } from '../../engine/src/config/schema';
import { readSettings } from '../../engine/src/config/settings';
import { allProfiles, resolveProfile } from '../../engine/src/config/profiles';
import { DEFAULT_PROFILE_ID } from '../../engine/src/profiles/builtin';
import type { Profile } from '../../engine/src/profiles/types';
import { determinationSkeleton, itemSnippet } from '../../engine/src/language/skeleton';

/** Handlers of the drafting commands, by command id (registered by the extension's entry point). */
export const draftingCommands = {
  'imr.newDetermination': newDetermination,
  'imr.insertItem': (editor: vscode.TextEditor) => insertItem(editor),
} as const;

interface ProfilePick extends vscode.QuickPickItem {
  profile: Profile;
}

/** Asks for the profile, unless a caller (a keybinding's `args`, a test) names one. */
async function newDetermination(profileId?: unknown): Promise<void> {
  const config = settingsConfig();
  const named = typeof profileId === 'string' ? allProfiles(config).find((profile) => profile.id === profileId) : undefined;
  if (named) return openSkeleton(named);
  const preferred = config.profile ?? DEFAULT_PROFILE_ID;
  const profiles = allProfiles(config).sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  const picks: ProfilePick[] = profiles.map((profile) => ({
    label: profile.id,
    description: profile.id === config.profile ? 'configured' : !config.profile && profile.id === DEFAULT_PROFILE_ID ? 'default' : undefined,
    detail: profile.description || profile.sections.map((section) => section.title).join(' · '),
    profile,
  }));
  const picked = await vscode.window.showQuickPick(picks, { title: 'New IMR determination', placeHolder: 'Choose the letter format (profile)' });
  if (picked) await openSkeleton(picked.profile);
}

async function openSkeleton(profile: Profile): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'imr' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(determinationSkeleton(profile)), new vscode.Position(0, 0));
}

/** Inserts an item at the cursor, as its own paragraphs: blank lines are added where the cursor's line has text. */
async function insertItem(editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  const config = settingsConfig(document.uri);
  const profile = buildDetermination(document.getText(), (requested) => resolveProfile(requested, config)).profile;
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
  snippet.value += itemSnippet(profile);
  await editor.insertSnippet(snippet, at);
}

/** The profile settings as engine configuration; invalid settings fall back to the defaults (the server reports them). */
function settingsConfig(scope?: vscode.Uri): ImrConfig {
  const settings = vscode.workspace.getConfiguration('imr', scope);
  return readSettings({ profile: settings.get('profile'), profiles: settings.get('profiles') }).config ?? {};
}
