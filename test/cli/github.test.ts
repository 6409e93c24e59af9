import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Finding } from '../../engine/src';
import { escapeData, escapeProperty, formatGithub } from '../../cli/src/formats/github';
import { runCli } from '../support/cli';
import { HOSTILE_FILE, writeCorpus } from './corpus';

interface Json {
  file: string;
  diagnostics: {
    ruleId: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
}

/** Reads one workflow command back the way the runner does: properties split on ",", then each value unescaped. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (text: string): string => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    match[2].split(',').map((pair) => {
      const equals = pair.indexOf('=');
      return [pair.slice(0, equals), unescape(pair.slice(equals + 1))];
    }),
  );
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe('imr-lint --format github', () => {
  let dir: string;
  before(() => ({ dir } = writeCorpus()));

  it('prints one annotation per finding, at the finding, with the rule as its title', async () => {
    const [github, json] = await Promise.all([runCli(['--format', 'github', 'drafts'], { cwd: dir }), runCli(['--format', 'json', 'drafts'], { cwd: dir })]);
    assert.equal(github.status, 1, github.stderr);
    const expected = (JSON.parse(json.stdout) as Json[]).flatMap((entry) => entry.diagnostics.map((diagnostic) => ({ file: entry.file, ...diagnostic })));
    const lines = github.stdout.trimEnd().split('\n');
    assert.equal(lines.length, expected.length);
    assert.ok(expected.length > 30, `only ${expected.length} findings in the corpus`);
    lines.forEach((line, index) => {
      const { command, properties, message } = parseCommand(line);
      const finding = expected[index];
      assert.equal(command, { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[finding.severity]);
      assert.equal(properties.file, finding.file.split('\\').join('/'));
      assert.equal(properties.line, String(finding.range.start.line + 1));
      assert.equal(properties.endLine, String(finding.range.end.line + 1));
      assert.equal(properties.title, finding.ruleId);
      assert.equal(message, finding.message);
      if (finding.range.start.line === finding.range.end.line) assert.equal(properties.col, String(finding.range.start.character + 1));
      else assert.equal(properties.col, undefined);
    });
    assert.ok(
      lines.some((line) => line.startsWith('::notice ')),
      'info findings are notices',
    );
    assert.ok(lines.some((line) => line.startsWith('::warning ')));
  });

  it('escapes a file name with ":" and "," so it stays one property', async () => {
    const run = await runCli(['--format', 'github', 'drafts'], { cwd: dir });
    const line = run.stdout.split('\n').find((text) => text.includes('onerror'));
    assert.ok(line, 'the hostile draft has findings');
    assert.equal(parseCommand(line).properties.file, `drafts/${HOSTILE_FILE}`);
    const scheme = run.stdout.split('\n').find((text) => text.includes('file=drafts/javascript'));
    assert.ok(scheme?.includes('file=drafts/javascript%3Aalert(1).imr.md,'), scheme);
  });

  it('escapes data and properties as the Actions toolkit does', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('gives a range over several lines by its lines only, and a multi-line message on one line', () => {
    const finding: Finding = {
      ruleId: 'empty-section',
      severity: 'error',
      message: 'First line\nsecond line: 100%',
      span: { start: 0, end: 10 },
      range: { start: { line: 3, character: 4 }, end: { line: 5, character: 0 } },
    };
    const output = formatGithub([{ file: '/work/drafts/case.imr.md', findings: [finding] }], '/work');
    assert.equal(output, '::error file=drafts/case.imr.md,line=4,endLine=6,title=empty-section::First line%0Asecond line: 100%25');
  });
});
