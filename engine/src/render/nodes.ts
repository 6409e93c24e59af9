// The few node shapes the letter layout adds to mdast, and hast helpers for the parts built outside Markdown.
import type { Element, ElementContent, Properties } from 'hast';
import type { RootContent } from 'mdast';
import type { Position } from 'unist';

/** A container of the letter layout (section, item, field, badge) holding Markdown content. */
export interface LetterBlock {
  type: 'imrBlock';
  tagName: string;
  properties: Properties;
  children: LetterContent[];
  position?: Position;
}

/** A ready hast element (the summary), placed in the tree as is; it is sanitised with the rest. */
export interface HastBlock {
  type: 'imrHast';
  element: Element;
}

export type LetterContent = LetterBlock | HastBlock | RootContent;

export function block(tagName: string, properties: Properties, children: LetterContent[] = []): LetterBlock {
  return { type: 'imrBlock', tagName, properties, children };
}

export function text(value: string): RootContent {
  return { type: 'text', value };
}

export function el(tagName: string, properties: Properties, children: (ElementContent | string)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)),
  };
}
