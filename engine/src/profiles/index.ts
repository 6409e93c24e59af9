// Finding the profile a draft is checked against.
import { builtinProfiles, DEFAULT_PROFILE_ID } from './builtin';
import { resolveProfiles } from './resolve';
import type { Profile, ProfileChoice, ProfileDefinition } from './types';

// Configurations are immutable once loaded; resolving their profiles once each is enough.
const resolved = new WeakMap<readonly ProfileDefinition[], Profile[]>();

/** Profiles defined in configuration (those that resolve), then the built-in ones they do not replace. */
export function allProfiles(config: ProfileChoice = {}): Profile[] {
  const definitions = config.profiles ?? [];
  let custom = resolved.get(definitions);
  if (!custom) {
    custom = resolveProfiles(definitions).profiles;
    resolved.set(definitions, custom);
  }
  const own = custom;
  return [...own, ...builtinProfiles.filter((builtin) => !own.some((profile) => profile.id === builtin.id))];
}

export function findProfile(id: string, config: ProfileChoice = {}): Profile | undefined {
  return allProfiles(config).find((profile) => profile.id === id);
}

/** The draft's own `profile:` wins, then the configuration's, then the default. */
export function resolveProfile(requested: string | undefined, config: ProfileChoice = {}): Profile {
  return (
    (requested ? findProfile(requested, config) : undefined) ??
    (config.profile ? findProfile(config.profile, config) : undefined) ??
    findProfile(DEFAULT_PROFILE_ID)!
  );
}

export { resolveProfiles } from './resolve';
export type { ProfileProblem, ResolvedProfiles } from './resolve';
