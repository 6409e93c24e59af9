// What the fixed vocabulary of a determination means, as hover and completion text.
import type { GuidelineSource } from '../catalogue/guidelines';
import type { Profile } from '../profiles/types';
import { escapeMarkdown } from './markdown';

import type { DecisionValue } from '../profiles/types';

export type { DecisionValue };

const MEANING: Record<DecisionValue, string> = {
  upheld: 'the utilization review (UR) denial stands: the requested treatment is not medically necessary',
  overturned: 'the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
};

/** The sentence a rationale ends with for a decision, as the conclusion-decision rule writes it. */
export function requiredConclusion(value: DecisionValue, profile: Profile): string {
  return profile.decisions.conclusions[value];
}

/** One line: what the decision word means. */
export function decisionMeaning(value: DecisionValue): string {
  return MEANING[value];
}

/** Markdown: the decision word, what it means and the conclusion it requires. */
export function describeDecision(value: DecisionValue, profile: Profile): string {
  const word = profile.decisions[value];
  return [
    `**${escapeMarkdown(word)}**: ${MEANING[value]}.`,
    `The rationale must conclude that the request is ${value === 'upheld' ? '*not* ' : ''}medically necessary, for example "${requiredConclusion(value, profile)}"`,
  ].join('\n\n');
}

/** Markdown: a catalogue source, its kind, place in the evidence search sequence and chapters. */
export function describeSource(source: GuidelineSource): string {
  const parts = [
    `**${escapeMarkdown(source.name)}** (${source.kind === 'MTUS' ? 'part of the MTUS' : 'outside the MTUS'})`,
    `Cited after "${citationPrefix(source.kind)}".`,
    `Evidence search sequence: ${escapeMarkdown(source.sequence)}`,
  ];
  if (source.chapters.length > 0) parts.push(`Chapters or topics: ${source.chapters.map(escapeMarkdown).join('; ')}.`);
  return parts.join('\n\n');
}

/** The citation prefix of a kind, as letters write it. */
export function citationPrefix(kind: GuidelineSource['kind']): string {
  return kind === 'MTUS' ? 'Decision based on MTUS' : 'Decision based on Non-MTUS Citation';
}
