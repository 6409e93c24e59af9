// What a rule is and what it reports. Rules read the model; fixes are data.
import type { z } from 'zod';
import type { Determination } from '../model/types';
import type { Profile } from '../profiles/types';
import type { Severity } from '../severity';
import type { Range, Span } from '../text';

export type { Severity } from '../severity';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  /** What the fix does, as a quick-fix title ("Change to 'Overturned'"). */
  title: string;
  edits: TextEdit[];
}

export interface Report {
  span: Span;
  message: string;
  /** A finding's own severity, for rules whose findings differ (casing: warning; wrong word: error). */
  severity?: Severity;
  /** The one obvious fix, applied by fix-all and `--fix`. */
  fix?: Fix;
  /** Other fixes a writer may choose, offered as quick fixes only. */
  suggestions?: Fix[];
}

/** A pattern that identifies a person or a claim, from the `privacy` configuration. */
export interface PrivacyPattern {
  name: string;
  pattern: string;
  flags?: string;
}

export interface RuleContext<Options = Record<string, never>> {
  profile: Profile;
  /** The rule's options from configuration, checked against its schema, defaults applied. */
  options: Options;
  /** The line break to use in inserted text. */
  eol: string;
  /** Today's date (ISO, yyyy-mm-dd): the clock, which tests and reports may fix. */
  today: string;
  /** Privacy patterns from configuration, beside the built-in ones. */
  privacy: readonly PrivacyPattern[];
  report(report: Report): void;
  /**
   * `read(text)` for one line's text, where `read` depends on nothing but the text, the rule's options and
   * configuration. Between checks of one document in an editor, the answer is kept while the line is unchanged,
   * so a rule that reads lines on their own (a line-local rule) rereads only the lines an edit touched. One
   * reading per rule: the answers are kept by text alone.
   */
  perLine<T>(text: string, read: (text: string) => T): T;
}

/** What every entry of the registry declares: its id, what it checks, and where it is documented. */
export interface RuleInfo {
  /** Stable kebab-case id; never changes once released. */
  id: string;
  description: string;
  severity: Severity;
  tags: string[];
}

export interface Rule<Options = Record<string, never>> extends RuleInfo {
  /** The rule's options as configuration gives them (`[severity, options]`); none when absent. */
  options?: z.ZodType<Options>;
  check(model: Determination, context: RuleContext<Options>): void;
}

/** A finding the engine itself reports, where no rule can run (a draft too large, a draft it cannot read). */
export interface EngineFinding extends RuleInfo {
  engine: true;
}

/** Any rule, whatever its options. */
export type AnyRule = Rule<unknown>;

export type RegistryEntry = AnyRule | EngineFinding;

export interface LocatedEdit extends TextEdit {
  range: Range;
}

export interface LocatedFix {
  title: string;
  edits: LocatedEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  fix?: LocatedFix;
  suggestions?: LocatedFix[];
}

/** Declares a rule, keeping its options' type tied to its schema. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
