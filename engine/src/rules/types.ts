// What a rule is and what it reports. Rules read the model; fixes are data.
import type { Determination } from '../model/types';
import type { Profile } from '../profiles/types';
import type { Range, Span } from '../text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

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

export interface RuleContext {
  profile: Profile;
  /** The rule's options from configuration. */
  options: Record<string, unknown>;
  /** The line break to use in inserted text. */
  eol: string;
  report(report: Report): void;
}

export interface Rule {
  /** Stable kebab-case id; never changes once released. */
  id: string;
  description: string;
  severity: Severity;
  tags: string[];
  check(model: Determination, context: RuleContext): void;
}

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
