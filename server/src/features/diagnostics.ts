// Findings, configuration notices and configuration problems as LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigurationFileProblem, DocumentConfiguration, Finding, Severity } from '../../../engine/src';

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
