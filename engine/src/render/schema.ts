// The sanitising schema: only the elements a letter needs, no scripts, handlers, styles, frames, forms or unsafe URLs.
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/** Element ids are prefixed so nothing in a letter can clobber a name the page relies on. */
export const ID_PREFIX = 'imr-';

const TEXT_LEVEL = ['a', 'abbr', 'b', 'br', 'code', 'del', 'em', 'i', 'img', 'kbd', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u'];
const BLOCK_LEVEL = [
  'article',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'ul',
];
const TABLES = ['table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'];

/** Every key is given: a missing key would fall back to the (more permissive) GitHub default. */
export const letterSchema: SanitizeSchema = {
  allowComments: false,
  allowDoctypes: false,
  tagNames: [...TEXT_LEVEL, ...BLOCK_LEVEL, ...TABLES],
  // Elements whose content is dropped with them rather than kept as text.
  strip: [
    'script',
    'style',
    'template',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'noscript',
    'noembed',
    'noframes',
    'textarea',
    'title',
    'xmp',
    'plaintext',
    'svg',
    'math',
    'form',
    'select',
    'option',
    'button',
    'base',
    'link',
    'meta',
  ],
  ancestors: {
    tbody: ['table'],
    td: ['table'],
    tfoot: ['table'],
    th: ['table'],
    thead: ['table'],
    tr: ['table'],
    li: ['ol', 'ul'],
    dt: ['dl'],
    dd: ['dl'],
  },
  attributes: {
    '*': ['className', 'id', 'title', 'dataLine', 'ariaLabel', 'ariaHidden'],
    a: ['href', 'dataSourceLine'],
    img: ['src', 'alt'],
    ol: ['start'],
    td: ['align'],
    th: ['align'],
  },
  required: {},
  clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
  clobberPrefix: ID_PREFIX,
  protocols: {
    href: ['http', 'https', 'mailto'],
    // Images survive only as embedded raster data (see the image handler); nothing is fetched.
    src: ['data'],
  },
};
