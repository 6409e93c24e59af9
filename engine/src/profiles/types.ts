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
  /** A title only letters of this format carry, never a UR letter or a medical report: it tells a determination. */
  distinctive?: boolean;
}

export type FieldKind = 'claimsAdministrator' | 'reviewer' | 'rationale';

export interface FieldSpec {
  kind: FieldKind;
  label: string;
  aliases: string[];
  /** The party the field's MTUS statement speaks of ("The Claims Administrator"). */
  subject?: string;
}

export type DecisionValue = 'upheld' | 'overturned';

export interface DecisionVocabulary {
  /** The UR denial stands: the treatment is not medically necessary. */
  upheld: string;
  /** The UR decision is reversed: the treatment is medically necessary. */
  overturned: string;
  /**
   * "word": the decision follows the item's name ("Lumbar MRI:  Upheld"); "phrase": it ends a determination
   * sentence ("... the request for Lumbar MRI is not medically necessary and appropriate.").
   */
  form: 'word' | 'phrase';
  /** The sentence a rationale ends with for each decision, as a fix inserts it. */
  conclusions: Record<DecisionValue, string>;
}

export interface ItemSpec {
  /** Words between an item's number and its name in a determination sentence ("MAXIMUS ... has determined the request for"). */
  sentence?: string;
  /** Words that open an item's own block of fields when it stands apart from the list ("Regarding the request for"). */
  detail?: string;
  /** A section that lists the same decisions again, which must agree with the issues section's (the 2013 notice). */
  repeatedIn?: string;
}

export interface CredentialSpec {
  /** "labels": "State(s) of Licensure: Texas, Ohio"; "prose": "... is licensed to practice in California." */
  form: 'labels' | 'prose';
  /** The labels (the first as a fix writes it), or the words that lead into the list in prose. */
  states: string[];
  specialties: string[];
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
  items: ItemSpec;
  credentials: CredentialSpec;
  /** The labels of a disputed item's fields, in the order the letter gives them; empty when items have none. */
  fields: FieldSpec[];
  /** Rule settings the format implies, applied below the user's configuration. */
  rules: Partial<Record<string, RuleSetting>>;
}
