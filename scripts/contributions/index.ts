// Every file made from the engine's data at build time, by path: what `npm run generate` writes and the tests compare.
import { readFileSync } from 'node:fs';
import { STEMS, UR_WORDS } from '../../engine/src/profiles/vocabulary';
import { builtinProfiles, DEFAULT_PROFILE_ID } from '../../engine/src/profiles/builtin';
import { registry, ruleDocsPath } from '../../engine/src/rules';
import { injectionGrammar } from './grammar';
import { ruleTable, withRuleTable } from './rule-tables';
import { staticSnippets } from './snippets';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The generated files' contents, by path relative to the repository root. */
export function generatedFiles(): Record<string, string> {
  const profile = builtinProfiles.find((candidate) => candidate.id === DEFAULT_PROFILE_ID)!;
  const page = (id: string): string => read(ruleDocsPath(id));
  return {
    'syntaxes/imr.injection.tmLanguage.json': json(
      injectionGrammar({ profiles: builtinProfiles, invalidDecisions: [...Object.keys(UR_WORDS), ...Object.keys(STEMS)] }),
    ),
    'snippets/imr.code-snippets': json(staticSnippets(profile)),
    'README.md': withRuleTable(
      read('README.md'),
      ruleTable(registry, page, (id) => ruleDocsPath(id)),
      'README.md',
    ),
    'docs/rules/README.md': withRuleTable(
      read('docs/rules/README.md'),
      ruleTable(registry, page, (id) => `${id}.md`),
      'docs/rules/README.md',
    ),
  };
}
