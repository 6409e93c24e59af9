// Writes snippets/imr.code-snippets from the engine's templates for the default profile (run through tsx).
import { writeFile } from 'node:fs/promises';
import { builtinProfiles, DEFAULT_PROFILE_ID } from '../engine/src/profiles/builtin.ts';
import { snippetTemplates } from '../engine/src/language/skeleton.ts';

const profile = builtinProfiles.find((candidate) => candidate.id === DEFAULT_PROFILE_ID);
const snippets = Object.fromEntries(
  snippetTemplates(profile).map((snippet) => [
    snippet.name,
    { scope: 'imr,markdown', prefix: snippet.prefix, description: snippet.description, body: snippet.body.split('\n') },
  ]),
);
await writeFile(new URL('../snippets/imr.code-snippets', import.meta.url), `${JSON.stringify(snippets, null, 2)}\n`);
