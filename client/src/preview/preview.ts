// The determination preview: one webview beside the draft that follows the active determination editor,
// re-renders as the reviewer types and scrolls in step with the editor. The language server renders the letter
// from the check it publishes, so the preview's findings are the Problems panel's.
import * as vscode from 'vscode';
import { IMR_REQUESTS, type RenderParams, type RenderResult } from '../../../server/src/protocol';
import { documentParams, type ImrServer } from '../server';
import { isDeterminationDocument } from './documents';
import { createNonce, previewHtml } from './html';
import { PREVIEW_VIEW_TYPE } from './view-type';

/** Renders at most this often while the reviewer types; the last change always renders. */
const THROTTLE_MS = 200;

/** Messages from media/preview.js. Lines are 0-based, as the editor counts them. */
type WebviewMessage = { type: 'ready' } | { type: 'scroll'; line: number } | { type: 'openLine'; line: number } | { type: 'openLink'; href: string };

export class DeterminationPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRender = 0;
  /** How long the last render took: a draft that takes long to render is rendered less often. */
  private lastDuration = 0;
  /** Bumped by every render, so a slower earlier render never replaces a later one. */
  private generation = 0;
  /** The editor top line a reveal from the preview will produce, so that scroll is not sent back. */
  private expectedEditorTop: number | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ImrServer,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.isSource(event.document)) return;
        // A draft closed and opened again is a new document object with the same URI.
        this.document = event.document;
        this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && !this.isSource(editor.document) && isDeterminationDocument(editor.document)) this.follow(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.editorScrolled(event)),
      // The server checked the draft again (an edit, a setting, a configuration file): the summary follows.
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (this.document && event.uris.some((uri) => uri.toString() === this.document!.uri.toString())) this.schedule();
      }),
    );
  }

  /** The draft the preview shows, if it is open. */
  get source(): vscode.TextDocument | undefined {
    return this.panel ? this.document : undefined;
  }

  show(document: vscode.TextDocument, viewColumn: vscode.ViewColumn, preserveFocus: boolean): void {
    if (this.panel) {
      if (!this.isSource(document)) this.follow(document);
      // An open preview stays where the reviewer put it.
      this.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      titleOf(document),
      { viewColumn, preserveFocus },
      { ...this.webviewOptions(), enableFindWidget: true },
    );
    this.adopt(panel, document);
  }

  /** A preview the window had before it reloaded, given back by VS Code: it shows its draft again. */
  restore(panel: vscode.WebviewPanel, document: vscode.TextDocument): void {
    if (this.panel) {
      // One preview at a time: the one already open shows this draft instead.
      panel.dispose();
      if (!this.isSource(document)) this.follow(document);
      return;
    }
    panel.webview.options = this.webviewOptions();
    panel.title = titleOf(document);
    this.adopt(panel, document);
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
  }

  private adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument): void {
    this.document = document;
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      this.cancel();
    });
    panel.webview.onDidReceiveMessage((message: WebviewMessage) => this.received(message));
    void this.load(panel, vscode.Uri.joinPath(this.extensionUri, 'media'));
  }

  /** The page is set once; later renders go to it as messages. */
  private async load(panel: vscode.WebviewPanel, media: vscode.Uri): Promise<void> {
    const generation = ++this.generation;
    const document = this.document!;
    this.lastRender = Date.now();
    const { html: body, styles } = await this.render(document, true);
    if (this.panel !== panel) return;
    const webview = panel.webview;
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      letterCss: styles ?? '',
      // A newer render is on its way as a message once the page asks for it ("ready").
      body: generation === this.generation ? body : '',
      title: titleOf(document),
      state: { source: document.uri.toString() },
    });
  }

  dispose(): void {
    this.cancel();
    this.panel?.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private isSource(document: vscode.TextDocument): boolean {
    return this.document !== undefined && document.uri.toString() === this.document.uri.toString();
  }

  private follow(document: vscode.TextDocument): void {
    this.document = document;
    if (!this.panel) return;
    this.panel.title = titleOf(document);
    this.cancel();
    void this.update(this.editorTop(document));
  }

  private schedule(): void {
    if (!this.panel || this.timer) return;
    const wait = Math.max(0, this.lastRender + Math.max(THROTTLE_MS, 2 * this.lastDuration) - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, wait);
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Sends a fresh body; the webview swaps only what changed, so nothing flickers and the scroll stays. */
  private async update(line?: number): Promise<void> {
    const document = this.document;
    const panel = this.panel;
    if (!panel || !document) return;
    this.lastRender = Date.now();
    // A hidden webview drops messages; it asks again ("ready") when it is shown.
    if (!panel.visible) return;
    const generation = ++this.generation;
    const { html } = await this.render(document, false);
    if (generation !== this.generation || this.panel !== panel) return;
    void panel.webview.postMessage({ type: 'update', source: document.uri.toString(), html, line });
  }

  /** The letter from the server; `withStyles` for a new page, which needs the letter's styles. */
  private async render(document: vscode.TextDocument, withStyles: boolean): Promise<RenderResult> {
    try {
      const started = Date.now();
      const client = await this.server.client();
      const params: RenderParams = { ...documentParams(client, document), mode: 'preview', withStyles };
      const rendered = await client.sendRequest<RenderResult>(IMR_REQUESTS.render, params);
      this.lastDuration = Date.now() - started;
      return rendered;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        html: `<p class="letter-unavailable">The preview could not render this draft (${escapeText(reason)}). Keep editing; it renders again on the next change.</p>`,
      };
    }
  }

  private received(message: WebviewMessage): void {
    const document = this.document;
    if (!document || typeof message !== 'object' || message === null) return;
    switch (message.type) {
      case 'ready':
        void this.update(this.editorTop(document));
        return;
      case 'scroll':
        if (Number.isFinite(message.line)) this.revealInEditors(document, message.line);
        return;
      case 'openLine':
        if (Number.isFinite(message.line)) void this.openLine(document, message.line);
        return;
      case 'openLink':
        if (typeof message.href === 'string') void openLink(document, message.href);
        return;
    }
  }

  private editorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.panel?.visible || !this.isSource(event.textEditor.document)) return;
    const top = event.visibleRanges[0]?.start.line;
    if (top === undefined) return;
    const expected = this.expectedEditorTop;
    this.expectedEditorTop = undefined;
    if (expected !== undefined && Math.abs(top - expected) <= 1) return;
    void this.panel.webview.postMessage({ type: 'scrollToLine', line: top });
  }

  private revealInEditors(document: vscode.TextDocument, line: number): void {
    const target = clampLine(document, Math.floor(line));
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.isSource(editor.document)) continue;
      if (editor.visibleRanges[0]?.start.line === target) continue;
      this.expectedEditorTop = target;
      editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private async openLine(document: vscode.TextDocument, line: number): Promise<void> {
    const target = clampLine(document, Math.floor(line));
    const visible = vscode.window.visibleTextEditors.find((editor) => this.isSource(editor.document));
    const position = new vscode.Position(target, 0);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private editorTop(document: vscode.TextDocument): number | undefined {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === document.uri.toString());
    return editor?.visibleRanges[0]?.start.line;
  }
}

/** Web links open in the browser, relative links open beside the draft; nothing else is followed. */
async function openLink(document: vscode.TextDocument, href: string): Promise<void> {
  if (/^(https?|mailto):/i.test(href)) {
    await vscode.env.openExternal(vscode.Uri.parse(href, true));
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || document.uri.scheme === 'untitled') return;
  let path: string;
  try {
    path = decodeURIComponent(href.split('#')[0].split('?')[0]);
  } catch {
    return;
  }
  if (path.length === 0) return;
  // As in Markdown's preview, a path from "/" starts at the workspace folder.
  const root = path.startsWith('/') ? vscode.workspace.getWorkspaceFolder(document.uri)?.uri : vscode.Uri.joinPath(document.uri, '..');
  if (!root) return;
  await vscode.commands.executeCommand('vscode.open', vscode.Uri.joinPath(root, path));
}

function clampLine(document: vscode.TextDocument, line: number): number {
  return Math.max(0, Math.min(document.lineCount - 1, line));
}

function titleOf(document: vscode.TextDocument): string {
  const name = document.uri.path.split('/').pop() || 'Untitled';
  return `Preview ${name}`;
}

function escapeText(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
