// The engine's one entry point: text and configuration in, model and findings out.
import type { ImrConfig, RuleSetting } from './config/schema';
import { DirectiveFilter } from './directives';
import type { Root } from 'mdast';
import { buildDetermination } from './model/build';
import { parseMarkdown } from './parse';
import type { Determination } from './model/types';
import { resolveProfile } from './profiles';
import { rules as allRules } from './rules';
import type { Finding, Fix, LocatedFix, Report, Rule, Severity } from './rules/types';
import type { LineIndex } from './text';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface LintOptions {
  config?: ImrConfig;
  /** The rules to run; all of them by default. */
  rules?: readonly Rule[];
  /** Overrides the clock for date checks (ISO date). */
  today?: string;
  /** Parses Markdown; an incremental parser can stand in for the default one. */
  parse?: (text: string) => Root;
}

export interface RuleFailure {
  ruleId: string;
  error: string;
}

export interface LintResult {
  model?: Determination;
  findings: Finding[];
  /** Rules that threw; the others still ran. */
  failures: RuleFailure[];
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? {};
  const limit = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > limit) return { findings: [tooLargeFinding(`${text.length.toLocaleString('en-US')} characters`, limit)], failures: [] };
  let model: Determination;
  try {
    model = buildDetermination(text, (requested) => resolveProfile(requested, config), (options.parse ?? parseMarkdown)(text));
  } catch (error) {
    // A draft the parser or the model cannot read (found by fuzzing, see test/robustness) gets one clear
    // finding instead of a crashed server or CLI.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      findings: [
        {
          ruleId: 'unreadable-draft',
          severity: 'warning',
          message: `This draft could not be checked (${reason}). Nothing was changed; please report the problem with the draft attached.`,
          span: { start: 0, end: 0 },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ],
      failures: [{ ruleId: 'unreadable-draft', error: reason }],
    };
  }
  return { model, ...runRules(model, config, options) };
}

/** The one finding of a draft too large to check; `size` says how large ("20,971,520 characters"). */
export function tooLargeFinding(size: string, limit: number): Finding {
  return {
    ruleId: 'max-file-size',
    severity: 'warning',
    message: `This draft has ${size}, more than the ${limit.toLocaleString('en-US')}${size.endsWith('characters') ? '' : ' characters'} that are checked; raise "maxFileSize" in configuration to check it.`,
    span: { start: 0, end: 0 },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

export function runRules(model: Determination, config: ImrConfig, options: LintOptions = {}): Omit<LintResult, 'model'> {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const filter = new DirectiveFilter(model.directives);
  const eol = model.lines.eol;
  for (const rule of options.rules ?? allRules) {
    const setting = settingFor(rule, model, config);
    if (setting.severity === 'off') continue;
    const reports: Report[] = [];
    const context = { profile: model.profile, options: { ...setting.options }, eol, report: (report: Report) => reports.push(report) };
    // Privacy patterns come from `privacy.patterns` alone, where the schema checks them; never from a rule option.
    if (rule.id === 'phi') context.options.patterns = config.privacy?.patterns ?? [];
    if (rule.id === 'date-chronology' && options.today) context.options.today = options.today;
    try {
      rule.check(model, context);
    } catch (error) {
      failures.push({ ruleId: rule.id, error: error instanceof Error ? error.message : String(error) });
      findings.push({
        ruleId: rule.id,
        severity: 'warning',
        message: `The rule "${rule.id}" failed on this draft and was skipped (${error instanceof Error ? error.message : String(error)}). The other rules ran.`,
        span: { start: 0, end: 0 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
      continue;
    }
    for (const report of reports) {
      const span = clampSpan(report.span, model.text.length);
      const range = model.lines.rangeOf(span);
      if (filter.isDisabled(rule.id, range.start.line)) continue;
      findings.push({
        ruleId: rule.id,
        severity: setting.explicit ? setting.severity : (report.severity ?? rule.severity),
        message: report.message,
        span,
        range,
        fix: report.fix ? locateFix(report.fix, model.lines) : undefined,
        suggestions: report.suggestions?.map((fix) => locateFix(fix, model.lines)),
      });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { findings, failures };
}

interface EffectiveSetting {
  severity: Severity | 'off';
  /** Set by configuration or profile, so it applies to every finding of the rule. */
  explicit: boolean;
  options: Record<string, unknown>;
}

function settingFor(rule: Rule, model: Determination, config: ImrConfig): EffectiveSetting {
  const configured: RuleSetting | undefined = (config.rules as Record<string, RuleSetting> | undefined)?.[rule.id] ?? model.profile.rules[rule.id];
  if (configured === undefined) return { severity: rule.severity, explicit: false, options: {} };
  if (Array.isArray(configured)) return { severity: configured[0], explicit: true, options: configured[1] };
  return { severity: configured, explicit: true, options: {} };
}

function clampSpan(span: { start: number; end: number }, length: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

function locateFix(fix: Fix, lines: LineIndex): LocatedFix {
  return {
    title: fix.title,
    edits: fix.edits.map((edit) => {
      const span = clampSpan(edit.span, lines.text.length);
      return { span, newText: edit.newText, range: lines.rangeOf(span) };
    }),
  };
}
