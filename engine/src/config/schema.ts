// The configuration schema: the single source of truth for .imrlintrc.json, settings and the JSON Schema.
import { z } from 'zod';
import { closest } from '../distance';
import { builtinProfiles } from '../profiles/builtin';
import { registry } from '../rules';
import type { RegistryEntry } from '../rules/types';
import { SEVERITIES, type Level, type RuleSetting, type Severity } from '../severity';
import { compilePattern, MAX_PATTERN_LENGTH } from '../pattern';
import { compileGlob, MAX_GLOB_LENGTH } from './globs';
import { DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_MS, MEMORY_BUDGET_RANGE, TIME_BUDGET_RANGE } from '../limits';

export const severitySchema = z.enum(SEVERITIES as [Severity, ...Severity[]]);

const SEVERITY_WORDS = '"off", "error", "warning", "info" or "hint"';
/** What people used to other linters write, and what they mean here. */
const SEVERITY_ALIASES: Record<string, string> = {
  warn: 'warning',
  information: 'info',
  err: 'error',
  none: 'off',
  false: 'off',
  '0': 'off',
  '1': 'warning',
  '2': 'error',
};

function settingError(input: unknown): string {
  const word = Array.isArray(input) ? input[0] : input;
  const alias = SEVERITY_ALIASES[String(word).toLowerCase()];
  if (alias) return `${JSON.stringify(word)} is not a severity; write "${alias}"`;
  return `a rule setting is ${SEVERITY_WORDS}, or [severity, { options }]; got ${JSON.stringify(input)}`;
}

const levelSchema = z.enum(['off', ...SEVERITIES] as [Level, ...Level[]], { error: (issue) => settingError(issue.input) });

/** A setting for any rule: "off", a severity, or [severity, { options }]; each rule's own key narrows the options. */
export const ruleSettingSchema = z
  .union([levelSchema, z.tuple([levelSchema, z.record(z.string(), z.unknown()).describe("The rule's options.")])], {
    error: (issue) => settingError(issue.input),
  })
  .meta({ id: 'ruleSetting', description: 'A rule setting: "off", a severity, or [severity, { options }].' });

/** The setting of a rule that takes no options. */
const settingWithoutOptionsSchema = z
  .union(
    [
      levelSchema,
      z.tuple([
        levelSchema,
        z.strictObject(
          {},
          {
            error: (issue) =>
              issue.code === 'unrecognized_keys'
                ? `this rule takes no options (got ${issue.keys.map((key) => `"${key}"`).join(', ')})`
                : 'options are an object',
          },
        ),
      ]),
    ],
    { error: (issue) => settingError(issue.input) },
  )
  .meta({ id: 'ruleSettingWithoutOptions', description: 'A rule setting: "off" or a severity (this rule takes no options).' });

/** The setting of one registry entry: its options, when it takes any, are checked against the entry's own schema. */
function entrySettingSchema(entry: RegistryEntry): z.ZodType<RuleSetting> {
  const options = 'options' in entry ? entry.options : undefined;
  if (!options) return settingWithoutOptionsSchema as unknown as z.ZodType<RuleSetting>;
  return z.union([levelSchema, z.tuple([levelSchema, options])], { error: (issue) => settingError(issue.input) }) as unknown as z.ZodType<RuleSetting>;
}

const ruleIdList = registry.map((entry) => entry.id);

function unknownRule(key: string): string {
  // Ids that differ in separators or case ("decisionValue", "decision_value") or by a slip of the keyboard.
  const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const near = ruleIdList.find((id) => squash(id) === squash(key)) ?? (key.length >= 3 ? closest(key, ruleIdList) : undefined);
  return near ? `unknown rule "${key}"; did you mean "${near}"?` : `unknown rule "${key}" (rules: ${ruleIdList.join(', ')})`;
}

/** One key per rule, so editors complete rule ids and show each rule's description. */
export const rulesSchema = z
  .strictObject(
    Object.fromEntries(registry.map((entry) => [entry.id, entrySettingSchema(entry).optional().describe(`${entry.description} (default: ${entry.severity})`)])),
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map(unknownRule).join('\n')
          : 'rules is an object of rule ids to settings, for example { "phi": "off" }',
    },
  )
  .meta({ id: 'rules', description: 'Rule settings: "off", a severity, or [severity, { options }]. A severity alone keeps options set by a farther file.' });

/** One line per unknown key (the parser splits them), naming the keys that are allowed. */
function unknownKeys(keys: string[], allowed: readonly string[]): string {
  return keys.map((key) => `unknown key "${key}" (allowed: ${allowed.join(', ')})`).join('\n');
}

/** An object that rejects unknown keys with a message listing the known ones. */
function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what: string, notObject = `${what} is an object`) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys, Object.keys(shape)) : notObject),
  });
}

const sectionSchema = strictObject(
  {
    id: z.string().min(1).describe('Stable id of the section, used by the profile and by rules.'),
    title: z.string().min(1).describe('The section title as the letter prints it.'),
    aliases: z.array(z.string().min(1)).default([]).describe('Other spellings of the title.'),
    required: z.boolean().default(true).describe('Whether a draft must have the section.'),
    skeleton: z.string().optional().describe('Text a quick fix inserts under a missing section.'),
    distinctive: z
      .boolean()
      .optional()
      .describe(
        'A title only letters of this format carry (never a UR letter or a medical report): with another title of the profile, it tells a determination.',
      ),
  },
  'a section',
);

const fieldSchema = strictObject(
  {
    kind: z.enum(['claimsAdministrator', 'reviewer', 'rationale']).describe('Which of the three fields of a disputed item this is.'),
    label: z.string().min(1).describe('The label as the letter prints it, without the colon.'),
    aliases: z.array(z.string().min(1)).default([]).describe('Other spellings of the label.'),
    subject: z.string().optional().describe('Who the field\'s MTUS statement speaks of ("The Claims Administrator").'),
  },
  'a field',
);

const PROFILE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A profile as configuration defines it. With `extends`, it starts from another profile (built-in or defined in
 * configuration) and every key it sets replaces that key, except `rules` and `decisions`, which merge.
 */
export const profileSchema = strictObject(
  {
    id: z
      .string()
      .regex(PROFILE_ID, 'a profile id is lower-case letters, digits and hyphens')
      .describe('The id drafts and configuration select the profile by.'),
    extends: z.string().optional().describe('A profile to start from: a built-in one or one defined in configuration.'),
    description: z.string().optional(),
    sections: z.array(sectionSchema).min(1, 'a profile has at least one section').optional().describe('The sections, in the order the letter has them.'),
    issuesSection: z.string().optional().describe('Id of the section that holds the disputed items.'),
    credentialsSection: z.string().optional().describe("Id of the section that holds the reviewer's credentials."),
    decisions: strictObject(
      {
        upheld: z.string().min(1).optional().describe('The word or phrase for "the UR denial stands" (not medically necessary).'),
        overturned: z.string().min(1).optional().describe('The word or phrase for "the UR decision is reversed" (medically necessary).'),
        form: z
          .enum(['word', 'phrase'])
          .optional()
          .describe(
            '"word": "<Item>:  Upheld"; "phrase": a determination sentence that ends with the phrase ("... the request for <item> is medically necessary and appropriate.").',
          ),
        conclusions: strictObject(
          {
            upheld: z.string().min(1).optional().describe('The sentence a rationale ends with when the denial stands.'),
            overturned: z.string().min(1).optional().describe('The sentence a rationale ends with when the decision is reversed.'),
          },
          'conclusions',
        )
          .optional()
          .describe('The concluding sentences a fix writes.'),
      },
      'decisions',
    )
      .optional()
      .describe('The decision vocabulary.'),
    items: strictObject(
      {
        sentence: z.string().min(1).optional().describe('With decisions written as phrases: the words that lead to the item in a determination sentence.'),
        detail: z.string().min(1).optional().describe('The words that open an item\'s own block of fields, apart from the list ("Regarding the request for").'),
        repeatedIn: z.string().min(1).optional().describe('Id of a section that lists the same decisions again, which must agree.'),
      },
      'items',
    )
      .optional()
      .describe('How disputed items are written, where the format differs from "<Item>:  <decision>".'),
    credentials: strictObject(
      {
        form: z
          .enum(['labels', 'prose'])
          .describe('"labels": "State(s) of Licensure: ..." lines; "prose": a sentence such as "... is licensed to practice in California".'),
        states: z.array(z.string().min(1)).min(1).describe('The labels (the first as fixes write it), or the words leading into the states in prose.'),
        specialties: z.array(z.string().min(1)).min(1).describe('The labels, or the words leading into the specialties in prose.'),
      },
      'credentials',
    )
      .optional()
      .describe("How the reviewer's credentials are written."),
    fields: z.array(fieldSchema).optional().describe("The labels of a disputed item's fields, in order."),
    rules: rulesSchema.optional().describe('Rule settings the format implies, applied below the configuration\'s own "rules".'),
  },
  'a profile',
).superRefine((profile, context) => {
  if (profile.extends === undefined) {
    for (const key of ['sections', 'issuesSection'] as const) {
      if (profile[key] === undefined) context.addIssue({ code: 'custom', path: [key], message: `a profile without "extends" needs "${key}"` });
    }
  }
  const ids = profile.sections?.map((section) => section.id) ?? [];
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `section id "${id}" is used twice` });
  });
  if (profile.decisions?.upheld !== undefined && profile.decisions.upheld === profile.decisions.overturned) {
    context.addIssue({ code: 'custom', path: ['decisions', 'overturned'], message: 'the two decision words must differ' });
  }
});

const privacyPatternSchema = strictObject(
  {
    name: z.string().min(1).describe('What the pattern finds, as the message names it ("a claim number").'),
    pattern: z
      .string()
      .min(1)
      .max(MAX_PATTERN_LENGTH, `a pattern is at most ${MAX_PATTERN_LENGTH} characters`)
      .describe('A regular expression without slashes, as in JavaScript but without look-around or back-references (matched by RE2, in linear time).'),
    flags: z
      .string()
      // A function, not a regular expression with a back-reference: the flags string is as long as a file makes it.
      .refine((flags) => /^[imsu]*$/.test(flags) && new Set(flags).size === flags.length, 'flags may be i, m, s and u, each once')
      .optional(),
  },
  'a privacy pattern',
).superRefine((entry, context) => {
  const compiled = compilePattern(entry.pattern, entry.flags);
  if (!compiled.ok) context.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression: ${compiled.message}` });
});

const globsSchema = z.array(
  z
    .string()
    .min(1, 'a glob cannot be empty')
    .max(MAX_GLOB_LENGTH, `a glob is at most ${MAX_GLOB_LENGTH} characters`)
    .refine((glob) => !glob.startsWith('!'), 'a glob cannot start with "!"; narrow "include" instead')
    .superRefine((glob, context) => {
      const compiled = compileGlob(glob);
      if (!compiled.ok) context.addIssue({ code: 'custom', message: `not a valid glob: ${compiled.message}` });
    }),
);

const privacySchema = strictObject(
  { patterns: z.array(privacyPatternSchema).default([]).describe('Patterns added to the built-in ones; each file adds its own.') },
  'privacy',
).describe('Extra patterns for the phi rule.');

const profileNameSchema = z
  .union([z.enum(builtinProfiles.map((profile) => profile.id) as [string, ...string[]]), z.string().min(1)], {
    error: 'a profile is named by its id, a string such as "ca-dwc-imr"',
  })
  .describe('The profile drafts are checked against: a built-in one or one defined in "profiles" (default "ca-dwc-imr").');

const maxFileSizeSchema = z
  .number({ error: 'maxFileSize is a number of characters, such as 10485760' })
  .int('maxFileSize is a whole number of characters')
  .positive('maxFileSize must be more than 0')
  .describe('Largest draft, in characters, that is checked (default 10485760).');

const budgetSchema = strictObject(
  {
    timeMs: z
      .number({ error: `budget.timeMs is a number of milliseconds, such as ${DEFAULT_TIME_BUDGET_MS}` })
      .int('budget.timeMs is a whole number of milliseconds')
      .min(TIME_BUDGET_RANGE.min, `budget.timeMs is at least ${TIME_BUDGET_RANGE.min}`)
      .max(TIME_BUDGET_RANGE.max, `budget.timeMs is at most ${TIME_BUDGET_RANGE.max} (ten minutes)`)
      .optional()
      .describe(
        `Milliseconds one check of a draft (its findings, its fix-all or its letter) may take before it is stopped (default ${DEFAULT_TIME_BUDGET_MS}).`,
      ),
    memoryMb: z
      .number({ error: `budget.memoryMb is a number of megabytes, such as ${DEFAULT_MEMORY_BUDGET_MB}` })
      .int('budget.memoryMb is a whole number of megabytes')
      .min(MEMORY_BUDGET_RANGE.min, `budget.memoryMb is at least ${MEMORY_BUDGET_RANGE.min}`)
      .max(MEMORY_BUDGET_RANGE.max, `budget.memoryMb is at most ${MEMORY_BUDGET_RANGE.max}`)
      .optional()
      .describe(`Megabytes of memory (JavaScript heap) the check of a draft may use before it is stopped (default ${DEFAULT_MEMORY_BUDGET_MB}).`),
  },
  'budget',
).describe('The time and memory one check may use; a check over budget is stopped and the draft says so.');

export const configSchema = strictObject(
  {
    $schema: z.string().optional(),
    root: z.boolean().optional().describe('Stop looking for configuration files in parent folders.'),
    extends: z
      .union([z.string().min(1), z.array(z.string().min(1))], { error: 'extends is a path to a JSON configuration file, or a list of them' })
      .optional()
      .describe('Configuration files this one builds on, relative to this file; later ones win, and this file wins over all.'),
    profile: profileNameSchema.optional(),
    profiles: z
      .array(profileSchema)
      .optional()
      .describe("Profiles defined here, selectable by id; a nearer file's profile replaces a farther one with the same id."),
    rules: rulesSchema.optional(),
    include: globsSchema
      .min(1, 'include lists at least one glob; leave it out to check every draft')
      .optional()
      .describe('Globs of drafts to check, relative to this file; the nearest file that sets it decides.'),
    ignore: globsSchema.optional().describe('Globs of drafts never to check, relative to this file; every file adds its own.'),
    privacy: privacySchema.optional(),
    maxFileSize: maxFileSizeSchema.optional(),
    budget: budgetSchema.optional(),
  },
  'a configuration',
  'a configuration file holds one JSON object, for example { "rules": { "phi": "off" } }',
)
  .superRefine((config, context) => {
    const ids = config.profiles?.map((profile) => profile.id) ?? [];
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        context.addIssue({ code: 'custom', path: ['profiles', index, 'id'], message: `profile "${id}" is defined twice in this file` });
    });
  })
  .describe('Configuration of the IMR determination linter (editor and imr-lint).');

/** Settings set severities only; options belong in configuration files. */
const settingsRulesSchema = z
  .partialRecord(z.enum(ruleIdList as [string, ...string[]]), levelSchema, {
    // Zod reports unknown keys of an enum-keyed record as "unrecognized_keys", though its types do not say so.
    error: (issue) => {
      const { code, keys } = issue as { code: string; keys?: string[] };
      return code === 'unrecognized_keys' && keys
        ? keys.map(unknownRule).join('\n')
        : 'imr.rules is an object of rule ids to severities, for example { "phi": "off" }';
    },
  })
  .describe('Rule severities: "off", "error", "warning", "info" or "hint", by rule id.');

/** The `imr.*` settings that configure checking; files found beside a draft win over them. */
export const settingsSchema = z.object({
  profile: profileNameSchema.optional(),
  rules: settingsRulesSchema.optional(),
  privacy: privacySchema.optional(),
  maxFileSize: maxFileSizeSchema.optional(),
  budget: budgetSchema.optional(),
  include: globsSchema.optional().describe('Globs of drafts to check, relative to the workspace folder.'),
  ignore: globsSchema.optional().describe('Globs of drafts never to check, relative to the workspace folder.'),
});

export const SETTINGS_KEYS = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[];

export type { RuleSetting, Severity } from '../severity';
export type RuleSettings = z.infer<typeof rulesSchema>;
export type ProfileDefinition = z.infer<typeof profileSchema>;
export type PrivacyPattern = z.infer<typeof privacyPatternSchema>;
export type ImrConfig = z.infer<typeof configSchema>;
export type ImrSettings = z.infer<typeof settingsSchema>;
export type Budget = z.infer<typeof budgetSchema>;
