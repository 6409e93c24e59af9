// Where an export goes by default: beside the draft, its Markdown extension replaced by .html.
const MARKDOWN_EXTENSION = /(?:\.imr)?\.(?:md|markdown|mdown|mkd|mkdn)$/i;

/** `letters/seed.imr.md` → `letters/seed.html`; a name without a Markdown extension gains `.html`. */
export function exportFileName(draft: string): string {
  return `${draft.replace(MARKDOWN_EXTENSION, '')}.html`;
}
