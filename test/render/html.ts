// Reads rendered HTML with a real HTML parser (parse5), as a browser would, for the render tests.
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

export type HtmlNode = DefaultTreeAdapterMap['node'];
export type HtmlElement = DefaultTreeAdapterMap['element'];

export function parseDocument(html: string): HtmlNode {
  return parse(html) as HtmlNode;
}

export function parseBody(html: string): HtmlNode {
  return parseFragment(html) as HtmlNode;
}

/** Every element under `root`, in document order, including what <template> holds. */
export function elements(root: HtmlNode): HtmlElement[] {
  const out: HtmlElement[] = [];
  const visit = (node: HtmlNode): void => {
    if ('tagName' in node) out.push(node as HtmlElement);
    const children = 'childNodes' in node ? (node.childNodes as HtmlNode[]) : [];
    children.forEach(visit);
    if ('content' in node && node.content) visit(node.content as HtmlNode);
  };
  visit(root);
  return out;
}

export function attr(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

export function classes(element: HtmlElement): string[] {
  return (attr(element, 'class') ?? '').split(/\s+/).filter((name) => name.length > 0);
}

export function byClass(root: HtmlNode, name: string): HtmlElement[] {
  return elements(root).filter((element) => classes(element).includes(name));
}

export function byTag(root: HtmlNode, tag: string): HtmlElement[] {
  return elements(root).filter((element) => element.tagName === tag);
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'nav',
  'li',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'dl',
  'br',
]);

/** The text a reader sees, white space collapsed; blocks are apart, as in a browser's innerText. */
export function textOf(node: HtmlNode): string {
  let text = '';
  const visit = (current: HtmlNode): void => {
    if (current.nodeName === '#text') text += (current as DefaultTreeAdapterMap['textNode']).value;
    const block = BLOCK_TAGS.has(current.nodeName);
    if (block) text += ' ';
    if ('childNodes' in current) (current.childNodes as HtmlNode[]).forEach(visit);
    if (block) text += ' ';
  };
  visit(node);
  return text.replace(/\s+/g, ' ').trim();
}

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'srcset',
  'cite',
  'ping',
  'lowsrc',
  'dynsrc',
  'codebase',
  'manifest',
  'longdesc',
  'usemap',
  'content',
]);
const ACTIVE_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'form',
  'svg',
  'math',
  'link',
  'meta',
  'style',
  'input',
  'button',
  'textarea',
  'select',
  'template',
  'noscript',
  'video',
  'audio',
  'source',
  'details',
  'body',
  'html',
  'head',
  'title',
]);
const SAFE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,/;

export interface SafetyOptions {
  /** Elements of the page itself (not from the draft) that are allowed: a check per element. */
  allow?: (element: HtmlElement) => boolean;
}

/** Every way a page could run script, load something or redirect; an empty list means the HTML is safe. */
export function unsafeParts(root: HtmlNode, options: SafetyOptions = {}): string[] {
  const problems: string[] = [];
  for (const element of elements(root)) {
    if (options.allow?.(element)) continue;
    const tag = element.tagName.toLowerCase();
    if (ACTIVE_TAGS.has(tag)) problems.push(`<${tag}> element`);
    for (const { name, value } of element.attrs) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) problems.push(`${lower} attribute on <${tag}>`);
      if (lower === 'style') problems.push(`style attribute on <${tag}>`);
      if (lower === 'http-equiv') problems.push(`http-equiv on <${tag}>`);
      if (URL_ATTRIBUTES.has(lower)) {
        // Browsers drop white space and control characters inside a scheme: "java\tscript:" runs.
        const normalized = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        if (/^(?:javascript|vbscript|livescript):/.test(normalized) || normalized.includes('javascript:')) problems.push(`${lower}="${value}" on <${tag}>`);
        if (normalized.startsWith('data:') && !(tag === 'img' && lower === 'src' && SAFE_IMAGE.test(normalized)))
          problems.push(`data: URL in ${lower} on <${tag}>`);
        if (tag === 'img' && lower === 'src' && !normalized.startsWith('data:')) problems.push(`remote image ${value}`);
      }
    }
  }
  return problems;
}
