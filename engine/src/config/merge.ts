// Layering configurations: settings, then files from the farthest to the nearest, each over the one before.
import type { ConfigFile } from './parse';
import type { GlobList } from './globs';
import type { ImrConfig, ProfileDefinition, RuleSetting } from './schema';

export interface ConfigLayer {
  /** The file the layer comes from; undefined for the editor's settings. */
  source?: ConfigFile;
  config: ImrConfig;
  /** The folder its `include` and `ignore` globs are relative to. */
  globBase?: string;
}

export interface MergedConfiguration {
  config: ImrConfig;
  include?: GlobList;
  ignore: GlobList[];
  /** The layer that chose the profile, for problems with the name. */
  profileOrigin?: ConfigLayer;
  /** Where each profile definition in `config.profiles` came from, by position. */
  profileOrigins: { layer: ConfigLayer; index: number }[];
}

/**
 * Scalars (and each key of `budget`): the nearer layer wins. `rules`: per rule; a bare severity keeps options a farther layer set.
 * `profiles`: by id, the nearer definition wins. `ignore` and privacy patterns: every layer adds its own.
 * `include`: the nearest layer that sets it decides.
 */
export function mergeLayers(layers: readonly ConfigLayer[]): MergedConfiguration {
  const config: ImrConfig = {};
  const rules: Record<string, RuleSetting> = {};
  const profiles = new Map<string, { definition: ProfileDefinition; layer: ConfigLayer; index: number }>();
  const patterns: NonNullable<ImrConfig['privacy']>['patterns'] = [];
  const merged: MergedConfiguration = { config, ignore: [], profileOrigins: [] };
  for (const layer of layers) {
    const own = layer.config;
    if (own.profile !== undefined) {
      config.profile = own.profile;
      merged.profileOrigin = layer;
    }
    if (own.maxFileSize !== undefined) config.maxFileSize = own.maxFileSize;
    if (own.budget?.timeMs !== undefined) config.budget = { ...config.budget, timeMs: own.budget.timeMs };
    if (own.budget?.memoryMb !== undefined) config.budget = { ...config.budget, memoryMb: own.budget.memoryMb };
    for (const [id, setting] of Object.entries(own.rules ?? {})) {
      if (setting === undefined) continue;
      const before = rules[id];
      rules[id] = typeof setting === 'string' && Array.isArray(before) ? [setting, before[1]] : setting;
    }
    own.profiles?.forEach((definition, index) => {
      profiles.delete(definition.id);
      profiles.set(definition.id, { definition, layer, index });
    });
    if (own.privacy?.patterns) patterns.push(...own.privacy.patterns);
    const base = layer.globBase;
    if (base !== undefined && own.include) merged.include = { base, patterns: own.include };
    if (base !== undefined && own.ignore && own.ignore.length > 0) merged.ignore.push({ base, patterns: own.ignore });
  }
  if (Object.keys(rules).length > 0) config.rules = rules;
  if (profiles.size > 0) {
    config.profiles = [...profiles.values()].map((entry) => entry.definition);
    merged.profileOrigins = [...profiles.values()].map(({ layer, index }) => ({ layer, index }));
  }
  if (patterns.length > 0) config.privacy = { patterns };
  return merged;
}
