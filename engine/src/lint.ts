// The rule runner: text and configuration in, model and findings out. It knows rules only through the registry's contract.
import type { Root } from 'mdast';
import type { ImrConfig } from './config/schema';
import { DirectiveFilter } from './directives';
import { readAfresh, type LineMemo } from './rules/line-memo';
import { DEFAULT_MAX_FILE_SIZE } from './limits';
import { buildDetermination } from './model/build';
import type { ModelCache } from './model/cache';
import type { Determination } from './model/types';
import { parseDraft } from './incremental';
import { resolveProfile } from './config/profiles';
import { rules as allRules } from './rules';
import { checkBudget, maxFileSize, unreadableDraft } from './rules/engine-findings';
import type { AnyRule, EngineFinding, Finding, Fix, LocatedFix, Report, RuleInfo } from './rules/types';
import type { RuleSetting, Severity } from './severity';
import type { LineIndex } from './text';

export interface LintOptions {
  config?: ImrConfig;
  /** The rules to run; all of them by default. */
  rules?: readonly AnyRule[];
  /** Overrides the clock for date checks (ISO date). */
  today?: string;
  /** Parses Markdown; an incremental parser can stand in for the default one. */
  parse?: (text: string) => Root;
  /** What the document's blocks and fields said at its earlier checks, kept by their text. */
  modelCache?: ModelCache;
  /** What line-local rules read in each line, kept from the document's earlier checks. */
  lineMemo?: LineMemo;
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

const ORIGIN = { span: { start: 0, end: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };

export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? {};
  const limit = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > limit) return { findings: tooLargeFindings(`${text.length.toLocaleString('en-US')} characters`, limit, config), failures: [] };
  let model: Determination;
  try {
    model = buildDetermination(text, (requested) => resolveProfile(requested, config), (options.parse ?? parseDraft)(text), options.modelCache);
  } catch (error) {
    // A draft the parser or the model cannot read (found by fuzzing, see test/robustness) gets one clear
    // finding instead of a crashed server or CLI.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message = `This draft could not be checked (${reason}). Nothing was changed; please report the problem with the draft attached.`;
    return { findings: engineFinding(unreadableDraft, message, config), failures: [{ ruleId: unreadableDraft.id, error: reason }] };
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
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const privacy = config.privacy?.patterns ?? [];
  const eol = model.lines.eol;
  for (const rule of options.rules ?? allRules) {
    const setting = settingFor(rule, model, config);
    if (setting.severity === 'off') continue;
    const reports: Report[] = [];
    try {
      const ruleOptions = optionsFor(rule, setting.options);
      const perLine = options.lineMemo ? options.lineMemo.reader(rule.id, config) : readAfresh;
      rule.check(model, { profile: model.profile, options: ruleOptions, eol, today, privacy, report: (report) => reports.push(report), perLine });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push({ ruleId: rule.id, error: reason });
      findings.push({
        ruleId: rule.id,
        severity: 'warning',
        message: `The rule "${rule.id}" failed on this draft and was skipped (${reason}). The other rules ran.`,
        ...ORIGIN,
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
  options.lineMemo?.settle();
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { findings, failures };
}

/** A draft too large to check, its size said as it was measured ("12,582,912 characters", "30,000,000 bytes"). */
export function tooLargeFindings(size: string, limit: number, config: ImrConfig = {}): Finding[] {
  const message = `This draft has ${size}, more than the ${limit.toLocaleString('en-US')}${size.endsWith('characters') ? '' : ' characters'} that are checked; raise "maxFileSize" in configuration to check it.`;
  return engineFinding(maxFileSize, message, config);
}

/** The one finding of a draft whose check was stopped over its budget; `message` says which budget and what to do. */
export function overBudgetFindings(message: string, config: ImrConfig = {}): Finding[] {
  return engineFinding(checkBudget, message, config);
}

/** The one finding of a draft the engine could not read; `message` says why. */
export function unreadableFindings(message: string, config: ImrConfig = {}): Finding[] {
  return engineFinding(unreadableDraft, message, config);
}

/** The engine's own finding at the start of the draft, at the severity configuration gives its entry. */
function engineFinding(entry: EngineFinding, message: string, config: ImrConfig): Finding[] {
  const setting = configuredSetting(entry, undefined, config);
  const severity = setting === undefined ? entry.severity : Array.isArray(setting) ? setting[0] : setting;
  return severity === 'off' ? [] : [{ ruleId: entry.id, severity, message, ...ORIGIN }];
}

interface EffectiveSetting {
  severity: Severity | 'off';
  /** Set by configuration or profile, so it applies to every finding of the rule. */
  explicit: boolean;
  options: Record<string, unknown>;
}

function configuredSetting(entry: RuleInfo, model: Determination | undefined, config: ImrConfig): RuleSetting | undefined {
  return (config.rules as Record<string, RuleSetting | undefined> | undefined)?.[entry.id] ?? model?.profile.rules[entry.id];
}

function settingFor(rule: AnyRule, model: Determination, config: ImrConfig): EffectiveSetting {
  const configured = configuredSetting(rule, model, config);
  if (configured === undefined) return { severity: rule.severity, explicit: false, options: {} };
  if (Array.isArray(configured)) return { severity: configured[0], explicit: true, options: configured[1] };
  return { severity: configured, explicit: true, options: {} };
}

// Each rule's options are checked and defaulted once per distinct value: a configuration reaches a checking thread
// as a new copy with every draft, so the same options come as new objects.
const checkedOptions = new WeakMap<AnyRule, Map<string, unknown>>();
/** Distinct option values kept per rule; more (a run over many configurations) start the cache again. */
const MAX_CHECKED_OPTIONS = 64;

/** The rule's options through its own schema; a rule without one takes none. */
function optionsFor(rule: AnyRule, given: Record<string, unknown>): unknown {
  if (!rule.options) return {};
  let cache = checkedOptions.get(rule);
  if (!cache) checkedOptions.set(rule, (cache = new Map()));
  const key = JSON.stringify(given);
  if (cache.has(key)) return cache.get(key);
  const parsed = rule.options.safeParse(given);
  if (!parsed.success)
    throw new Error(`its options are invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`).join('; ')}`);
  if (cache.size >= MAX_CHECKED_OPTIONS) cache.clear();
  cache.set(key, parsed.data);
  return parsed.data;
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
