// The configuration schema: the single source of truth for .imrlintrc.json, settings and the JSON Schema.
import { z } from 'zod';
import { ruleIds } from '../rules';

export const severitySchema = z.enum(['error', 'warning', 'info', 'hint']);

export const ruleSettingSchema = z.union([
  z.literal('off'),
  severitySchema,
  z.tuple([z.union([z.literal('off'), severitySchema]), z.record(z.string(), z.unknown())]),
]);

const sectionSchema = z
  .object({
    id: z.string().min(1).describe('Stable id of the section, used by the profile and by rules.'),
    title: z.string().min(1).describe('The section title as the letter prints it.'),
    aliases: z.array(z.string()).default([]).describe('Other spellings of the title.'),
    required: z.boolean().default(true),
    skeleton: z.string().optional().describe('Text a quick fix inserts under a missing section.'),
  })
  .strict();

const fieldSchema = z
  .object({
    kind: z.enum(['claimsAdministrator', 'reviewer', 'rationale']),
    label: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    subject: z.string().optional().describe('Who the field\'s MTUS statement speaks of.'),
  })
  .strict();

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a profile id is lower-case letters, digits and hyphens'),
    description: z.string().default(''),
    sections: z.array(sectionSchema).min(1),
    issuesSection: z.string().describe('Id of the section that holds the disputed items.'),
    credentialsSection: z.string().optional(),
    decisions: z.object({ upheld: z.string().min(1), overturned: z.string().min(1) }).strict().default({ upheld: 'Upheld', overturned: 'Overturned' }),
    fields: z.array(fieldSchema).default([]),
    rules: z.record(z.string(), z.enum(['off', 'error', 'warning', 'info', 'hint'])).default({}),
  })
  .strict()
  .superRefine((profile, context) => {
    const ids = profile.sections.map((section) => section.id);
    for (const key of ['issuesSection', 'credentialsSection'] as const) {
      const id = profile[key];
      if (id !== undefined && !ids.includes(id)) {
        context.addIssue({ code: 'custom', path: [key], message: `"${id}" is not the id of one of this profile's sections (${ids.join(', ')})` });
      }
    }
  });

const privacyPatternSchema = z
  .object({
    name: z.string().min(1).describe('What the pattern finds, as the message names it ("a claim number").'),
    pattern: z.string().refine((source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression'),
    flags: z.string().regex(/^[imsu]*$/, 'flags may be i, m, s and u').optional(),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z.union([z.string(), z.array(z.string())]).optional().describe('Configuration files this one builds on, nearest last.'),
    profile: z.string().optional().describe('The profile drafts are checked against (default "ca-dwc-imr").'),
    profiles: z.array(profileSchema).optional().describe('Profiles defined here, selectable by id.'),
    rules: z.partialRecord(z.enum(ruleIds), ruleSettingSchema).optional().describe('Rule settings: "off", a severity, or [severity, options].'),
    include: z.array(z.string()).optional().describe('Globs of files to check, relative to this file.'),
    ignore: z.array(z.string()).optional().describe('Globs of files never to check, relative to this file.'),
    privacy: z
      .object({ patterns: z.array(privacyPatternSchema).default([]) })
      .strict()
      .optional()
      .describe('Extra patterns for the phi rule.'),
    maxFileSize: z.number().int().positive().optional().describe('Largest draft, in bytes, that is checked (default 10 MB).'),
  })
  .strict();

export type Severity = z.infer<typeof severitySchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type ImrConfig = z.infer<typeof configSchema>;
