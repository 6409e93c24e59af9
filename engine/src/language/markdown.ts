// Writing the draft's own words into Markdown hovers and completion notes without them turning into markup.
// Parentheses, dots and hashes inside a line are plain text; these are not.
const SPECIAL = /[\\`*_[\]<>|~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, '\\$&');
}

/** A quoted phrase from the draft, on one line. */
export function quote(text: string): string {
  return `"${escapeMarkdown(text.replace(/\s+/g, ' ').trim())}"`;
}
