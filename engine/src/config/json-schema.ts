// JSON Schema for editors, generated from the zod schema: the configuration file's and the `imr.*` settings'.
import { z } from 'zod';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_MS } from '../limits';
import { configSchema, settingsSchema } from './schema';

type JsonSchema = Record<string, unknown>;

const OPTIONS = { target: 'draft-7', io: 'input', unrepresentable: 'any' } as const;

/** The schema of `.imrlintrc.json`, as checked in at schemas/imrlintrc.schema.json. */
export function configJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(configSchema, OPTIONS) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'IMR determination linter configuration (.imrlintrc.json)',
    ...rest,
    // VS Code reads these to accept JSON with comments in files named .json.
    allowComments: true,
    allowTrailingCommas: true,
  };
}

/** Settings only the client reads; listed here so the contribution is generated from one place. */
const editorSettingsSchema = z.object({
  debounceMs: z.number().int().min(0).max(10_000).default(150).describe('Milliseconds to wait after typing stops before a draft is checked again.'),
  'trace.server': z
    .enum(['off', 'messages', 'verbose'])
    .default('off')
    .describe('Traces the messages between VS Code and the IMR language server (for bug reports).'),
});

const BUDGET_DEFAULTS = { timeMs: DEFAULT_TIME_BUDGET_MS, memoryMb: DEFAULT_MEMORY_BUDGET_MB };

const DEFAULTS: Record<string, unknown> = { profile: '', rules: {}, privacy: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, include: [], ignore: [] };

/** `contributes.configuration.properties` of package.json. */
export function settingsContribution(): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (key === 'budget') continue;
    const { $schema: _, description, ...property } = z.toJSONSchema(schema, OPTIONS) as JsonSchema;
    // The settings editor shows a plain text box for a string, not for a union.
    const shape = key === 'profile' ? { type: 'string' } : property;
    properties[`imr.${key}`] = {
      ...shape,
      default: DEFAULTS[key],
      scope: 'resource',
      markdownDescription: `${String(description ?? '')} Configuration files (\`.imrlintrc.json\`) beside a draft win over this setting.`,
    };
  }
  // One setting per budget, a number the settings editor shows as such. Only the user sets them (machine scope): a
  // workspace, trusted or not, cannot have the editor spend more on its drafts.
  const budget = settingsSchema.shape.budget.unwrap();
  for (const [key, schema] of Object.entries(budget.shape)) {
    const { $schema: _, description, ...property } = z.toJSONSchema(schema, OPTIONS) as JsonSchema;
    properties[`imr.budget.${key}`] = {
      ...property,
      default: BUDGET_DEFAULTS[key as keyof typeof BUDGET_DEFAULTS],
      scope: 'machine',
      markdownDescription: `${String(description ?? '')} Set in user settings only; a trusted workspace's configuration files may change it for its drafts.`,
    };
  }
  for (const [key, schema] of Object.entries(editorSettingsSchema.shape)) {
    const { $schema: _, ...property } = z.toJSONSchema(schema, OPTIONS) as JsonSchema;
    properties[`imr.${key}`] = { ...property, scope: 'window' };
  }
  return JSON.parse(JSON.stringify(properties)) as Record<string, JsonSchema>;
}
