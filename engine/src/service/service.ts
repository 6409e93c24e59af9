// The engine as one service: configuration, gating, checks and every feature an editor or the command line asks for.
import type { Root } from 'mdast';
import type { ImrConfig } from '../config/schema';
import { completionsAt, type Completion } from '../language/completion';
import { disableForLine } from '../language/disable';
import { fixAll, type FixAllResult } from '../language/fix-all';
import { foldingRanges, type FoldingLines } from '../language/folding';
import { hoverAt, type HoverInfo, type HoverOptions } from '../language/hover';
import { outline, type OutlineNode } from '../language/outline';
import { quickFixesAt, type QuickFixes } from '../language/quick-fixes';
import type { RuleFailure } from '../lint';
import type { Determination } from '../model/types';
import type { Profile } from '../profiles/types';
import { renderExportDocument } from '../render/document';
import { renderDetermination, type RenderedDetermination } from '../render/render';
import { letterStyles } from '../render/styles';
import type { RenderMode } from '../render/summary';
import { rules } from '../rules';
import type { Finding, LocatedFix, RuleInfo } from '../rules/types';
import { LineIndex, type Range } from '../text';
import { CheckStopped, inProcessAnalysis, type Analysis, type AnalysisStep } from './analysis';
import { Configurations, type ConfigurationFileProblem, type ConfigurationOptions, type DocumentConfiguration } from './configuration';
import { nameOf, type DocumentRef, type ImrDocument } from './documents';
import { isConfigurationFile, isDeterminationDocument } from './gate';
import type { ImrServiceHost } from './host';
import { configuredProfile, determinationTemplate, itemTemplate, profileChoices, type ProfileChoices, type Template } from './templates';

export interface ImrServiceOptions extends ConfigurationOptions {
  /** The pure analysis step; by default it runs in the calling thread with an incremental parser per document. */
  analysis?: AnalysisStep;
  /** Today's date, ISO (yyyy-mm-dd), for the date checks; by default the clock's. */
  today?(): string;
}

/** A determination as checked: its findings and, when it could be read, its model. */
export interface CheckResult {
  uri: string;
  version?: number;
  text: string;
  configuration: DocumentConfiguration;
  /** The configuration it was checked with (`configuration.config`). */
  config: ImrConfig;
  findings: Finding[];
  /** Rules that threw; the others still ran. */
  failures: RuleFailure[];
  /**
   * Undefined for a draft too large to check or one the parser could not read, and where a step that hands its
   * model over on demand (a checking thread) was asked for findings only (`CheckOptions.model` false).
   */
  model?: Determination;
  /** Positions in `text`. */
  lines: LineIndex;
  today: string;
  /** The check was stopped over its budget: `findings` hold the one finding that says so, and nothing is known of the draft. */
  stopped?: boolean;
}

export interface CheckOptions {
  /**
   * False where the caller reads findings only (diagnostics): a step in threads then leaves the model where it was
   * built until a feature asks. True by default.
   */
  model?: boolean;
}

export interface ExportRequest {
  /** The draft's file name, for the title when the front matter has no case number. */
  fileName?: string;
  /** Print the summary with the letter (it is on screen either way). */
  printSummary?: boolean;
}

export interface ImrService {
  /** Every rule, as reports name and describe them. */
  readonly rules: readonly RuleInfo[];
  /** The letter's styles, which the rendered HTML needs beside it. */
  readonly letterStyles: string;

  /** The configuration that governs a document, with its problems in words. */
  configuration(document: DocumentRef): Promise<DocumentConfiguration>;
  /** Settings or configuration files changed: everything is resolved and checked again. */
  configurationChanged(): void;
  /** Whether the document is a configuration file (diagnosed as configuration, never checked as a draft). */
  isConfigurationFile(document: DocumentRef): boolean;
  /** The problems of a configuration file's current text, each at its JSON node. */
  diagnoseConfigurationFile(document: DocumentRef & { text: string }): Promise<ConfigurationFileProblem[]>;

  /** Checks a determination; undefined for a document that is none, a configuration file, or one configuration leaves unchecked. */
  check(document: ImrDocument, options?: CheckOptions): Promise<CheckResult | undefined>;
  /** Drops what is kept for a document once it closes. */
  closeDocument(uri: string): void;

  /** Every obvious fix, pass after pass; where the step runs it (a worker), under the check's budget. */
  fixAll(result: CheckResult): Promise<FixAllResult>;
  quickFixes(result: CheckResult, range: Range): QuickFixes;
  disableForLine(result: CheckResult, finding: Finding): LocatedFix | undefined;
  outline(result: CheckResult): OutlineNode[];
  folding(result: CheckResult): FoldingLines[];
  hover(result: CheckResult, offset: number, options: HoverOptions): HoverInfo | undefined;
  completions(result: CheckResult, offset: number, triggerCharacter?: string): Completion[];

  /** The profiles a new draft can start from, by the configuration of `document` (or of a new, untitled one). */
  profiles(document?: DocumentRef): Promise<ProfileChoices>;
  /** A whole determination in the profile named; undefined when configuration knows no such profile. */
  determinationTemplate(profileId: string, document?: DocumentRef): Promise<Template | undefined>;
  /** One disputed item in the profile the draft is checked against. */
  itemTemplate(document: ImrDocument): Promise<Template>;

  /** The letter as it will be issued, with its summary, from the document's check. */
  render(document: ImrDocument, mode: RenderMode): Promise<RenderedDetermination>;
  /** The letter as one self-contained, script-free HTML document. */
  exportHtml(document: ImrDocument, request?: ExportRequest): Promise<string>;
}

/** Where a draft that is not yet written anywhere takes its configuration from. */
const UNTITLED: DocumentRef = { uri: 'untitled:' };

interface CachedCheck {
  version?: number;
  text: string;
  configuration: DocumentConfiguration;
  pending: Promise<CheckResult>;
}

export function createImrService(host: ImrServiceHost, options: ImrServiceOptions = {}): ImrService {
  const configurations = new Configurations(host, options);
  const analysis = options.analysis ?? inProcessAnalysis();
  const today = (): string => options.today?.() ?? new Date().toISOString().slice(0, 10);
  // The latest check of each document, and the tree it was read from (for the letter).
  const checks = new Map<string, CachedCheck>();
  const roots = new WeakMap<CheckResult, Root>();
  // Checks whose text could be read into a model (whether or not the model has been read yet).
  const modelled = new WeakSet<CheckResult>();
  // Models the step hands over on demand: how to ask for one, then the asking, until it is read into the check.
  const deferredModels = new WeakMap<CheckResult, NonNullable<Analysis['deferredModel']> | Promise<CheckResult>>();

  const forget = (uri: string): void => {
    checks.delete(uri);
    analysis.forget(uri);
  };

  const analyse = async (document: ImrDocument, configuration: DocumentConfiguration): Promise<CheckResult> => {
    const date = today();
    const step = await analysis.analyse({ uri: document.uri, text: document.text, config: configuration.config, today: date });
    const { lint, root } = step;
    // Indexed when something reads a position: diagnostics of a check in threads arrive with their ranges.
    let lines = lint.model?.lines;
    const result: CheckResult = {
      uri: document.uri,
      version: document.version,
      text: document.text,
      configuration,
      config: configuration.config,
      findings: lint.findings,
      failures: lint.failures,
      model: lint.model,
      get lines() {
        return (lines ??= new LineIndex(document.text));
      },
      today: date,
      ...(step.stopped ? { stopped: true } : {}),
    };
    if (step.deferredModel) deferredModels.set(result, step.deferredModel);
    if (root) roots.set(result, root);
    if (lint.model || step.deferredModel) modelled.add(result);
    return result;
  };

  /** The check with its model read, where the step handed it over on demand; a failed reading is tried again next time. */
  const withModel = (result: CheckResult): CheckResult | Promise<CheckResult> => {
    const deferred = deferredModels.get(result);
    if (deferred === undefined || deferred instanceof Promise) return deferred ?? result;
    const reading = deferred(result.lines).then(
      (model) => {
        deferredModels.delete(result);
        result.model = model;
        return result;
      },
      (error: unknown) => {
        deferredModels.set(result, deferred);
        throw error;
      },
    );
    deferredModels.set(result, reading);
    return reading;
  };

  const check = async (document: ImrDocument, checkOptions: CheckOptions = {}): Promise<CheckResult | undefined> => {
    const result = await checkFindings(document);
    return result && checkOptions.model !== false ? withModel(result) : result;
  };

  const checkFindings = async (document: ImrDocument): Promise<CheckResult | undefined> => {
    if (isConfigurationFile(document)) return undefined;
    const configuration = await configurations.of(document);
    if (configuration.ignored || !isDeterminationDocument(document, configuration.config)) {
      forget(document.uri);
      return undefined;
    }
    const cached = checks.get(document.uri);
    if (cached && cached.configuration === configuration && cached.version === document.version && cached.text === document.text) return cached.pending;
    const pending = analyse(document, configuration);
    checks.set(document.uri, { version: document.version, text: document.text, configuration, pending });
    // A failed step is not remembered: the next request tries again.
    pending.catch(() => {
      if (checks.get(document.uri)?.pending === pending) checks.delete(document.uri);
    });
    return pending;
  };

  /** The check and its tree, for the letter; a document that is not checked is rendered with its configuration all the same. */
  const renderInput = async (document: ImrDocument) => {
    const result = await check(document, { model: !analysis.render });
    if (!result) return { config: (await configurations.of(document)).config, today: today() };
    // A check stopped over budget, or one whose letter the step renders, hands the renderer no model: it is not read here.
    const lint = { model: analysis.render || result.stopped ? undefined : result.model, findings: result.findings, failures: result.failures };
    return { config: result.config, today: result.today, analysis: { lint, root: roots.get(result) }, result };
  };

  /** The letter where the step renders it (under its budget); a draft stopped over budget shows its finding instead. */
  const renderByStep = async (
    document: ImrDocument,
    input: Awaited<ReturnType<typeof renderInput>>,
    request: { mode: 'preview' } | ({ mode: 'export' } & ExportRequest),
  ) => {
    if (!analysis.render || input.result?.stopped) return undefined;
    try {
      return await analysis.render({ uri: document.uri, text: document.text, config: input.config, today: input.today, ...request });
    } catch (error) {
      if (error instanceof CheckStopped) return { stopped: error };
      throw error;
    }
  };

  return {
    rules,
    letterStyles,
    configuration: (document) => configurations.of(document),
    configurationChanged() {
      configurations.changed();
      checks.clear();
    },
    isConfigurationFile,
    async diagnoseConfigurationFile(document) {
      return configurations.diagnose(document.path ?? `/untitled/${nameOf(document)}`, document.text);
    },
    check,
    closeDocument(uri) {
      forget(uri);
      configurations.forget(uri);
    },
    async fixAll(result) {
      const findings = modelled.has(result) ? result.findings : undefined;
      if (result.stopped) return { text: result.text, edits: [], passes: 0, remaining: result.findings, refused: [], stopped: result.findings[0] };
      if (!analysis.fixAll) return fixAll(result.text, { config: result.config, today: result.today }, findings);
      try {
        return await analysis.fixAll({ uri: result.uri, text: result.text, config: result.config, today: result.today, findings });
      } catch (error) {
        if (!(error instanceof CheckStopped)) throw error;
        return { text: result.text, edits: [], passes: 0, remaining: [...result.findings, ...error.findings], refused: [], stopped: error.findings[0] };
      }
    },
    quickFixes: (result, range) => quickFixesAt(result, range),
    disableForLine: (result, finding) => disableForLine(result, finding),
    outline: (result) => (result.model ? outline(result.model) : []),
    folding: (result) => (result.model ? foldingRanges(result.model) : []),
    hover: (result, offset, hoverOptions) => hoverAt(result.model, result.findings, offset, hoverOptions),
    completions: (result, offset, triggerCharacter) => (result.model ? completionsAt(result.model, offset, triggerCharacter) : []),
    async profiles(document = UNTITLED) {
      return profileChoices((await configurations.of(document)).config);
    },
    async determinationTemplate(profileId, document = UNTITLED) {
      return determinationTemplate(profileId, (await configurations.of(document)).config);
    },
    async itemTemplate(document) {
      const result = await check(document);
      if (result?.model) return itemTemplate(result.model.profile);
      const config = result?.config ?? (await configurations.of(document)).config;
      return itemTemplate(result ? configuredProfile(config) : await profileOfText(analysis, document, config, today()));
    },
    async render(document, mode) {
      const input = await renderInput(document);
      const byStep = await renderByStep(document, input, { mode: 'preview' });
      if (byStep && 'stopped' in byStep)
        return renderDetermination(document.text, { ...input, mode, analysis: { lint: { findings: byStep.stopped.findings, failures: [] } } });
      if (byStep?.mode === 'preview') return byStep.rendered;
      return renderDetermination(document.text, { ...input, mode });
    },
    async exportHtml(document, request = {}) {
      const input = await renderInput(document);
      // A letter whose check was stopped is not written: the export would hold the finding instead of the letter.
      if (input.result?.stopped) throw new CheckStopped(input.result.findings);
      const byStep = await renderByStep(document, input, { mode: 'export', ...request });
      if (byStep && 'stopped' in byStep) throw byStep.stopped;
      if (byStep?.mode === 'export') return byStep.html;
      return renderExportDocument(document.text, { ...input, ...request });
    },
  };
}

/** The profile of a draft that is not (yet) a determination: the one its front matter names, else the configured one. */
async function profileOfText(analysis: AnalysisStep, document: ImrDocument, config: ImrConfig, today: string): Promise<Profile> {
  // Read by the step, under its budget, as a document of its own that is forgotten at once.
  const uri = `${document.uri}#profile`;
  try {
    const read = await analysis.analyse({ uri, text: document.text, config, today });
    return (read.lint.model ?? (await read.deferredModel?.(new LineIndex(document.text))))?.profile ?? configuredProfile(config);
  } finally {
    analysis.forget(uri);
  }
}
