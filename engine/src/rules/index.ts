// The registry: every rule the engine runs, in the order findings are reported, and the engine's own findings.
import { citationFormat } from './citation-format';
import { citationSource } from './citation-source';
import { conclusionDecision } from './conclusion-decision';
import { credentialSpecialty } from './credential-specialty';
import { credentialState } from './credential-state';
import { credentials } from './credentials';
import { dateChronology } from './date-chronology';
import { decisionLists } from './decision-lists';
import { decisionValue } from './decision-value';
import { disputedItems } from './disputed-items';
import { duplicateItem } from './duplicate-item';
import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { engineFindings } from './engine-findings';
import { fieldOrder } from './field-order';
import { frontMatter } from './front-matter';
import { itemFields } from './item-fields';
import { mtusStatement } from './mtus-statement';
import { nonMtusExplained } from './non-mtus-explained';
import { phi } from './phi';
import { placeholder } from './placeholder';
import { requiredSection } from './required-section';
import { sectionOrder } from './section-order';
import type { AnyRule, RegistryEntry } from './types';

export const rules: readonly AnyRule[] = [
  requiredSection,
  placeholder,
  sectionOrder,
  duplicateSection,
  emptySection,
  disputedItems,
  decisionValue,
  decisionLists,
  itemFields,
  fieldOrder,
  duplicateItem,
  citationFormat,
  mtusStatement,
  citationSource,
  conclusionDecision,
  nonMtusExplained,
  credentials,
  credentialState,
  credentialSpecialty,
  phi,
  dateChronology,
  frontMatter,
] as readonly AnyRule[];

/** Every id configuration may name and every finding may carry: the rules, then the engine's own findings. */
export const registry: readonly RegistryEntry[] = [...rules, ...engineFindings];

export const ruleIds = registry.map((entry) => entry.id) as [string, ...string[]];

export function findRule(id: string): RegistryEntry | undefined {
  return registry.find((entry) => entry.id === id);
}

/** Where an entry's documentation page lives, relative to the package root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
