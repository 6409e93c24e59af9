// mdast to hast for the letter: source lines on blocks, raw HTML shown as text, images only when embedded.
import type { Element, ElementContent, Properties } from 'hast';
import type { Html, Nodes } from 'mdast';
import { defaultHandlers, type Options as ToHastOptions } from 'remark-rehype';
import type { HastBlock, LetterBlock } from './nodes';

type Handlers = NonNullable<ToHastOptions['handlers']>;
type Handler = NonNullable<Handlers['paragraph']>;
type State = Parameters<Handler>[0];

// Elements that hold one run of text: no line breaks inside.
const TEXT_HOLDERS = new Set(['span', 'strong', 'em', 'code', 'a', 'h2', 'h3', 'p', 'dt', 'dd']);

const BLOCKS = ['blockquote', 'code', 'heading', 'list', 'listItem', 'paragraph', 'table', 'thematicBreak'] as const;

/** Raster images embedded in the draft; anything else would be fetched from somewhere, or could be a document. */
const EMBEDDED_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

const RAW_HTML_NOTE = 'Raw HTML in a draft is shown as text: it is never run and does not format the letter.';

export function letterHandlers(): Handlers {
  const handlers: Record<string, Handler> = {};
  for (const type of BLOCKS) {
    const base = defaultHandlers[type] as Handler;
    handlers[type] = (state, node, parent) => withLine(base(state, node, parent), node as Nodes);
  }
  handlers.html = rawHtml;
  handlers.image = (state, node) => embeddedOnly(defaultHandlers.image(state, node), node.alt);
  handlers.imageReference = (state, node) => embeddedOnly(defaultHandlers.imageReference(state, node), node.alt);
  handlers.imrBlock = (state: State, node: LetterBlock) => {
    const children = state.all(node as never);
    // Line breaks between blocks keep the exported source readable; inside a line they would add spaces.
    const element: Element = {
      type: 'element',
      tagName: node.tagName,
      properties: { ...node.properties },
      children: TEXT_HOLDERS.has(node.tagName) ? children : state.wrap(children, true),
    };
    return element;
  };
  handlers.imrHast = (_state: State, node: HastBlock) => node.element;
  return handlers as Handlers;
}

/** `data-line` holds the 0-based source line, as the editor counts lines, for scroll sync and reveal. */
function withLine<T>(result: T, node: Nodes): T {
  const element = (Array.isArray(result) ? undefined : result) as Element | undefined;
  const line = node.position?.start.line;
  if (element?.type === 'element' && line !== undefined && element.properties.dataLine === undefined) {
    element.properties.dataLine = line - 1;
  }
  return result;
}

function rawHtml(_state: State, node: Html, parent: Nodes | undefined): ElementContent | undefined {
  // Comments (notes to self, imr-disable directives) are not part of the letter.
  if (node.value.replace(/<!--[\s\S]*?-->/g, '').trim().length === 0) return undefined;
  const inline = parent !== undefined && 'children' in parent && !['root', 'blockquote', 'listItem', 'imrBlock'].includes(parent.type as string);
  const properties: Properties = { className: ['raw-html'], title: RAW_HTML_NOTE };
  if (!inline && node.position) properties.dataLine = node.position.start.line - 1;
  return { type: 'element', tagName: inline ? 'code' : 'pre', properties, children: [{ type: 'text', value: node.value }] };
}

function embeddedOnly(result: ElementContent | ElementContent[] | undefined, alt: string | null | undefined): ElementContent | ElementContent[] | undefined {
  if (!result || Array.isArray(result) || result.type !== 'element' || result.tagName !== 'img') return result;
  const src = String(result.properties.src ?? '');
  if (EMBEDDED_IMAGE.test(src)) return result;
  return {
    type: 'element',
    tagName: 'span',
    properties: {
      className: ['image-placeholder'],
      title: 'Images show only when embedded in the draft as data: URLs (PNG, JPEG, GIF or WebP); nothing is fetched.',
    },
    children: [{ type: 'text', value: `[image${alt ? `: ${alt}` : ''}]` }],
  };
}
