// The templates: a whole determination, one disputed item and the smaller snippets, built from a profile with tab
// stops whose defaults are the placeholders the placeholder rule finds left in. One source for the "New IMR
// determination" command, "Insert disputed item" and the static snippets generated from it.
import { guidelineSources } from '../catalogue/guidelines';
import { TEMPLATE_PLACEHOLDERS } from '../profiles/placeholders';
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

/** Numbers tab stops in the order the writer meets them; a key gives the same stop each time, so its text is mirrored. */
class TabStops {
  private next = 1;
  private readonly named = new Map<string, number>();

  placeholder(text: string, key?: string): string {
    const known = key === undefined ? undefined : this.named.get(key);
    if (known !== undefined) return `\${${known}}`;
    const stop = this.next++;
    if (key !== undefined) this.named.set(key, stop);
    return `\${${stop}:${escapeSnippet(text)}}`;
  }

  choice(options: string[], key?: string): string {
    const known = key === undefined ? undefined : this.named.get(key);
    if (known !== undefined) return `\${${known}}`;
    const stop = this.next++;
    if (key !== undefined) this.named.set(key, stop);
    return `\${${stop}|${options.map(escapeChoice).join(',')}|}`;
  }
}

const P = TEMPLATE_PLACEHOLDERS;

/** A whole determination for `profile`, in the seed's layout (titles on their own lines, blank lines between paragraphs). */
export function determinationSkeleton(profile: Profile): string {
  const stops = new TabStops();
  const blocks: string[] = ['---', `profile: ${escapeSnippet(profile.id)}`, '---'];
  const phrase = profile.decisions.form === 'phrase';
  for (const section of profile.sections) {
    const body: string[] = section.skeleton ? section.skeleton.split(/\n{2,}/).map((paragraph) => fillCredentialLine(profile, paragraph, stops)) : [];
    if (section.id === profile.issuesSection) body.push(...(phrase ? [sentenceBlock(profile, stops)] : itemBlocks(profile, stops)));
    else if (phrase && section.id === profile.items.repeatedIn) body.push(sentenceBlock(profile, stops));
    else if (section.id === profile.credentialsSection && profile.credentials.form === 'prose') body.push(proseCredentials(profile, stops));
    else if (section.id === profile.credentialsSection && !body.some((paragraph) => paragraph.includes(P.states.text)))
      body.push(...labelledCredentials(profile, stops));
    else if (body.length === 0 || /:\s*$/.test(body[body.length - 1]))
      body.push(stops.placeholder(section.id === 'case-summary' ? P.summary.text : P.section.text));
    blocks.push('', escapeSnippet(section.title), '', body.join('\n\n'));
  }
  if (phrase && profile.items.detail) blocks.push('', ...detailBlock(profile, stops));
  return `${blocks.join('\n')}\n$0`;
}

/** One disputed item with its fields, as a snippet to insert where the writer is. */
export function itemSnippet(profile: Profile): string {
  const stops = new TabStops();
  if (profile.decisions.form === 'phrase')
    return `${[sentenceBlock(profile, stops), ...(profile.items.detail ? ['', ...detailBlock(profile, stops)] : [])].join('\n')}\n$0`;
  return `${itemBlocks(profile, stops).join('\n\n')}\n$0`;
}

export interface SnippetTemplate {
  name: string;
  prefix: string;
  description: string;
  body: string;
}

/** Every snippet the extension contributes, for `profile` (the static snippets are this list for the default profile). */
export function snippetTemplates(profile: Profile): SnippetTemplate[] {
  const words = profile.decisions;
  const conclusions = `Pick the decision and the matching conclusion (${words.upheld}: not medically necessary; ${words.overturned}: medically necessary).`;
  const reviewer = profile.fields.find((field) => field.kind === 'reviewer');
  const subjects = profile.fields.filter((field) => field.subject).map((field) => field.subject!.replace(/^The\s+/, ''));
  const snippets: SnippetTemplate[] = [
    {
      name: 'IMR final determination',
      prefix: 'imr-determination',
      description: `A whole IMR final determination (profile ${profile.id}): ${profile.sections.map((section) => section.title).join(', ')}, and one disputed item. ${conclusions} Every placeholder left in is reported until it is filled in.`,
      body: determinationSkeleton(profile).replace(/^---\n.*\n---\n\n/, ''),
    },
    { name: 'IMR disputed item', prefix: 'imr-item', description: `One disputed item and its fields. ${conclusions}`, body: itemSnippet(profile) },
  ];
  if (reviewer && subjects.length > 0) {
    const stops = (): TabStops => new TabStops();
    const mtus = stops();
    snippets.push({
      name: 'IMR citation (MTUS)',
      prefix: 'imr-cite-mtus',
      description: 'A guideline statement and citation for a decision based on the MTUS.',
      body: `The ${mtus.choice(subjects)} based their decision on the MTUS. ${citationPrefix('MTUS')} ${mtus.choice(sourcesOf('MTUS'))}, ${mtus.placeholder(P.chapter.text)}$0`,
    });
    const other = stops();
    snippets.push({
      name: 'IMR citation (Non-MTUS)',
      prefix: 'imr-cite-non-mtus',
      description:
        'A guideline statement and citation for a decision not based on the MTUS. Say in the rationale why the MTUS was not used (for example "The MTUS does not address the topic.").',
      body: `The ${other.choice(subjects)} did not base their decision on the MTUS. ${citationPrefix('Non-MTUS')} ${other.choice(sourcesOf('Non-MTUS'))}, ${other.placeholder(P.chapter.text)}$0`,
    });
  }
  const credentials = new TabStops();
  if (profile.credentialsSection)
    snippets.push({
      name: 'IMR reviewer credentials',
      prefix: 'imr-credentials',
      description: "The expert reviewer's credentials: states of licensure and certifications or specialties, comma-separated.",
      body: `${(profile.credentials.form === 'prose' ? [proseCredentials(profile, credentials)] : ['The Expert Reviewer has the following credentials:', ...labelledCredentials(profile, credentials)]).join('\n\n')}\n$0`,
    });
  const statement = profile.sections.find((section) => section.id === profile.credentialsSection)?.skeleton?.split(/\n{2,}/)[0];
  if (statement && profile.credentials.form === 'labels') {
    snippets.push({
      name: 'IMR how-made statement',
      prefix: 'imr-statement',
      description: `The standard statement of how the IMR final determination was made (section ${profile.sections.find((section) => section.id === profile.credentialsSection)!.title}).`,
      body: `${escapeSnippet(statement)}\n$0`,
    });
  }
  return snippets;
}

/** Every catalogue source of a kind, as the citation snippets offer them. */
const sourcesOf = (kind: 'MTUS' | 'Non-MTUS'): string[] => guidelineSources.filter((source) => source.kind === kind).map((source) => source.name);

function itemBlocks(profile: Profile, stops: TabStops): string[] {
  const words = profile.decisions;
  const header = `${stops.placeholder(P.item.text)}:  ${stops.choice([words.upheld, words.overturned])}`;
  return [header, ...profile.fields.map((spec) => fieldBlock(profile, spec, stops))];
}

/** "1) MAXIMUS ... has determined the request for <treatment> is not medically necessary and appropriate.", the same wherever the letter repeats it. */
function sentenceBlock(profile: Profile, stops: TabStops): string {
  const words = profile.decisions;
  return `1) ${escapeSnippet(profile.items.sentence ?? '')} ${stops.placeholder(P.treatment.text, 'treatment')} ${stops.choice([words.upheld, words.overturned], 'decision')}.`;
}

/** "1) Regarding the request for <treatment>:" and the item's fields. */
function detailBlock(profile: Profile, stops: TabStops): string[] {
  return [
    `1) ${escapeSnippet(profile.items.detail ?? '')} ${stops.placeholder(P.treatment.text, 'treatment')}:`,
    ...profile.fields.flatMap((spec) => ['', fieldBlock(profile, spec, stops)]),
  ];
}

function fieldBlock(profile: Profile, spec: FieldSpec, stops: TabStops): string {
  const label = `${escapeSnippet(spec.label)}: `;
  if (spec.kind === 'rationale') {
    // The first option agrees with the first decision (not medically necessary), as the item's choice lists them.
    const { conclusions } = profile.decisions;
    return `${label}${stops.placeholder(P.reasoning.text)} ${stops.choice([conclusions.upheld, conclusions.overturned])}`;
  }
  if (!spec.subject) return `${label}${stops.placeholder(P.source.text)}`;
  const subject = escapeSnippet(spec.subject);
  const forms = stops.choice([
    `based their decision on the MTUS. ${citationPrefix('MTUS')}`,
    `did not base their decision on the MTUS. ${citationPrefix('Non-MTUS')}`,
  ]);
  return `${label}${subject} ${forms} ${stops.placeholder(P.source.text)}`;
}

function labelledCredentials(profile: Profile, stops: TabStops): string[] {
  return [
    `${escapeSnippet(profile.credentials.states[0])}: ${stops.placeholder(P.states.text)}`,
    `${escapeSnippet(profile.credentials.specialties[0])}: ${stops.placeholder(P.specialties.text)}`,
  ];
}

function proseCredentials(profile: Profile, stops: TabStops): string {
  const specialties = escapeSnippet(profile.credentials.specialties[0]);
  const states = escapeSnippet(profile.credentials.states[0]);
  return `The expert reviewer is ${specialties} ${stops.placeholder(P.specialties.text)} and is ${states} ${stops.placeholder(P.states.text)}.`;
}

/** A skeleton's empty "State(s) of Licensure: " lines get a placeholder for the list. */
function fillCredentialLine(profile: Profile, paragraph: string, stops: TabStops): string {
  const labels = profile.credentials.form === 'labels' ? profile.credentials : undefined;
  const colon = paragraph.indexOf(':');
  const label = paragraph.slice(0, colon).trim();
  if (!labels || colon < 0 || paragraph.slice(colon + 1).trim().length > 0) return escapeSnippet(paragraph);
  if (labels.states.includes(label)) return `${escapeSnippet(paragraph.trimEnd())} ${stops.placeholder(P.states.text)}`;
  if (labels.specialties.includes(label)) return `${escapeSnippet(paragraph.trimEnd())} ${stops.placeholder(P.specialties.text)}`;
  return escapeSnippet(paragraph);
}
