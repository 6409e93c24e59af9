// Findings as LSP diagnostics.
import type { Finding, Severity } from '../../../engine/src';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';

export const SOURCE = 'imr';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

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
