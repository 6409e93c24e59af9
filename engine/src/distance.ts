// Edit distance, for misspellings of the phrases and names a letter is made of.

/**
 * Levenshtein distance with adjacent transpositions. With `limit`, any answer above it is only "more than
 * limit", which lets unlike strings be rejected without comparing them.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  let older = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, older[j - 2] + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [older, previous, current] = [previous, current, older];
  }
  return previous[b.length];
}

/** How many edits a word or phrase of this length may be from another to count as the same one misspelt: the one policy. */
export function nearLimit(length: number): number {
  if (length < 4) return 0;
  if (length <= 5) return 1;
  if (length <= 10) return 2;
  if (length <= 24) return 3;
  return Math.floor(length / 8);
}

/** The closest of the candidates within the near-miss limit for the word's length. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = nearLimit(lower.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // The difference in length is a lower bound on the distance, and spares long text the full comparison.
    if (Math.abs(candidate.length - lower.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
