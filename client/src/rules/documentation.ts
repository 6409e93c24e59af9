// Rule pages inside the editor, rendered and read-only: the pages in docs/rules, served by a read-only file system
// (scheme imr-rule) and shown in VS Code's Markdown preview. Diagnostics and hovers link here through the command;
// "IMR: Show rule documentation" picks a rule, those of the findings at the cursor first.
import * as vscode from 'vscode';
import { isRuleId, readRulePage, ruleIdOfFile, type RulePage } from './pages';

export const RULE_DOCUMENTATION_COMMAND = 'imr.showRuleDocumentation';
export const RULE_SCHEME = 'imr-rule';

interface RulePick extends vscode.QuickPickItem {
  ruleId?: string;
}

export function registerRuleDocumentation(context: vscode.ExtensionContext): void {
  const pages = new RulePages(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(RULE_SCHEME, pages, { isCaseSensitive: true, isReadonly: true }),
    vscode.commands.registerCommand(RULE_DOCUMENTATION_COMMAND, async (ruleId?: unknown) => {
      const id = isRuleId(ruleId) ? ruleId : await pickRule(pages);
      if (id) await showRulePage(id);
    }),
  );
}

/** imr-rule:/<rule-id>.md is the rule's page as shipped; the folder lists them; nothing is ever written. */
class RulePages implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly folder: vscode.Uri) {}

  async ids(): Promise<string[]> {
    const files = await vscode.workspace.fs.readDirectory(this.folder);
    return files.flatMap(([name, type]) => (type === vscode.FileType.File ? (ruleIdOfFile(name) ?? []) : [])).sort();
  }

  async page(id: string): Promise<Uint8Array> {
    try {
      return await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, `${id}.md`));
    } catch {
      throw vscode.FileSystemError.FileNotFound(`The IMR extension has no page for the rule "${id}".`);
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/' || uri.path === '')
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    const content = await this.readFile(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: content.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    if (uri.path !== '/' && uri.path !== '') throw vscode.FileSystemError.FileNotADirectory(uri);
    return (await this.ids()).map((id) => [`${id}.md`, vscode.FileType.File]);
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    // Only "/<rule-id>.md": no other path reaches the extension's files.
    const match = /^\/([^/]+)$/.exec(uri.path);
    const id = match ? ruleIdOfFile(match[1]) : undefined;
    if (!id) return Promise.reject(vscode.FileSystemError.FileNotFound(uri));
    return this.page(id);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** The page in the Markdown preview beside the editor, locked to it so it stays when another draft is focused. */
export async function showRulePage(id: string): Promise<void> {
  const uri = vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${id}.md` });
  try {
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
  } catch {
    // Without the built-in Markdown extension, the page as text, read-only all the same.
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

async function pickRule(pages: RulePages): Promise<string | undefined> {
  const decoder = new TextDecoder();
  const rules = await Promise.all(
    (await pages.ids()).map(async (id): Promise<RulePage> => readRulePage(id, decoder.decode(await pages.page(id).catch(() => new Uint8Array())))),
  );
  const atCursor = rulesAtCursor();
  const item = (rule: RulePage): RulePick => ({ label: rule.id, description: rule.severity, detail: rule.description, ruleId: rule.id });
  const here = rules.filter((rule) => atCursor.includes(rule.id));
  const picks: RulePick[] = [
    ...(here.length > 0 ? [{ label: 'At the cursor', kind: vscode.QuickPickItemKind.Separator }, ...here.map(item)] : []),
    ...(here.length > 0 ? [{ label: 'All rules', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...rules.filter((rule) => !atCursor.includes(rule.id)).map(item),
  ];
  const picked = await vscode.window.showQuickPick(picks, { title: 'IMR rule documentation', placeHolder: 'Choose a rule', matchOnDetail: true });
  return picked?.ruleId;
}

/** The rules of the IMR findings under the active editor's cursor. */
function rulesAtCursor(): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return [];
  const cursor = editor.selection.active;
  return vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((diagnostic) => diagnostic.source === 'imr' && diagnostic.range.contains(cursor))
    .map((diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code)));
}
