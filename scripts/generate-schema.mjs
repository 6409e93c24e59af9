// Writes schemas/imrlintrc.schema.json from the zod schema (run through tsx: `npm run generate:schema`).
// With --package, also updates package.json's contributes.configuration.properties in place (that key only).
import { readFile, writeFile } from 'node:fs/promises';
import { applyEdits, modify } from 'jsonc-parser';
import { configJsonSchema, settingsContribution } from '../engine/src/config/json-schema.ts';

const schemaFile = new URL('../schemas/imrlintrc.schema.json', import.meta.url);
await writeFile(schemaFile, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

if (process.argv.includes('--package')) {
  const packageFile = new URL('../package.json', import.meta.url);
  const text = await readFile(packageFile, 'utf8');
  const edits = modify(text, ['contributes', 'configuration', 'properties'], settingsContribution(), {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
  });
  await writeFile(packageFile, applyEdits(text, edits));
}
