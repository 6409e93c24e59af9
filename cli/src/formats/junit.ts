// JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps): one testsuite per draft, one testcase per rule.
//
// A testcase per rule per draft keeps test names stable from run to run (a finding's line moves as the
// draft is edited), so GitLab's merge request widget and Jenkins's history can say which checks are
// new failures and which were fixed, and a clean rule counts as a passed test. Errors and warnings fail
// their testcase (all of the rule's findings in one failure, as Jenkins shows only the first); info and
// hints are listed in the testcase's system-out and do not fail it.
import { rules, type Finding } from '../../../engine/src';
import type { FileReport } from '../report';
import { displayPath } from './paths';
import { xmlAttribute, xmlText } from './xml';

export interface JunitOptions {
  cwd?: string;
  /** Rules that get a testcase in every draft (the engine's rules by default). */
  ruleIds?: readonly string[];
}

const failing = (finding: Finding): boolean => finding.severity === 'error' || finding.severity === 'warning';

function location(file: string, finding: Finding): string {
  return `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
}

function testcase(file: string, ruleId: string, findings: Finding[]): { xml: string; failed: boolean } {
  const open = `    <testcase name="${xmlAttribute(ruleId)}" classname="${xmlAttribute(file)}" time="0"`;
  if (findings.length === 0) return { xml: `${open}/>`, failed: false };
  const failures = findings.filter(failing);
  const notes = findings.filter((finding) => !failing(finding));
  const lines: string[] = [`${open}>`];
  if (failures.length > 0) {
    const [first] = failures;
    const summary = `line ${first.range.start.line + 1}: ${first.message}`;
    const message = failures.length === 1 ? summary : `${failures.length} findings; ${summary}`;
    const body = failures.map((finding) => `${location(file, finding)}: ${finding.severity}: ${finding.message}`).join('\n');
    lines.push(`      <failure type="${xmlAttribute(ruleId)}" message="${xmlAttribute(message)}">${xmlText(body)}</failure>`);
  }
  if (notes.length > 0) {
    const body = notes.map((finding) => `${location(file, finding)}: ${finding.severity}: ${finding.message}`).join('\n');
    lines.push(`      <system-out>${xmlText(body)}</system-out>`);
  }
  lines.push('    </testcase>');
  return { xml: lines.join('\n'), failed: failures.length > 0 };
}

export function formatJunit(reports: FileReport[], options: JunitOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const known = options.ruleIds ?? rules.map((rule) => rule.id);
  let tests = 0;
  let failures = 0;
  const suites = reports.map((report) => {
    const file = displayPath(report.file, cwd);
    const byRule = new Map<string, Finding[]>(known.map((id) => [id, []]));
    // Findings of no listed rule (a draft too large to check) still get their testcase.
    for (const finding of report.findings) {
      const list = byRule.get(finding.ruleId) ?? [];
      list.push(finding);
      byRule.set(finding.ruleId, list);
    }
    const cases = [...byRule].map(([ruleId, findings]) => testcase(file, ruleId, findings));
    const failed = cases.filter((entry) => entry.failed).length;
    tests += cases.length;
    failures += failed;
    const attributes = `name="${xmlAttribute(file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0" file="${xmlAttribute(file)}"`;
    return [`  <testsuite ${attributes}>`, ...cases.map((entry) => entry.xml), '  </testsuite>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="imr-lint" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}
