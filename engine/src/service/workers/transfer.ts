// The determination model across threads: serialized where it was built, read back only when a feature needs it.
import { deserialize, serialize } from 'node:v8';
import { findProfile, resolveProfile } from '../../config/profiles';
import type { ImrConfig } from '../../config/schema';
import type { Determination } from '../../model/types';
import { MappedText, type LineIndex } from '../../text';

/**
 * The model without what the receiving thread already holds: the text and its line index (it sent the text) and
 * the profile (its own configuration resolves the same one, with the vocabulary it has already compiled).
 */
type PackedModel = Omit<Determination, 'text' | 'lines' | 'profile'> & { profileId: string };

/** The model as bytes (V8's structured serialization), to be transferred to the thread that asked for it. */
export function packModel(model: Determination): Uint8Array {
  const { text: _text, lines: _lines, profile, ...rest } = model;
  const packed: PackedModel = { ...rest, profileId: profile.id };
  return serialize(packed);
}

/** The model packed by `packModel`, on the thread that holds `text` (indexed by `lines`) and `config`. */
export function unpackModel(bytes: Uint8Array, text: string, lines: LineIndex, config: ImrConfig): Determination {
  const { profileId, ...rest } = deserialize(bytes) as PackedModel;
  restorePrototypes(rest);
  return { ...rest, text, lines, profile: findProfile(profileId, config) ?? resolveProfile(undefined, config) };
}

/** Serialization keeps an object's own properties but not its class: texts with their source offsets are MappedText again. */
function restorePrototypes(root: object): void {
  const seen = new Set<object>();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    if (isMappedText(value)) {
      Object.setPrototypeOf(value, MappedText.prototype);
      continue;
    }
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
}

/** A MappedText's own properties, and nothing else: `text`, `runs` and `end`. */
function isMappedText(value: object): boolean {
  const candidate = value as Partial<Record<'text' | 'runs' | 'end', unknown>>;
  return Array.isArray(candidate.runs) && typeof candidate.text === 'string' && typeof candidate.end === 'number' && Object.keys(value).length === 3;
}
