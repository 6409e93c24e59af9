// Profiles from configuration: definitions (possibly `extends`-ing others) made into complete profiles, and the profile a draft is checked against.
import { builtinProfiles, caDwcImr, DEFAULT_PROFILE_ID } from '../profiles/builtin';
import type { DecisionVocabulary, Profile } from '../profiles/types';
import type { ImrConfig, ProfileDefinition } from './schema';

export interface ProfileProblem {
  /** Index of the definition at fault in the list given. */
  index: number;
  /** Where in that definition. */
  path: (string | number)[];
  message: string;
}

export interface ResolvedProfiles {
  /** Definitions that resolved, in the order given; broken ones are left out. */
  profiles: Profile[];
  problems: ProfileProblem[];
}

export function resolveProfiles(definitions: readonly ProfileDefinition[]): ResolvedProfiles {
  const byId = new Map<string, number>();
  definitions.forEach((definition, index) => byId.set(definition.id, index));
  const done = new Map<number, Profile | undefined>();
  const problems: ProfileProblem[] = [];
  const known = (): string => [...new Set([...definitions.map((definition) => definition.id), ...builtinProfiles.map((profile) => profile.id)])].join(', ');

  const resolve = (index: number, chain: string[]): Profile | undefined => {
    if (done.has(index)) return done.get(index);
    const definition = definitions[index];
    let base: Profile | undefined;
    if (definition.extends !== undefined) {
      const builtin = builtinProfiles.find((profile) => profile.id === definition.extends);
      // A profile that extends its own id refines the built-in profile of that id.
      const baseIndex = definition.extends === definition.id ? undefined : byId.get(definition.extends);
      if (baseIndex !== undefined && chain.includes(definitions[baseIndex].id)) {
        problems.push({
          index,
          path: ['extends'],
          message: `profiles extend each other in a cycle (${[...chain, definition.id, definitions[baseIndex].id].join(' → ')}); one of them must start from a built-in profile or define its sections`,
        });
        done.set(index, undefined);
        return undefined;
      }
      base = baseIndex !== undefined ? resolve(baseIndex, [...chain, definition.id]) : builtin;
      if (!base) {
        const broken = baseIndex !== undefined;
        problems.push({
          index,
          path: ['extends'],
          message: broken ? `profile "${definition.extends}" it extends is itself invalid` : `unknown profile "${definition.extends}" (profiles: ${known()})`,
        });
        done.set(index, undefined);
        return undefined;
      }
    }
    const profile = combine(definition, base);
    const sectionIds = profile.sections.map((section) => section.id);
    let valid = true;
    for (const key of ['issuesSection', 'credentialsSection'] as const) {
      const id = profile[key];
      if (id !== undefined && !sectionIds.includes(id)) {
        valid = false;
        problems.push({
          index,
          path: [definition[key] !== undefined ? key : 'sections'],
          message: `"${id}" is not the id of one of this profile's sections (${sectionIds.join(', ')})`,
        });
      }
    }
    if (profile.decisions.upheld === profile.decisions.overturned) {
      valid = false;
      problems.push({ index, path: ['decisions'], message: `the two decision words must differ (both are "${profile.decisions.upheld}")` });
    }
    done.set(index, valid ? profile : undefined);
    return done.get(index);
  };

  const profiles: Profile[] = [];
  definitions.forEach((_, index) => {
    const profile = resolve(index, []);
    if (profile) profiles.push(profile);
  });
  return { profiles, problems };
}

/** Keys the definition sets replace the base's; rules and decisions merge. */
function combine(definition: ProfileDefinition, base: Profile | undefined): Profile {
  const sections = (definition.sections ?? base?.sections ?? []).map((section) => ({ ...section, aliases: [...section.aliases] }));
  // New sections without the base's credentials section mean a format without a credentials block.
  const inheritedCredentials = sections.some((section) => section.id === base?.credentialsSection) ? base?.credentialsSection : undefined;
  return {
    id: definition.id,
    description: definition.description ?? (base ? `Based on ${base.id}: ${base.description}` : ''),
    sections,
    issuesSection: definition.issuesSection ?? base?.issuesSection ?? '',
    credentialsSection: definition.credentialsSection ?? inheritedCredentials,
    decisions: decisionsOf(definition, base),
    items: { ...base?.items, ...stripUndefined(definition.items ?? {}) },
    credentials: definition.credentials ?? base?.credentials ?? caDwcImr.credentials,
    fields: (definition.fields ?? base?.fields ?? []).map((field) => ({ ...field, aliases: [...field.aliases] })),
    rules: { ...base?.rules, ...stripUndefined(definition.rules ?? {}) },
  };
}

/** The base's decisions under the definition's; a definition's own words keep the base's form unless it says otherwise. */
function decisionsOf(definition: ProfileDefinition, base: Profile | undefined): DecisionVocabulary {
  const from = base?.decisions ?? caDwcImr.decisions;
  const { conclusions, ...own } = definition.decisions ?? {};
  return { ...from, ...stripUndefined(own), conclusions: { ...from.conclusions, ...stripUndefined(conclusions ?? {}) } };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

// Configurations are immutable once loaded; resolving their profiles once each is enough.
const resolved = new WeakMap<readonly ProfileDefinition[], Profile[]>();

/** Profiles defined in configuration (those that resolve), then the built-in ones they do not replace. */
export function allProfiles(config: ImrConfig = {}): Profile[] {
  const definitions = config.profiles ?? [];
  let custom = resolved.get(definitions);
  if (!custom) {
    custom = resolveProfiles(definitions).profiles;
    resolved.set(definitions, custom);
  }
  const own = custom;
  return [...own, ...builtinProfiles.filter((builtin) => !own.some((profile) => profile.id === builtin.id))];
}

export function findProfile(id: string, config: ImrConfig = {}): Profile | undefined {
  return allProfiles(config).find((profile) => profile.id === id);
}

/** The draft's own `profile:` wins, then the configuration's, then the default. */
export function resolveProfile(requested: string | undefined, config: ImrConfig = {}): Profile {
  return (
    (requested ? findProfile(requested, config) : undefined) ??
    (config.profile ? findProfile(config.profile, config) : undefined) ??
    findProfile(DEFAULT_PROFILE_ID)!
  );
}
