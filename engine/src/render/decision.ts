// How an item's decision is set off: the word as the letter prints it, and a class per decision.
import type { DisputedItem } from '../model/types';
import type { Profile } from '../profiles/types';

export interface DecisionBadge {
  text: string;
  className: string[];
  /** Why the badge is flagged, for a tooltip; undefined when the decision is in order. */
  note?: string;
}

export function decisionBadge(item: DisputedItem, profile: Profile): DecisionBadge {
  const { decision } = item;
  const valueClass = decision.value ? `decision-${decision.value}` : `decision-${decision.class}`;
  if (decision.class === 'valid' && decision.value) {
    return { text: profile.decisions[decision.value], className: ['decision', valueClass] };
  }
  const expected = `${profile.decisions.upheld} or ${profile.decisions.overturned}`;
  if (decision.class === 'missing') {
    return { text: 'No decision', className: ['decision', valueClass, 'decision-flagged'], note: `The item line gives no decision; write ${expected}.` };
  }
  // The draft's own word is shown, so the preview never hides a defect the letter would carry.
  const nearest = decision.value ? ` (nearest: ${profile.decisions[decision.value]})` : '';
  return { text: decision.text, className: ['decision', valueClass, 'decision-flagged'], note: `Not an IMR decision word${nearest}; write ${expected}.` };
}
