import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { validateXML } from 'xmllint-wasm';
import { rules, type Finding } from '../../engine/src';
import { formatJunit } from '../../cli/src/formats/junit';
import { runCli } from '../support/cli';
import { HOSTILE_FILE, HOSTILE_TEXT, writeCorpus } from './corpus';

const XSD = readFileSync(new URL('./junit.xsd', import.meta.url), 'utf8');

async function validate(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: XSD }] });
  return result.errors.map((error) => error.rawMessage);
}

function parse(xml: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

const children = (element: Element, name: string): Element[] => Array.from(element.childNodes).filter((node): node is Element => node.nodeName === name);

interface Json {
  file: string;
  diagnostics: { ruleId: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
}

describe('imr-lint --format junit', () => {
  let dir: string;
  before(() => ({ dir } = writeCorpus()));

  it('validates against the JUnit schema: one suite per draft, one testcase per rule, failures for errors and warnings', async () => {
    const [junit, json] = await Promise.all([runCli(['--format', 'junit', 'drafts'], { cwd: dir }), runCli(['--format', 'json', 'drafts'], { cwd: dir })]);
    assert.equal(junit.status, 1, junit.stderr);
    assert.deepEqual(await validate(junit.stdout), []);
    const entries = JSON.parse(json.stdout) as Json[];
    const root = parse(junit.stdout).documentElement!;
    assert.equal(root.nodeName, 'testsuites');
    const suites = children(root, 'testsuite');
    assert.deepEqual(
      suites.map((suite) => suite.getAttribute('name')),
      entries.map((entry) => entry.file),
    );
    let failures = 0;
    suites.forEach((suite, index) => {
      const entry = entries[index];
      const cases = children(suite, 'testcase');
      assert.deepEqual(
        cases.map((testcase) => testcase.getAttribute('name')),
        rules.map((rule) => rule.id),
      );
      for (const testcase of cases) assert.equal(testcase.getAttribute('classname'), entry.file);
      const failing = entry.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning');
      const failedRules = [...new Set(failing.map((diagnostic) => diagnostic.ruleId))];
      const failed = cases.filter((testcase) => children(testcase, 'failure').length > 0);
      assert.deepEqual(failed.map((testcase) => testcase.getAttribute('name')).sort(), [...failedRules].sort(), entry.file);
      assert.equal(suite.getAttribute('failures'), String(failed.length));
      assert.equal(suite.getAttribute('tests'), String(cases.length));
      for (const testcase of failed) {
        const [failure] = children(testcase, 'failure');
        const ruleId = testcase.getAttribute('name')!;
        assert.equal(failure.getAttribute('type'), ruleId);
        const ofRule = failing.filter((diagnostic) => diagnostic.ruleId === ruleId);
        for (const diagnostic of ofRule) {
          const where = `${entry.file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}: ${diagnostic.severity}: ${diagnostic.message}`;
          assert.ok(failure.textContent!.includes(where), `${where}\nnot in\n${failure.textContent}`);
        }
        assert.ok(failure.getAttribute('message')!.includes(ofRule[0].message));
      }
      // Info findings are reported, not failed.
      for (const diagnostic of entry.diagnostics.filter((item) => item.severity === 'info')) {
        const testcase = cases.find((item) => item.getAttribute('name') === diagnostic.ruleId)!;
        assert.ok(children(testcase, 'system-out')[0]?.textContent?.includes(diagnostic.message), diagnostic.message);
      }
      failures += failed.length;
    });
    assert.equal(root.getAttribute('failures'), String(failures));
    assert.equal(root.getAttribute('tests'), String(suites.length * rules.length));
    assert.ok(failures > 20, `only ${failures} failures over the corpus`);
  });

  it('keeps a hostile file name and message as text', async () => {
    const run = await runCli(['--format', 'junit', 'drafts'], { cwd: dir });
    const suite = children(parse(run.stdout).documentElement!, 'testsuite').find((item) => item.getAttribute('name') === `drafts/${HOSTILE_FILE}`);
    assert.ok(suite, 'the hostile draft has its suite');
    const state = children(suite, 'testcase').find((item) => item.getAttribute('name') === 'credential-state')!;
    assert.ok(children(state, 'failure')[0].textContent!.includes(`"${HOSTILE_TEXT}" is not a US state`));
    assert.ok(children(state, 'failure')[0].textContent!.includes('"Ohoi" onmouseover="alert(1)"'));
  });

  it('writes characters XML 1.0 forbids as U+FFFD, keeping line breaks and tabs in attributes', async () => {
    const finding: Finding = {
      ruleId: 'phi',
      severity: 'error',
      message: 'Page\fbreak, bell\u0007, lone \uD800 surrogate; tab\there\nand a new line & <tag> "quote"',
      span: { start: 0, end: 1 },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    };
    const xml = formatJunit([{ file: '/drafts/form\ffeed.md', findings: [finding] }], { cwd: '/', ruleIds: ['phi'] });
    assert.deepEqual(await validate(xml), []);
    const failure = parse(xml).getElementsByTagName('failure')[0];
    assert.equal(failure.getAttribute('message'), 'line 1: Page\uFFFDbreak, bell\uFFFD, lone \uFFFD surrogate; tab\there\nand a new line & <tag> "quote"');
    assert.ok(failure.textContent!.startsWith('drafts/form\uFFFDfeed.md:1:1: error: Page\uFFFDbreak'));
  });

  it('the schema check can fail', async () => {
    const broken = '<testsuites tests="one" failures="0" errors="0"><testsuite name="a" failures="0" errors="0"><case/></testsuite></testsuites>';
    const errors = await validate(broken);
    assert.ok(errors.length >= 2, errors.join('\n'));
  });
});
