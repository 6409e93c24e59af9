// A determination profile: the letter format of one review organisation, as data.
import type { RuleSetting } from '../severity';

export interface SectionSpec {
  /** Stable id rules and fixes refer to. */
  id: string;
  /** The title as the letter prints it. */
  title: string;
  /** Other spellings that mean the same section. */
  aliases: string[];
  required: boolean;
  /** Text inserted under the title when the section is created by a fix. */
  skeleton?: string;
}

export type FieldKind = 'claimsAdministrator' | 'reviewer' | 'rationale';

export interface FieldSpec {
  kind: FieldKind;
  label: string;
  aliases: string[];
  /** The party the field's MTUS statement speaks of ("The Claims Administrator"). */
  subject?: string;
}

export interface DecisionVocabulary {
  /** The UR denial stands: the treatment is not medically necessary. */
  upheld: string;
  /** The UR decision is reversed: the treatment is medically necessary. */
  overturned: string;
}

export interface Profile {
  id: string;
  description: string;
  sections: SectionSpec[];
  /** Section holding the disputed items. */
  issuesSection: string;
  /** Section holding the credentials block, if the format has one. */
  credentialsSection?: string;
  decisions: DecisionVocabulary;
  /** The labels of a disputed item's fields, in the order the letter gives them; empty when items have none. */
  fields: FieldSpec[];
  /** Rule settings the format implies, applied below the user's configuration. */
  rules: Partial<Record<string, RuleSetting>>;
}

/**
 * A profile as configuration defines it (checked by the configuration schema). With `extends`, it starts
 * from another profile and every key it sets replaces that key, except `rules` and `decisions`, which merge.
 */
export interface ProfileDefinition {
  id: string;
  extends?: string;
  description?: string;
  sections?: SectionSpec[];
  issuesSection?: string;
  credentialsSection?: string;
  decisions?: Partial<DecisionVocabulary>;
  fields?: FieldSpec[];
  rules?: Partial<Record<string, RuleSetting>>;
}

/** The part of a configuration that chooses profiles: the one selected, and the ones it defines. */
export interface ProfileChoice {
  profile?: string;
  profiles?: readonly ProfileDefinition[];
}
