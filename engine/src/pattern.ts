// Regular expressions that configuration supplies, compiled for RE2's linear-time engine: no pattern can hang a check.
import { RE2JS } from 're2js';

export type CompiledPattern = { ok: true; pattern: RE2JS } | { ok: false; message: string };

/** The longest pattern accepted: a redaction pattern is a phrase, not a program. */
export const MAX_PATTERN_LENGTH = 1000;

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

/** Constructs RE2 refuses, with what to write instead; RE2's own messages name the syntax, not the way out. */
const UNSUPPORTED: [RegExp, string][] = [
  [/\(\?<[=!]/, 'look-behind ("(?<=", "(?<!") is not supported; match the text around it instead'],
  [/\(\?[=!]/, 'look-ahead ("(?=", "(?!") is not supported; match the text around it instead'],
  [/\\[1-9]|\\k</, 'back-references ("\\1", "\\k<name>") are not supported'],
];

const cache = new Map<string, CompiledPattern>();

/**
 * Compiles a JavaScript-style pattern (`\u00e9` and `\cA` escapes are translated) for RE2. RE2 has no look-around
 * and no back-references; everything else a redaction pattern needs (classes, groups, alternation, bounded
 * repeats, \b, \d, \w, \s) reads as in JavaScript.
 */
export function compilePattern(source: string, flags = ''): CompiledPattern {
  const key = `${flags}/${source}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile(source, flags);
    // A long-lived server sees a handful of patterns; the bound only stops a hostile stream of them.
    if (cache.size >= 1000) cache.clear();
    cache.set(key, compiled);
  }
  return compiled;
}

function compile(source: string, flags: string): CompiledPattern {
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, message: `longer than ${MAX_PATTERN_LENGTH} characters` };
  let bits = 0;
  for (const flag of flags) {
    if (!(flag in FLAG_BITS)) return { ok: false, message: `flags may be i, m, s and u; got "${flag}"` };
    bits |= FLAG_BITS[flag];
  }
  try {
    return { ok: true, pattern: RE2JS.compile(RE2JS.translateRegExp(source), bits) };
  } catch (error) {
    const known = UNSUPPORTED.find(([construct]) => construct.test(source));
    const reason = known ? known[1] : (error as Error).message.replace(/^error parsing regexp: /, '');
    return { ok: false, message: `${reason} (patterns are matched in linear time, with RE2 syntax)` };
  }
}
