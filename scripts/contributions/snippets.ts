// The static snippets (snippets/imr.code-snippets), made from the default profile and the guideline catalogue so they
// never drift from what the engine checks. Written by scripts/generate-contributions.mjs.
import type { GuidelineSource } from '../../engine/src/catalogue/guidelines';
import { citationPrefix } from '../../engine/src/language/describe';
import { determinationSkeleton, escapeSnippet, itemSnippet } from '../../engine/src/language/skeleton';
import { isCredentialLabel } from '../../engine/src/model/credentials';
import type { Profile } from '../../engine/src/profiles/types';

export interface SnippetSources {
  /** The profile a new draft gets when nothing selects another. */
  profile: Profile;
  guidelines: readonly GuidelineSource[];
}

interface Snippet {
  scope: string;
  prefix: string;
  description: string;
  body: string[];
}

const SCOPE = 'imr,markdown';
// Real catalogue values, as in the skeletons: a snippet whose placeholders are only accepted still lints clean.
const DEFAULTS = { states: 'California', specialties: 'Occupational Medicine', chapter: 'chapter or topic' };

const choice = (stop: number, options: readonly string[]): string => `\${${stop}|${options.map((option) => option.replace(/[\\$}|,]/g, '\\$&')).join(',')}|}`;
const lines = (snippet: string): string[] => snippet.split('\n');

export function staticSnippets({ profile, guidelines }: SnippetSources): Record<string, Snippet> {
  const parties = profile.fields.flatMap((field) => (field.subject ? [field.subject] : [])).reverse();
  const sources = (kind: GuidelineSource['kind']): string[] => guidelines.filter((source) => source.kind === kind).map((source) => source.name);
  const credentials = credentialsBlock(profile);
  const statement = standardStatement(profile);
  const titles = profile.sections.map((section) => section.title).join(', ');
  const decisions = `${profile.decisions.upheld}: not medically necessary; ${profile.decisions.overturned}: medically necessary`;
  const snippets: Record<string, Snippet> = {
    'IMR final determination': {
      scope: SCOPE,
      prefix: 'imr-determination',
      description: `A whole IMR final determination (profile ${profile.id}): ${titles}, with the standard text, the credentials and one disputed item. Pick the decision and the matching conclusion (${decisions}).`,
      body: lines(determinationSkeleton(profile)),
    },
    'IMR disputed item': {
      scope: SCOPE,
      prefix: 'imr-item',
      description: `One disputed item: the item line "<Item name>:  <Decision>" and its fields (${profile.fields.map((field) => field.label).join(', ')}). Pick the decision and the matching conclusion (${decisions}).`,
      body: lines(itemSnippet(profile)),
    },
    'IMR citation (MTUS)': {
      scope: SCOPE,
      prefix: 'imr-cite-mtus',
      description: 'A guideline statement and citation for a decision based on the MTUS.',
      body: [
        `${choice(1, parties)} based their decision on the MTUS. ${citationPrefix('MTUS')} ${choice(2, sources('MTUS'))}, \${3:${DEFAULTS.chapter}}, page \${4:N}$0`,
      ],
    },
    'IMR citation (Non-MTUS)': {
      scope: SCOPE,
      prefix: 'imr-cite-non-mtus',
      description:
        'A guideline statement and citation for a decision not based on the MTUS. Say in the rationale why the MTUS was not used (for example "The MTUS does not address the topic.").',
      body: [
        `${choice(1, parties)} did not base their decision on the MTUS. ${citationPrefix('Non-MTUS')} ${choice(2, sources('Non-MTUS'))}, \${3:${DEFAULTS.chapter}}$0`,
      ],
    },
  };
  if (credentials.length > 0) {
    snippets['IMR reviewer credentials'] = {
      scope: SCOPE,
      prefix: 'imr-credentials',
      description: "The expert reviewer's credentials: states of licensure and certifications or specialties, comma-separated.",
      body: [...credentials, '$0'],
    };
  }
  if (statement) {
    snippets['IMR how-made statement'] = {
      scope: SCOPE,
      prefix: 'imr-statement',
      description: `The standard statement of section ${statement.title}.`,
      body: [...statement.paragraphs.flatMap((paragraph, index) => (index === 0 ? [escapeSnippet(paragraph)] : ['', escapeSnippet(paragraph)])), '$0'],
    };
  }
  return snippets;
}

/** The credentials block of the profile's skeletons, from its introduction to the last label, with placeholders. */
function credentialsBlock(profile: Profile): string[] {
  const section = profile.sections.find((candidate) => candidate.id === profile.credentialsSection);
  const paragraphs = section?.skeleton?.split(/\n{2,}/) ?? [];
  const first = paragraphs.findIndex((paragraph) => isCredentialLabel(paragraph));
  if (first < 0) return [];
  const start = first > 0 && /:\s*$/.test(paragraphs[first - 1]) ? first - 1 : first;
  let stop = 0;
  const block = paragraphs.slice(start).map((paragraph) => {
    const kind = isCredentialLabel(paragraph);
    if (!kind) return escapeSnippet(paragraph);
    return `${escapeSnippet(paragraph.trimEnd())} \${${++stop}:${kind === 'states' ? DEFAULTS.states : DEFAULTS.specialties}}`;
  });
  return block.flatMap((paragraph, index) => (index === 0 ? [paragraph] : ['', paragraph]));
}

/** The first standard text of the profile that is a statement rather than an introduction or the credentials. */
function standardStatement(profile: Profile): { title: string; paragraphs: string[] } | undefined {
  for (const section of profile.sections) {
    if (!section.skeleton || section.id === profile.issuesSection) continue;
    const paragraphs: string[] = [];
    for (const paragraph of section.skeleton.split(/\n{2,}/)) {
      // The statement ends where the credentials block starts, or at a sentence that introduces what follows.
      if (isCredentialLabel(paragraph) || /:\s*$/.test(paragraph)) break;
      paragraphs.push(paragraph);
    }
    if (paragraphs.length > 0) return { title: section.title, paragraphs };
  }
  return undefined;
}
