// Findings, configuration notices and configuration problems as LSP diagnostics, pushed or pulled alike.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigurationFileProblem, DocumentConfiguration, Finding, ImrDocument, Severity } from '../../../engine/src';
import type { ServerContext } from '../context';

export const SOURCE = 'imr';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const ORIGIN = { line: 0, character: 0 };

export function toDiagnostic(finding: Finding, docsUri: (ruleId: string) => string): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUri(finding.ruleId) },
    message: finding.message,
  };
}

/** A draft's notice of each configuration source that governs it and has problems: a warning when the defaults apply. */
export function configurationNotices(configuration: DocumentConfiguration): Diagnostic[] {
  return configuration.messages.map((message) => ({
    range: { start: ORIGIN, end: ORIGIN },
    severity: message.severity === 'error' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'configuration',
    message: message.notice,
  }));
}

/** The problems of an open configuration file, each at the offending JSON node. */
export function configurationFileDiagnostics(problems: readonly ConfigurationFileProblem[]): Diagnostic[] {
  return problems.map((problem) => ({
    range: problem.range ?? { start: ORIGIN, end: ORIGIN },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'configuration',
    message: problem.message,
  }));
}

/**
 * A document's diagnostics: an open configuration file's problems, or a determination's findings after the notices
 * of its configuration; undefined for a document that is not checked (no determination, or left out by `include`
 * and `ignore`). `configurationFiles` hears which configuration files govern a draft. Throws when the check fails.
 */
export async function diagnosticsOf(
  context: Pick<ServerContext, 'connection' | 'service' | 'docsUri'>,
  document: ImrDocument,
  configurationFiles?: (files: readonly string[]) => void,
): Promise<Diagnostic[] | undefined> {
  const { service } = context;
  // A configuration file is diagnosed as configuration, never checked as a draft.
  if (service.isConfigurationFile(document)) return configurationFileDiagnostics(await service.diagnoseConfigurationFile(document));
  configurationFiles?.((await service.configuration(document)).files);
  // Diagnostics need findings only: the model stays in its checking thread until a feature asks.
  const result = await service.check(document, { model: false });
  if (!result) return undefined;
  for (const failure of result.failures) context.connection.console.error(`imr: rule ${failure.ruleId} failed on ${document.uri}: ${failure.error}`);
  return [...configurationNotices(result.configuration), ...result.findings.map((finding) => toDiagnostic(finding, context.docsUri))];
}
