// Snippets built from a profile: a whole determination, and one disputed item with its fields.
import { isCredentialLabel } from '../model/credentials';
import type { FieldSpec, Profile } from '../profiles/types';
import { citationPrefix } from './describe';

/** Escapes text for a snippet's body or placeholder default. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes an option of a `${n|a,b|}` choice. */
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

/** Numbers tab stops in the order the writer meets them. */
class TabStops {
  private next = 1;

  placeholder(text: string): string {
    return `\${${this.next++}:${escapeSnippet(text)}}`;
  }

  choice(options: string[]): string {
    return `\${${this.next++}|${options.map(escapeChoice).join(',')}|}`;
  }
}

// Defaults are real catalogue values, so a skeleton whose placeholders are only accepted still lints clean.
const DEFAULTS = {
  item: 'Disputed item',
  source: 'Chronic Pain Medical Treatment Guidelines',
  reasoning: 'Explain the decision from the guidelines and the medical records.',
  states: 'California',
  specialties: 'Occupational Medicine',
  section: 'Text of this section.',
};

/**
 * A whole determination for `profile`, in the seed's format (titles on their own lines, blank lines
 * between paragraphs), with tab stops, and choices for the decision, the citation forms and the conclusion.
 */
export function determinationSkeleton(profile: Profile): string {
  const stops = new TabStops();
  const blocks: string[] = ['---', `profile: ${escapeSnippet(profile.id)}`, '---'];
  for (const section of profile.sections) {
    const paragraphs = section.skeleton ? section.skeleton.split(/\n{2,}/) : [];
    const body = paragraphs.map((paragraph) => fillCredentialLine(paragraph, stops));
    const last = paragraphs[paragraphs.length - 1];
    // A skeleton that ends by introducing something ("... including all medical records:") wants that something next.
    const introduces = last === undefined || (/:\s*$/.test(last) && !isCredentialLabel(last));
    if (section.id === profile.issuesSection) body.push(...itemBlocks(profile, stops));
    else if (introduces) body.push(stops.placeholder(DEFAULTS.section));
    blocks.push('', escapeSnippet(section.title), '', body.join('\n\n'));
  }
  return `${blocks.join('\n')}\n$0`;
}

/** One disputed item with its fields, as a snippet to insert where the writer is. */
export function itemSnippet(profile: Profile): string {
  return `${itemBlocks(profile, new TabStops()).join('\n\n')}\n$0`;
}

function itemBlocks(profile: Profile, stops: TabStops): string[] {
  const words = profile.decisions;
  const header = `${stops.placeholder(DEFAULTS.item)}:  ${stops.choice([words.upheld, words.overturned])}`;
  const fields = profile.fields.map((spec) => fieldBlock(spec, stops));
  return [header, ...fields];
}

function fieldBlock(spec: FieldSpec, stops: TabStops): string {
  const label = `${escapeSnippet(spec.label)}: `;
  if (spec.kind === 'rationale') {
    // The first option of each choice agrees with the first decision word (Upheld: not medically necessary).
    return `${label}${stops.placeholder(DEFAULTS.reasoning)} Therefore, the request was ${stops.choice(['not medically necessary', 'medically necessary'])}.`;
  }
  const subject = escapeSnippet(spec.subject ?? 'The reviewer');
  const forms = stops.choice([
    `based their decision on the MTUS. ${citationPrefix('MTUS')}`,
    `did not base their decision on the MTUS. ${citationPrefix('Non-MTUS')}`,
  ]);
  return `${label}${subject} ${forms} ${stops.placeholder(DEFAULTS.source)}`;
}

/** "State(s) of Licensure: " lines of a skeleton get a placeholder for the list. */
function fillCredentialLine(paragraph: string, stops: TabStops): string {
  const kind = isCredentialLabel(paragraph);
  if (!kind || paragraph.slice(paragraph.indexOf(':') + 1).trim().length > 0) return escapeSnippet(paragraph);
  return `${escapeSnippet(paragraph.trimEnd())} ${stops.placeholder(kind === 'states' ? DEFAULTS.states : DEFAULTS.specialties)}`;
}
