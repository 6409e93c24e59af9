// Escaping for the HTML report: every piece of text from a draft, a file name or a message goes through here.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// C0 controls other than tab, LF and CR, and noncharacters, are parse errors in HTML; nothing readable is lost.
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(UNPRINTABLE, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A link to a draft (and a line of it, `#L28` as code hosts write it), relative to the folder the report is
 * saved in. Each segment is percent-encoded, so no file name can turn into a scheme such as "javascript:".
 */
export function draftHref(file: string, reportDir: string, line?: number): string {
  const absolute = path.resolve(reportDir, file);
  const relative = path.relative(reportDir, absolute);
  const fragment = line === undefined ? '' : `#L${line}`;
  if (path.isAbsolute(relative)) return `${pathToFileURL(absolute).href}${fragment}`;
  const segments = relative.split(path.sep).map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)));
  return `${segments[0] === '..' ? '' : './'}${segments.join('/')}${fragment}`;
}
