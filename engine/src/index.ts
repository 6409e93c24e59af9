// The determination engine: parse, model, rules, fixes. Knows nothing of editors.
export { lint, runRules, tooLargeFindings } from './lint';
export { DEFAULT_MAX_FILE_SIZE } from './limits';
export type { LintOptions, LintResult, RuleFailure } from './lint';
export { buildDetermination } from './model/build';
export type * from './model/types';
export { rules, registry, ruleIds, findRule, ruleDocsPath } from './rules';
export { defineRule } from './rules/types';
export type {
  AnyRule,
  EngineFinding,
  Finding,
  Fix,
  LocatedFix,
  LocatedEdit,
  RegistryEntry,
  Report,
  Rule,
  RuleContext,
  RuleInfo,
  Severity,
  TextEdit,
} from './rules/types';
export { applyEdits, fixEdits } from './fixes';
export { disableNextLineComment } from './directives';
export { isDetermination } from './detect';
export { builtinProfiles, DEFAULT_PROFILE_ID } from './profiles/builtin';
export { allProfiles, findProfile, resolveProfile } from './config/profiles';
export type { Profile, SectionSpec, FieldSpec } from './profiles/types';
export { configSchema, profileSchema, ruleSettingSchema } from './config/schema';
export type { ImrConfig, RuleSetting } from './config/schema';
export { guidelineSources, matchChapter } from './catalogue/guidelines';
export type { GuidelineSource, CitationKind } from './catalogue/guidelines';
export { usStates } from './catalogue/states';
export { knownSpecialties } from './catalogue/specialties';
export { LineIndex, MappedText } from './text';
export type { Position, Range, Span } from './text';
export { FileRefused, FileTooLarge, readRegularFile } from './node/regular-file';
export type { RegularFile } from './node/regular-file';
