// The `imr` settings an editor gives the server without being asked: in initializationOptions, and in didChangeConfiguration.
import { SETTINGS_KEYS } from '../../engine/src';

type Settings = Record<string, unknown>;

function isObject(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The settings a payload gives (initializationOptions, or didChangeConfiguration's `settings`): its `imr` object
 * when it has one (`{ "imr": { "rules": {...} } }`, as VS Code, Neovim and Sublime Text nest them); otherwise its
 * own top-level setting keys (`{ "rules": {...} }`, as a Helix `config` table may hold them). Undefined when it
 * gives neither: the settings stay as they were.
 */
export function settingsGiven(payload: unknown): Settings | undefined {
  if (!isObject(payload)) return undefined;
  if (isObject(payload.imr)) return payload.imr;
  const own = SETTINGS_KEYS.filter((key) => key in payload);
  return own.length > 0 ? Object.fromEntries(own.map((key) => [key, payload[key]])) : undefined;
}

/** `debounceMs` from the payload's top level or from its settings, when it is a number of milliseconds. */
export function debounceGiven(payload: unknown): number | undefined {
  if (!isObject(payload)) return undefined;
  for (const value of [payload.debounceMs, settingsGiven(payload)?.debounceMs]) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}
