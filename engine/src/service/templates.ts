// The profiles a writer can start a draft from, and the snippets of a profile, by the configuration of a document.
import type { ImrConfig } from '../config/schema';
import { determinationSkeleton, itemSnippet } from '../language/skeleton';
import { allProfiles, findProfile, resolveProfile } from '../config/profiles';
import { DEFAULT_PROFILE_ID } from '../profiles/builtin';
import type { Profile } from '../profiles/types';

export interface ProfileSummary {
  id: string;
  description: string;
  /** The section titles, in order: what tells formats apart at a glance. */
  sections: string[];
}

export interface ProfileChoices {
  /** The configured profile first, then the others as configuration and the built-ins list them. */
  profiles: ProfileSummary[];
  /** The profile configuration selects, if it selects one. */
  configured?: string;
  /** The profile that applies when nothing selects one. */
  defaultId: string;
}

export interface Template {
  /** The profile the snippet was made for. */
  profile: string;
  /** A snippet in the editor's snippet syntax (tab stops, choices). */
  snippet: string;
}

export function profileChoices(config: ImrConfig): ProfileChoices {
  const preferred = config.profile ?? DEFAULT_PROFILE_ID;
  const profiles = allProfiles(config).sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  return {
    profiles: profiles.map((profile) => ({ id: profile.id, description: profile.description, sections: profile.sections.map((section) => section.title) })),
    configured: config.profile,
    defaultId: DEFAULT_PROFILE_ID,
  };
}

/** A whole determination in the profile named, if configuration knows it. */
export function determinationTemplate(id: string, config: ImrConfig): Template | undefined {
  const profile = findProfile(id, config);
  return profile && { profile: profile.id, snippet: determinationSkeleton(profile) };
}

/** One disputed item in the profile the draft is checked against. */
export function itemTemplate(profile: Profile): Template {
  return { profile: profile.id, snippet: itemSnippet(profile) };
}

/** The profile of a draft that could not be read into a model (too large, unreadable): the configured one. */
export function configuredProfile(config: ImrConfig): Profile {
  return resolveProfile(undefined, config);
}
