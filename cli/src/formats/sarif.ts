// SARIF 2.1.0 output, for code-scanning dashboards.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules, type Finding, type Severity } from '../../../engine/src';
import type { FileReport } from '../report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], version: string, cwd = process.cwd()): string {
  const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.id, index]));
  const artifactUri = (file: string): string => {
    const relative = path.relative(cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? pathToFileURL(file).toString() : relative.split(path.sep).map(encodeURIComponent).join('/');
  };
  const region = (finding: Finding) => ({
    startLine: finding.range.start.line + 1,
    startColumn: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'imr-lint',
            version,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { tags: rule.tags },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).toString() } },
        columnKind: 'utf16CodeUnits',
        artifacts: reports.map((report) => ({ location: { uri: artifactUri(report.file), uriBaseId: '%SRCROOT%' } })),
        results: reports.flatMap((report, artifactIndex) =>
          report.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(report.file), uriBaseId: '%SRCROOT%', index: artifactIndex },
                  region: region(finding),
                },
              },
            ],
            ...(finding.fix
              ? {
                  fixes: [
                    {
                      description: { text: finding.fix.title },
                      artifactChanges: [
                        {
                          artifactLocation: { uri: artifactUri(report.file), uriBaseId: '%SRCROOT%', index: artifactIndex },
                          replacements: finding.fix.edits.map((edit) => ({
                            deletedRegion: { charOffset: edit.span.start, charLength: edit.span.end - edit.span.start },
                            insertedContent: { text: edit.newText },
                          })),
                        },
                      ],
                    },
                  ],
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
