import type { DisputedItem } from '../model/types';

/** What makes two item names the same item: their letters and numbers, whatever the case, markup or punctuation between. */
export const itemKey = (item: DisputedItem): string =>
  item.name.text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
