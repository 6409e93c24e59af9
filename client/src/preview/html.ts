// The preview webview's page: a strict Content-Security-Policy, one script of ours with a nonce, the letter's body.

export interface PreviewPage {
  /** `webview.cspSource`: the only origin styles and images may come from (the extension's media folder). */
  cspSource: string;
  nonce: string;
  /** Webview URIs of media/preview.js and media/preview.css. */
  scriptUri: string;
  styleUri: string;
  /** The letter's styles, inlined under the nonce. */
  letterCss: string;
  /** The sanitised summary and letter. */
  body: string;
  title: string;
  /** What the script knows before the first message: which draft it shows. */
  state: { source: string };
}

export function previewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewHtml(page: PreviewPage): string {
  const nonce = escapeAttribute(page.nonce);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(previewCsp(page.cspSource, page.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<meta id="imr-preview-state" data-state="${escapeAttribute(JSON.stringify(page.state))}">`,
    `<link rel="stylesheet" href="${escapeAttribute(page.styleUri)}">`,
    `<style nonce="${nonce}">${page.letterCss.replace(/<\/style/gi, '<\\/style')}</style>`,
    `<title>${escapeText(page.title)}</title>`,
    '</head>',
    '<body class="imr-preview-body">',
    `<main id="imr-preview" class="imr-page">${page.body}</main>`,
    `<script nonce="${nonce}" src="${escapeAttribute(page.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** 128 random bits, base64: a fresh nonce for every page, so no earlier page's nonce can be reused. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}
