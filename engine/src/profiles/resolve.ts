// Turning profile definitions from configuration (possibly `extends`-ing others) into complete profiles.
import { builtinProfiles } from './builtin';
import type { Profile, ProfileDefinition } from './types';

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

const DEFAULT_DECISIONS = { upheld: 'Upheld', overturned: 'Overturned' };

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
    decisions: { ...DEFAULT_DECISIONS, ...base?.decisions, ...stripUndefined(definition.decisions ?? {}) },
    fields: (definition.fields ?? base?.fields ?? []).map((field) => ({ ...field, aliases: [...field.aliases] })),
    rules: { ...base?.rules, ...stripUndefined(definition.rules ?? {}) },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
