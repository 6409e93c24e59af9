// Finding the profile a draft is checked against.
import type { ImrConfig } from '../config/schema';
import { builtinProfiles, DEFAULT_PROFILE_ID } from './builtin';
import type { Profile } from './types';

export function allProfiles(config: ImrConfig = {}): Profile[] {
  const custom = (config.profiles ?? []) as Profile[];
  return [...custom, ...builtinProfiles.filter((builtin) => !custom.some((profile) => profile.id === builtin.id))];
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
