// The static snippets (snippets/imr.code-snippets): the engine's templates for the default profile, so the snippets,
// "New IMR determination" and "Insert disputed item" insert the same text. Written by scripts/generate-contributions.mjs.
import { snippetTemplates } from '../../engine/src/language/skeleton';
import type { Profile } from '../../engine/src/profiles/types';

interface Snippet {
  scope: string;
  prefix: string;
  description: string;
  body: string[];
}

const SCOPE = 'imr,markdown';

export function staticSnippets(profile: Profile): Record<string, Snippet> {
  return Object.fromEntries(
    snippetTemplates(profile).map((snippet) => [
      snippet.name,
      { scope: SCOPE, prefix: snippet.prefix, description: snippet.description, body: snippet.body.split('\n') },
    ]),
  );
}
