// The editor's `imr.*` settings as a configuration layer, validated with the same schema as files.
import { settingsSchema, SETTINGS_KEYS, type ImrSettings } from './schema';
import type { ConfigProblem } from './problems';

export interface SettingsLayer {
  /** Set when the settings are valid. */
  config?: ImrSettings;
  problems: ConfigProblem[];
}

/** Unset settings arrive as null, "", [] or {} (their contributed defaults); they mean "not set". */
export function readSettings(settings: Record<string, unknown> | null | undefined): SettingsLayer {
  const candidate: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) {
    const value = settings?.[key];
    const empty = value === null || value === undefined || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0);
    if (!empty) candidate[key] = value;
  }
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { config: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.flatMap((issue) => {
      const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const messages = issue.message.split('\n');
        return issue.keys.map((key, position) => ({ path: [...path, key], message: messages[position] ?? messages[0], severity: 'error' as const }));
      }
      return [{ path, message: issue.message, severity: 'error' as const }];
    }),
  };
}
