// Escaping for XML 1.0 text and attribute values.

// Characters XML 1.0 cannot carry at all, even as references: C0 controls other than tab, LF and CR,
// lone surrogates, U+FFFE and U+FFFF. Drafts pasted from PDFs bring form feeds and the like.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function replaceForbidden(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD');
}

export function xmlText(text: string): string {
  // A CR written as a reference survives the parser's line-end normalisation.
  return replaceForbidden(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function xmlAttribute(text: string): string {
  // Tabs and line breaks as references, or attribute normalisation turns them into spaces.
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
