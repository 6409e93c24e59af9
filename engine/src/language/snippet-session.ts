// Whether Tab may still belong to a snippet being filled in: a list that opens by itself there would take the key.
import { TEMPLATE_PLACEHOLDERS } from '../profiles/placeholders';

/** The templates' placeholders: every snippet the extension inserts has them as its tab stops. */
const TAB_STOP_TEXTS: readonly string[] = Object.values(TEMPLATE_PLACEHOLDERS).map((placeholder) => placeholder.text);

/**
 * True while a template placeholder is left after `offset`: the writer may be tabbing through a snippet to it, and an
 * editor gives Tab to an open completion list before the snippet. No list should open there unless asked for.
 * A draft begun from a template and left unfinished answers true as well; there the lists still come when asked.
 */
export function snippetMayHoldTab(text: string, offset: number): boolean {
  return TAB_STOP_TEXTS.some((placeholder) => text.includes(placeholder, offset));
}

/** The placeholder the writer is completing over, if the text typed so far is one (a tab stop selected, then completion asked for). */
export function isTabStopText(typed: string): boolean {
  return TAB_STOP_TEXTS.includes(typed.trim());
}
