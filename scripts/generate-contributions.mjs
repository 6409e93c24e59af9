// Writes the files made from the engine's data (run through tsx: `npm run generate`): the injection grammar's words
// and the snippets from the built-in profiles, and the rule tables of the READMEs from the rules and their pages.
// With --check, writes nothing and exits 1 when a file differs from what it would write.
import { readFile, writeFile } from 'node:fs/promises';
import { generatedFiles } from './contributions/index.ts';

const check = process.argv.includes('--check');
const root = new URL('../', import.meta.url);
let stale = 0;
for (const [path, text] of Object.entries(generatedFiles())) {
  const target = new URL(path, root);
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current === text) continue;
  if (check) {
    stale++;
    console.error(`${path} is out of date: run \`npm run generate\``);
  } else {
    await writeFile(target, text);
    console.log(`wrote ${path}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
