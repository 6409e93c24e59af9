// The engine's service over an in-memory host: gating, configuration per document, cached checks, the analysis
// step, templates and the letter.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { configSchema } from '../../engine/src/config/schema';
import { fixAll } from '../../engine/src/language/fix-all';
import { lint } from '../../engine/src/lint';
import { renderDetermination } from '../../engine/src/render/render';
import type { Finding } from '../../engine/src/rules/types';
import type { Analysis, AnalysisRequest, AnalysisStep, FixAllRequest, RenderRequest } from '../../engine/src/service/analysis';
import { CheckStopped, inProcessAnalysis, MAX_INCREMENTAL_DOCUMENTS } from '../../engine/src/service/analysis';
import { nameOf, type ImrDocument } from '../../engine/src/service/documents';
import { isConfigurationFile, isDeterminationDocument } from '../../engine/src/service/gate';
import type { ImrServiceHost } from '../../engine/src/service/host';
import { createImrService, type ImrServiceOptions } from '../../engine/src/service/service';
import { json, memoryHost, type MemoryHost } from '../config/memory-host';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
const acmeConfig = readFileSync(new URL('../config/fixtures/acme-iro.imrlintrc.json', import.meta.url), 'utf8');
const acmeDraft = readFileSync(new URL('../config/fixtures/acme-iro.md', import.meta.url), 'utf8').replace(/^---[\s\S]*?---\n/, '');
const approved = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');

const WORKSPACE = '/cases';

function draft(path: string, text: string, version = 1, languageId = 'markdown'): ImrDocument {
  return { uri: `file://${path}`, path, languageId, version, text };
}

function setup(files: Record<string, string> = {}, settings: Record<string, unknown> = {}, options: ImrServiceOptions = {}) {
  const fileSystem: MemoryHost = memoryHost(files);
  const settingsAsked: (string | undefined)[] = [];
  const host: ImrServiceHost = {
    fileSystem,
    settings: async (path) => {
      settingsAsked.push(path);
      return settings;
    },
    workspaceFolders: () => [WORKSPACE],
  };
  return { service: createImrService(host, { today: () => '2016-01-01', ...options }), fileSystem, settingsAsked, settings };
}

describe('the gate', () => {
  const document = (name: string, text: string, languageId?: string) => ({ uri: `file:///cases/${name}`, path: `/cases/${name}`, languageId, text });

  it('takes language imr, *.imr.md, a profile in front matter, or two section titles', () => {
    assert.ok(isDeterminationDocument(document('notes.md', 'Anything at all', 'imr')));
    assert.ok(isDeterminationDocument(document('letter.IMR.md', '', 'markdown')));
    assert.ok(isDeterminationDocument(document('letter.md', '---\nprofile: ca-dwc-imr\n---\n', 'markdown')));
    assert.ok(isDeterminationDocument(document('letter.md', seed, 'markdown')));
  });

  it('leaves ordinary Markdown, other languages and configuration files alone', () => {
    assert.ok(!isDeterminationDocument(document('notes.md', '# Notes\n\nCLINICAL CASE SUMMARY is a title.', 'markdown')));
    assert.ok(!isDeterminationDocument(document('letter.txt', seed, 'plaintext')));
    assert.ok(!isDeterminationDocument(document('.imrlintrc.json', seed)));
  });

  it("knows a custom profile's titles once the configuration is given", () => {
    const letter = document('acme/letter.md', acmeDraft, 'markdown');
    assert.ok(!isDeterminationDocument(letter));
    assert.ok(isDeterminationDocument(letter, configSchema.parse(parse(acmeConfig))));
  });
});

describe('names and configuration files', () => {
  it('names a document by the last segment of its path, else of its URI, decoded, without query or fragment', () => {
    assert.equal(nameOf({ uri: 'file:///cases/ignored.md', path: '/cases/2016-07/CM16-0001234.imr.md' }), 'CM16-0001234.imr.md');
    assert.equal(nameOf({ uri: 'file:///cases/My%20Letter.imr.md?version=2#L10' }), 'My Letter.imr.md');
    assert.equal(nameOf({ uri: 'vscode-notebook-cell:/cases/notes.md#W0sZmlsZQ' }), 'notes.md');
    assert.equal(nameOf({ uri: 'untitled:Untitled-1' }), 'untitled:Untitled-1');
    assert.equal(nameOf({ uri: 'file:///cases/100%25%E0%A4%A.md' }), '100%25%E0%A4%A.md', 'a name that does not decode is kept as written');
  });

  it('takes .imrlintrc files and shared bases named .imrlintrc.<name>.json as configuration, and nothing else', () => {
    const named = (name: string) => isConfigurationFile({ uri: `file:///cases/${name}`, path: `/cases/${name}` });
    for (const name of ['.imrlintrc', '.imrlintrc.json', '.imrlintrc.jsonc', '.imrlintrc.base.json', '.imrlintrc.acme-iro.jsonc']) assert.ok(named(name), name);
    for (const name of ['imrlintrc.json', '.imrlintrc..json', 'a.imrlintrc.base.json', '.imrlintrc.base.json.bak', '.imrlintrc.base.yaml', 'letter.imr.md'])
      assert.ok(!named(name), name);
    assert.ok(isConfigurationFile({ uri: 'file:///cases/.imrlintrc.base.json' }));
  });

  it('never takes a configuration file in Markdown for a determination, and a document of another language never', () => {
    const document = (name: string, languageId?: string) => ({ uri: `file:///cases/${name}`, path: `/cases/${name}`, languageId, text: seed });
    assert.ok(!isDeterminationDocument(document('.imrlintrc.base.json', 'markdown')));
    assert.ok(!isDeterminationDocument(document('.imrlintrc.json')));
    assert.ok(isDeterminationDocument(document('letter.md')), 'no language: by its name and text');
    assert.ok(!isDeterminationDocument(document('letter.md', 'json')));
    assert.ok(isDeterminationDocument(document('.imrlintrc.json', 'imr')), 'the language imr is a determination, whatever its name');
  });
});

describe('the service', () => {
  it('checks a determination with the configuration beside it, and nothing else', async () => {
    const { service } = setup({ [`${WORKSPACE}/quiet/.imrlintrc.json`]: json({ rules: { 'decision-value': 'off' } }) });
    const loud = await service.check(draft(`${WORKSPACE}/letter.md`, approved));
    assert.ok(loud?.findings.some((finding) => finding.ruleId === 'decision-value'));
    const quiet = await service.check(draft(`${WORKSPACE}/quiet/letter.md`, approved));
    assert.ok(quiet && !quiet.findings.some((finding) => finding.ruleId === 'decision-value'));
    assert.equal(await service.check(draft(`${WORKSPACE}/notes.md`, '# Notes\n')), undefined);
    assert.equal(await service.check(draft(`${WORKSPACE}/.imrlintrc.json`, '{}', 1, 'json')), undefined);
  });

  it('leaves a draft the configuration ignores unchecked', async () => {
    const { service } = setup({ [`${WORKSPACE}/.imrlintrc.json`]: json({ ignore: ['archive/'] }) });
    assert.equal(await service.check(draft(`${WORKSPACE}/archive/old.imr.md`, approved)), undefined);
    assert.ok(await service.check(draft(`${WORKSPACE}/current.imr.md`, approved)));
  });

  it('checks each version once, and again after the configuration changes', async () => {
    const { service, fileSystem } = setup({ [`${WORKSPACE}/.imrlintrc.json`]: json({ rules: { phi: 'off' } }) });
    const first = await service.check(draft(`${WORKSPACE}/letter.imr.md`, seed, 1));
    assert.equal(await service.check(draft(`${WORKSPACE}/letter.imr.md`, seed, 1)), first, 'the same version is the same check');
    const edited = await service.check(draft(`${WORKSPACE}/letter.imr.md`, approved, 2));
    assert.notEqual(edited, first);
    assert.ok(edited?.findings.some((finding) => finding.ruleId === 'decision-value'));

    fileSystem.files.set(`${WORKSPACE}/.imrlintrc.json`, json({ rules: { phi: 'off', 'decision-value': 'hint' } }));
    assert.equal(await service.check(draft(`${WORKSPACE}/letter.imr.md`, approved, 2)), edited, 'nothing re-read until told');
    service.configurationChanged();
    const again = await service.check(draft(`${WORKSPACE}/letter.imr.md`, approved, 2));
    assert.notEqual(again, edited);
    assert.equal(again?.findings.find((finding) => finding.ruleId === 'decision-value')?.severity, 'hint');
  });

  it('reads the settings per document, below every configuration file, and says what is wrong with them', async () => {
    const { service, settingsAsked } = setup({}, { rules: { phi: 'warn' } });
    const result = await service.check(draft(`${WORKSPACE}/letter.imr.md`, seed));
    assert.deepEqual(settingsAsked, [`${WORKSPACE}/letter.imr.md`]);
    assert.equal(result?.configuration.valid, false);
    assert.deepEqual(
      result?.configuration.messages.map((message) => message.notice),
      ['The "imr" settings are invalid: imr.rules.phi: "warn" is not a severity; write "warning"; the defaults apply.'],
    );
  });

  it('names a configuration file relative to the workspace folder, and one outside it as the adapter says', async () => {
    const broken = json({ rules: { phi: 'warn' } });
    const { service } = setup({ [`${WORKSPACE}/a/.imrlintrc.json`]: broken, '/elsewhere/.imrlintrc.json': broken }, {}, { displayPath: (path) => `<${path}>` });
    const inside = await service.configuration(draft(`${WORKSPACE}/a/letter.imr.md`, seed));
    assert.match(inside.messages[0].message, /^Configuration a\/\.imrlintrc\.json is invalid/);
    const outside = await service.configuration(draft('/elsewhere/letter.imr.md', seed));
    assert.match(outside.messages[0].message, /^Configuration <\/elsewhere\/\.imrlintrc\.json> is invalid/);
  });

  it('uses an explicit configuration file instead of discovery and settings, as the command line does', async () => {
    const { service, settingsAsked } = setup(
      {
        [`${WORKSPACE}/.imrlintrc.json`]: json({ rules: { 'decision-value': 'off' } }),
        '/shared/strict.json': json({ rules: { 'decision-value': 'warning' } }),
      },
      { rules: { 'decision-value': 'hint' } },
      { configFile: '/shared/strict.json' },
    );
    const result = await service.check(draft(`${WORKSPACE}/letter.imr.md`, approved));
    assert.equal(result?.findings.find((finding) => finding.ruleId === 'decision-value')?.severity, 'warning');
    assert.deepEqual(settingsAsked, []);
  });

  it('diagnoses a configuration file from its current text, at the offending node', async () => {
    const { service } = setup();
    const problems = await service.diagnoseConfigurationFile({
      uri: 'file:///cases/.imrlintrc.json',
      path: `${WORKSPACE}/.imrlintrc.json`,
      text: '{\n  "rules": { "phi": "warn" }\n}\n',
    });
    assert.deepEqual(
      problems.map((problem) => [problem.severity, problem.message, problem.range?.start.line]),
      [['error', 'rules.phi: "warn" is not a severity; write "warning"', 1]],
    );
  });

  it('hands the analysis step plain data, and lets it forget a document that closes or stops being a determination', async () => {
    const requests: AnalysisRequest[] = [];
    const forgotten: string[] = [];
    const inner = inProcessAnalysis();
    const step: AnalysisStep = {
      analyse(request) {
        requests.push(request);
        return inner.analyse(request);
      },
      forget(uri) {
        forgotten.push(uri);
        inner.forget(uri);
      },
    };
    const { service } = setup({ [`${WORKSPACE}/.imrlintrc.json`]: json({ rules: { phi: 'off' } }) }, {}, { analysis: step });
    const letter = draft(`${WORKSPACE}/letter.md`, seed);
    await service.check(letter);
    assert.equal(requests.length, 1);
    assert.deepEqual(structuredClone(requests[0]), requests[0], 'a structured clone carries the request unchanged');
    assert.deepEqual(requests[0].config, { rules: { phi: 'off' } });
    assert.equal(requests[0].today, '2016-01-01');

    await service.check({ ...letter, version: 2, text: '# Just notes now\n' });
    assert.deepEqual(forgotten, [letter.uri], 'no longer a determination');
    service.closeDocument(letter.uri);
    assert.deepEqual(forgotten, [letter.uri, letter.uri]);
  });

  it('a failed analysis is not remembered: the next check runs it again', async () => {
    let fail = true;
    const inner = inProcessAnalysis();
    const { service } = setup(
      {},
      {},
      {
        analysis: {
          analyse: (request) => {
            if (fail) throw new Error('worker stopped');
            return inner.analyse(request);
          },
          forget: (uri) => inner.forget(uri),
        },
      },
    );
    const letter = draft(`${WORKSPACE}/letter.imr.md`, seed);
    await assert.rejects(service.check(letter), /worker stopped/);
    fail = false;
    assert.ok(await service.check(letter));
  });
});

describe('templates from the service', () => {
  it("inserts a custom profile's item in a folder that defines it (Insert disputed item)", async () => {
    const { service } = setup({ [`${WORKSPACE}/acme/.imrlintrc.json`]: acmeConfig });
    const template = await service.itemTemplate(draft(`${WORKSPACE}/acme/letter.md`, acmeDraft));
    assert.equal(template.profile, 'acme-iro');
    assert.match(template.snippet, /^Carrier guideline: /m);
    assert.match(template.snippet, /\|Affirmed,Reversed\|/);
  });

  it("takes a draft's front matter before it is a determination, and the configured profile for a draft too large to read", async () => {
    const { service } = setup({ [`${WORKSPACE}/.imrlintrc.json`]: json({ profile: 'ca-dwc-imr-2015', maxFileSize: 100 }) });
    const named = await service.itemTemplate(draft(`${WORKSPACE}/new.md`, '---\nprofile: ca-dwc-imr-2013\n---\n'));
    assert.equal(named.profile, 'ca-dwc-imr-2013');
    const large = await service.itemTemplate(draft(`${WORKSPACE}/large.imr.md`, seed));
    assert.equal(large.profile, 'ca-dwc-imr-2015');
  });

  it('lists the profiles for a new draft from the settings, the configured one first', async () => {
    const { service } = setup({}, { profile: 'ca-dwc-imr-2013' });
    const choices = await service.profiles();
    assert.deepEqual(
      choices.profiles.map((profile) => profile.id),
      ['ca-dwc-imr-2013', 'ca-dwc-imr', 'ca-dwc-imr-2015'],
    );
    assert.equal(choices.configured, 'ca-dwc-imr-2013');
    assert.equal((await service.determinationTemplate('ca-dwc-imr-2013'))?.profile, 'ca-dwc-imr-2013');
    assert.equal(await service.determinationTemplate('acme-iro'), undefined);
  });
});

describe('the letter from the service', () => {
  it('is the letter a fresh rendering gives, edit after edit, from the incremental tree of the check', async () => {
    const { service } = setup();
    const own = seed.replace('\nCLINICAL CASE SUMMARY', '\n### Reviewer notes\n\nWritten by the reviewer.\n\nCLINICAL CASE SUMMARY');
    // The writer's heading first sits in a section (and ranks below its title), then, its title deleted, before any.
    const versions = [own, own.replace(' HOW THE IMR FINAL DETERMINATION WAS MADE \n', ''), own];
    for (const [index, text] of versions.entries()) {
      const document = draft(`${WORKSPACE}/letter.imr.md`, text, index + 1);
      const rendered = await service.render(document, 'preview');
      const fresh = renderDetermination(text, { mode: 'preview', today: '2016-01-01' });
      assert.equal(rendered.html, fresh.html, `version ${index + 1}`);
    }
  });

  it('shows the findings of the check, so the summary agrees with the diagnostics', async () => {
    const { service } = setup({ [`${WORKSPACE}/.imrlintrc.json`]: json({ rules: { 'decision-value': 'warning' } }) });
    const document = draft(`${WORKSPACE}/letter.imr.md`, approved);
    const result = await service.check(document);
    const rendered = await service.render(document, 'preview');
    assert.equal(rendered.lint.findings, result?.findings);
    assert.match(rendered.html, /finding-warning[^]*decision-value/);
  });
});

/** A step that runs in this thread and records what the service asks of it; `with` replaces any of its parts. */
function recordingStep(overrides: Partial<AnalysisStep> = {}) {
  const inner = inProcessAnalysis();
  const asked = { analyse: [] as AnalysisRequest[], forget: [] as string[], fixAll: [] as FixAllRequest[], render: [] as RenderRequest[] };
  const step: AnalysisStep = {
    analyse(request) {
      asked.analyse.push(request);
      return inner.analyse(request);
    },
    forget(uri) {
      asked.forget.push(uri);
      inner.forget(uri);
    },
    ...overrides,
  };
  return { step, asked };
}

/** The finding of a check stopped over its budget, as a checking thread gives it. */
const overBudget = (message = 'Stopped after 10 s: this draft takes longer to check than the budget of one check allows.'): Finding => ({
  ruleId: 'check-budget',
  severity: 'warning',
  message,
  span: { start: 0, end: 0 },
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
});

describe('the service over a step that runs elsewhere', () => {
  const letter = (text = approved, version = 1) => draft(`${WORKSPACE}/letter.imr.md`, text, version);

  it('reads a model the step hands over only when a feature asks for it, and once', async () => {
    const here = lint(approved, { today: '2016-01-01' });
    let reads = 0;
    const { step } = recordingStep({
      analyse: () => ({
        lint: { findings: here.findings, failures: here.failures },
        deferredModel: async (lines) => {
          reads++;
          return { ...here.model!, lines };
        },
      }),
    });
    const { service } = setup({}, {}, { analysis: step });
    const findingsOnly = await service.check(letter(), { model: false });
    assert.ok(findingsOnly);
    assert.equal(reads, 0);
    assert.equal(findingsOnly.model, undefined, 'a check for its findings reads no model');
    assert.equal(findingsOnly.lines.text, approved, 'the lines index the text checked');
    assert.equal(findingsOnly.stopped, undefined);
    assert.ok(!('stopped' in findingsOnly));
    const result = await service.check(letter());
    assert.equal(result, findingsOnly, 'the same check, now with its model');
    assert.equal(result.model?.lines, result.lines);
    assert.equal(reads, 1);
    assert.ok(service.outline(result).length > 0);
    assert.ok(service.folding(result).length > 0);
    assert.equal((await service.check(letter()))?.model, result.model);
    assert.equal(reads, 1, 'read once, then kept');
  });

  it('hands fix-all the findings of a check that read a model, and none of one that could not', async () => {
    const fixes: FixAllRequest[] = [];
    const { step } = recordingStep({
      fixAll: async (request) => {
        fixes.push(request);
        return fixAll(request.text, { config: request.config, today: request.today }, request.findings);
      },
    });
    const { service } = setup({ [`${WORKSPACE}/small/.imrlintrc.json`]: json({ maxFileSize: 100 }) }, {}, { analysis: step });
    const result = await service.check(letter());
    const fixed = await service.fixAll(result!);
    assert.deepEqual(
      fixes.map((request) => [request.uri, request.text === approved, request.today, request.findings]),
      [[`file://${WORKSPACE}/letter.imr.md`, true, '2016-01-01', result!.findings]],
    );
    assert.match(fixed.text, /Left Hip Cortisone Injection: {2}Overturned/);
    const large = await service.check(draft(`${WORKSPACE}/small/letter.imr.md`, approved));
    assert.equal(large?.model, undefined);
    await service.fixAll(large!);
    assert.equal(fixes[1].findings, undefined, 'too large to read: the step lints it itself');
    assert.deepEqual(fixes[1].config, { maxFileSize: 100 });
  });

  it('fixes in its own thread a draft whose step does not fix, with the findings of the check', async () => {
    const { service } = setup({}, {}, { analysis: recordingStep().step });
    const result = await service.check(letter());
    const fixed = await service.fixAll(result!);
    assert.deepEqual(fixed, fixAll(approved, { today: '2016-01-01' }));
    assert.equal(fixed.passes, 1);
    // The findings of the check are its first pass: findings that say nothing leave nothing to fix. A copy of the
    // check is not one the service made, so its findings are not taken on trust.
    const copy = { ...result!, findings: [] };
    assert.equal((await service.fixAll(copy)).text, fixed.text);
    result!.findings = [];
    assert.equal((await service.fixAll(result!)).text, approved);
  });

  it('says a check stopped over its budget, with its one finding and no model, and fixes and exports nothing', async () => {
    const finding = overBudget();
    const { step, asked } = recordingStep({
      analyse: () => ({ lint: { findings: [finding], failures: [{ ruleId: 'check-budget', error: finding.message }] }, stopped: true }),
      fixAll: () => assert.fail('a stopped draft is not fixed'),
      render: () => assert.fail('a stopped draft is not rendered by the step'),
    });
    const { service } = setup({}, {}, { analysis: step });
    const result = await service.check(letter());
    assert.ok(result);
    assert.equal(result.stopped, true);
    assert.equal(result.model, undefined);
    assert.equal(result.lines.text, approved);
    assert.deepEqual(result.findings, [finding]);
    assert.deepEqual(await service.fixAll(result), { text: approved, edits: [], passes: 0, remaining: [finding], refused: [], stopped: finding });
    assert.deepEqual(service.outline(result), []);
    assert.deepEqual(service.folding(result), []);
    assert.deepEqual(service.completions(result, 0), []);
    const preview = await service.render(letter(), 'preview');
    assert.deepEqual(preview.lint.findings, [finding]);
    assert.ok(preview.html.includes(finding.message));
    await assert.rejects(service.exportHtml(letter()), (error: unknown) => error instanceof CheckStopped && error.findings[0] === finding);
    assert.deepEqual(asked.render, []);
  });

  it('keeps the findings of a fix-all stopped over its budget, with the finding that says so', async () => {
    const finding = overBudget();
    const { step } = recordingStep({
      fixAll: () => Promise.reject(new CheckStopped([finding])),
    });
    const { service } = setup({}, {}, { analysis: step });
    const result = await service.check(letter());
    assert.deepEqual(await service.fixAll(result!), {
      text: approved,
      edits: [],
      passes: 0,
      remaining: [...result!.findings, finding],
      refused: [],
      stopped: finding,
    });
    const failing = setup({}, {}, { analysis: recordingStep({ fixAll: () => Promise.reject(new Error('thread gone')) }).step }).service;
    await assert.rejects(failing.fixAll((await failing.check(letter()))!), /thread gone/);
  });

  it('shows the letter the step renders, or the finding of a rendering stopped over its budget', async () => {
    const finding = overBudget('Stopped after 2.5 s: the letter takes longer to render than the budget allows.');
    const rendered = renderDetermination(approved, { mode: 'preview', today: '2016-01-01' });
    let stop = false;
    const { step, asked } = recordingStep({
      render: async (request) => {
        asked.render.push(request);
        if (stop) throw new CheckStopped([finding]);
        return request.mode === 'preview' ? { mode: 'preview', rendered } : { mode: 'export', html: `<title>${request.fileName}</title>` };
      },
    });
    const { service } = setup({}, {}, { analysis: step });
    assert.equal(await service.render(letter(), 'preview'), rendered);
    assert.equal(await service.exportHtml(letter(), { fileName: 'CM16-0001.imr.md', printSummary: true }), '<title>CM16-0001.imr.md</title>');
    assert.deepEqual(
      asked.render.map(({ uri, text, config, today, ...request }) => [uri, text === approved, config, today, request]),
      [
        [`file://${WORKSPACE}/letter.imr.md`, true, {}, '2016-01-01', { mode: 'preview' }],
        [`file://${WORKSPACE}/letter.imr.md`, true, {}, '2016-01-01', { mode: 'export', fileName: 'CM16-0001.imr.md', printSummary: true }],
      ],
    );
    stop = true;
    const stopped = await service.render(letter(), 'preview');
    assert.deepEqual(stopped.lint.findings, [finding]);
    assert.deepEqual(stopped.lint.failures, []);
    assert.ok(stopped.html.includes('the letter takes longer to render'));
    assert.doesNotMatch(stopped.html, /Left Hip Cortisone Injection/, 'the letter is not shown');
    await assert.rejects(service.exportHtml(letter()), (error: unknown) => error instanceof CheckStopped && error.findings[0] === finding);
  });

  it('passes on a rendering that fails for another reason', async () => {
    const { step } = recordingStep({ render: () => Promise.reject(new Error('thread gone')) });
    const { service } = setup({}, {}, { analysis: step });
    await assert.rejects(service.render(letter(), 'preview'), /thread gone/);
    await assert.rejects(service.exportHtml(letter()), /thread gone/);
  });

  it('renders in its own thread, from the check, where the step does not render', async () => {
    const { step, asked } = recordingStep();
    const { service } = setup({}, {}, { analysis: step });
    const exported = await service.exportHtml(letter(), { fileName: 'CM16-0001.imr.md', printSummary: true });
    assert.match(exported, /<title>IMR Final Determination CM16-0001\.imr\.md<\/title>/);
    assert.match(exported, / checked/);
    const notes = await service.render(draft(`${WORKSPACE}/notes.md`, '# Notes\n\nNothing here yet.\n'), 'export');
    assert.match(notes.html, /Nothing here yet/);
    assert.equal(asked.analyse.length, 1, 'notes are rendered, never checked');
  });

  it('checks again a version whose text changed, and one whose version changed', async () => {
    const { step, asked } = recordingStep();
    const { service } = setup({}, {}, { analysis: step });
    const first = await service.check(letter(approved, 1));
    const sameVersion = await service.check(letter(seed, 1));
    assert.notEqual(sameVersion, first);
    assert.equal(sameVersion?.text, seed);
    const nextVersion = await service.check(letter(seed, 2));
    assert.notEqual(nextVersion, sameVersion);
    assert.equal(nextVersion?.version, 2);
    assert.equal(await service.check(letter(seed, 2)), nextVersion);
    assert.equal(asked.analyse.length, 3);
  });

  it('keeps the newer check when an older one fails after it', async () => {
    const inner = inProcessAnalysis();
    let failFirst!: (error: Error) => void;
    let calls = 0;
    const { service } = setup(
      {},
      {},
      {
        analysis: {
          analyse(request) {
            calls++;
            if (calls === 1) return new Promise((_, reject) => (failFirst = reject));
            return inner.analyse(request);
          },
          forget: (uri) => inner.forget(uri),
        },
      },
    );
    const older = service.check(letter(approved, 1));
    const newer = await service.check(letter(seed, 2));
    failFirst(new Error('worker stopped'));
    await assert.rejects(older, /worker stopped/);
    assert.equal(await service.check(letter(seed, 2)), newer);
    assert.equal(calls, 2);
  });

  it('reads the configuration again once a document closes', async () => {
    const { service, settingsAsked } = setup();
    await service.check(letter());
    await service.check(letter(approved, 2));
    assert.equal(settingsAsked.length, 1);
    service.closeDocument(`file://${WORKSPACE}/letter.imr.md`);
    await service.check(letter(approved, 2));
    assert.equal(settingsAsked.length, 2);
  });

  it('reads the profile of a draft left unchecked as a document of its own, forgotten at once, from a model handed over', async () => {
    const text = '---\nprofile: ca-dwc-imr-2013\n---\n';
    const here = lint(text, { today: '2016-01-01' });
    const { step, asked } = recordingStep({
      analyse(request) {
        asked.analyse.push(request);
        return { lint: { findings: here.findings, failures: here.failures }, deferredModel: async (lines) => ({ ...here.model!, lines }) };
      },
    });
    const { service } = setup({ [`${WORKSPACE}/.imrlintrc.json`]: json({ ignore: ['scratch/'], rules: { phi: 'off' } }) }, {}, { analysis: step });
    const template = await service.itemTemplate(draft(`${WORKSPACE}/scratch/new.md`, text));
    assert.equal(template.profile, 'ca-dwc-imr-2013');
    assert.deepEqual(
      asked.analyse.map((request) => [request.uri, request.text === text, request.today, request.config]),
      [[`file://${WORKSPACE}/scratch/new.md#profile`, true, '2016-01-01', { rules: { phi: 'off' } }]],
    );
    assert.deepEqual(asked.forget, [`file://${WORKSPACE}/scratch/new.md`, `file://${WORKSPACE}/scratch/new.md#profile`]);
    const unread = recordingStep({ analyse: () => ({ lint: { findings: [], failures: [] } }) });
    const configured = setup({}, { profile: 'ca-dwc-imr-2015' }, { analysis: unread.step }).service;
    assert.equal((await configured.itemTemplate(draft(`${WORKSPACE}/new.md`, '# New\n'))).profile, 'ca-dwc-imr-2015');
  });

  it('diagnoses an untitled configuration file as one in a folder of its own', async () => {
    const { service } = setup({ '/untitled/base.json': json({ rules: { phi: 'warn' } }) });
    const problems = await service.diagnoseConfigurationFile({ uri: 'untitled:Untitled-1', text: json({ extends: './base.json' }) });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /base\.json/);
  });
});

describe('the configuration of each document', () => {
  /** A host over `files` whose disk can fail, with its log kept. */
  function host(files: Record<string, string>, extra: Partial<ImrServiceHost> = {}) {
    const fileSystem = memoryHost(files);
    const logged: string[] = [];
    let failure: unknown;
    const base: ImrServiceHost = {
      fileSystem: {
        readFile: (path) => fileSystem.readFile(path),
        exists: (path) => (failure === undefined ? fileSystem.exists(path) : Promise.reject(failure)),
      },
      workspaceFolders: () => [WORKSPACE],
      log: (message) => logged.push(message),
      ...extra,
    };
    return { host: base, logged, fail: (error: unknown) => (failure = error), fileSystem };
  }
  const letter = draft(`${WORKSPACE}/letter.imr.md`, seed);

  it('says a configuration that could not be loaded, logs why, and checks with the defaults', async () => {
    // Without workspace folders, discovery asks the disk where a repository starts.
    const disk = host({ [`${WORKSPACE}/.imrlintrc.json`]: json({ rules: { phi: 'off' } }) }, { workspaceFolders: () => [] });
    disk.fail(new Error('EIO: i/o error, access'));
    const service = createImrService(disk.host, { today: () => '2016-01-01' });
    const message = 'The configuration for this draft could not be loaded (EIO: i/o error, access)';
    assert.deepEqual(await service.configuration(letter), {
      config: {},
      valid: false,
      ignored: false,
      files: [],
      problems: [],
      messages: [{ severity: 'error', message, notice: `${message}; the defaults apply.` }],
    });
    assert.deepEqual(disk.logged, [`imr: could not load the configuration for ${letter.uri}: EIO: i/o error, access`]);
    const other = host({}, { workspaceFolders: () => [] });
    other.fail('unplugged');
    const plain = await createImrService(other.host).configuration(letter);
    assert.equal(plain.messages[0].message, 'The configuration for this draft could not be loaded (unplugged)');
  });

  it('says nothing of a configuration file it could not check, but logs why', async () => {
    const disk = host({}, { workspaceFolders: () => [] });
    disk.fail(new Error('EIO: i/o error, access'));
    const service = createImrService(disk.host);
    assert.deepEqual(await service.diagnoseConfigurationFile({ uri: 'file:///cases/.imrlintrc.json', path: `${WORKSPACE}/.imrlintrc.json`, text: '{}' }), []);
    assert.deepEqual(disk.logged, [`imr: could not check configuration ${WORKSPACE}/.imrlintrc.json: EIO: i/o error, access`]);
    disk.fail('unplugged');
    await service.diagnoseConfigurationFile({ uri: 'file:///cases/b/.imrlintrc.json', path: `${WORKSPACE}/b/.imrlintrc.json`, text: '{}' });
    assert.equal(disk.logged[1], `imr: could not check configuration ${WORKSPACE}/b/.imrlintrc.json: unplugged`);
  });

  it('diagnoses a configuration file with the text being edited, and the files it names as they are on disk', async () => {
    const service = createImrService(host({ [`${WORKSPACE}/base.json`]: json({ rules: { phi: 'off' } }) }).host);
    const diagnose = async (text: string) =>
      (await service.diagnoseConfigurationFile({ uri: 'file:///cases/new/.imrlintrc.json', path: `${WORKSPACE}/new/.imrlintrc.json`, text })).map((problem) => [
        problem.severity,
        problem.message,
      ]);
    assert.deepEqual(await diagnose('{ "rules": { "phi": "warn" }'), [['error', 'not valid JSON: a closing brace "}" is expected']]);
    assert.deepEqual(await diagnose('{ "extends": "../base.json" }'), []);
    assert.deepEqual(await diagnose('{ "extends": "../nothing.json" }'), [
      [
        'error',
        'extends: cannot find "../nothing.json" (looked for /cases/nothing.json); extends takes the path of a JSON configuration file, relative to this file',
      ],
    ]);
  });

  it('logs settings it could not read, takes only an object for settings, and checks with the files alone', async () => {
    let settings: () => Promise<Record<string, unknown> | undefined> = () => Promise.reject(new Error('settings service gone'));
    const disk = host({ [`${WORKSPACE}/.imrlintrc.json`]: json({ rules: { phi: 'off' } }) }, { settings: () => settings() });
    const service = createImrService(disk.host);
    assert.deepEqual((await service.configuration(letter)).config, { rules: { phi: 'off' } });
    assert.deepEqual(disk.logged, ['imr: could not read the "imr" settings: settings service gone']);
    settings = () => Promise.reject('unplugged');
    service.configurationChanged();
    await service.configuration(letter);
    assert.equal(disk.logged[1], 'imr: could not read the "imr" settings: unplugged');
    for (const value of ['warning', null, undefined, 7]) {
      settings = () => Promise.resolve(value as unknown as Record<string, unknown>);
      service.configurationChanged();
      const configuration = await service.configuration(letter);
      assert.deepEqual([configuration.valid, configuration.config], [true, { rules: { phi: 'off' } }], String(value));
    }
    assert.equal(disk.logged.length, 2);
  });

  it('names a file by the innermost workspace folder holding it', async () => {
    const broken = json({ rules: { phi: 'warn' } });
    const disk = host(
      { [`${WORKSPACE}/acme/.imrlintrc.json`]: broken },
      { workspaceFolders: () => ['/elsewhere', WORKSPACE, `${WORKSPACE}/acme`, `${WORKSPACE}/ac`] },
    );
    const configuration = await createImrService(disk.host).configuration(draft(`${WORKSPACE}/acme/letter.imr.md`, seed));
    assert.match(configuration.messages[0].message, /^Configuration \.imrlintrc\.json is invalid/);
    const none = host({ '/elsewhere/.imrlintrc.json': broken }, { workspaceFolders: undefined });
    const outside = await createImrService(none.host).configuration(draft('/elsewhere/letter.imr.md', seed));
    assert.match(outside.messages[0].message, /^Configuration \/elsewhere\/\.imrlintrc\.json is invalid/);
  });

  it('reads settings alone for a document with no place on disk, and never leaves it unchecked', async () => {
    const { service, settingsAsked } = setup({ [`${WORKSPACE}/.imrlintrc.json`]: json({ ignore: ['**'] }) }, { rules: { phi: 'off' } });
    const untitled = { uri: 'untitled:Untitled-1', languageId: 'imr', version: 1, text: seed };
    const configuration = await service.configuration(untitled);
    assert.deepEqual([configuration.config, configuration.ignored, configuration.files], [{ rules: { phi: 'off' } }, false, []]);
    assert.deepEqual(settingsAsked, [undefined]);
    assert.ok(await service.check(untitled));
  });

  it("in a workspace not trusted, keeps its files' limits at the defaults, there and in the file itself", async () => {
    const files = { [`${WORKSPACE}/.imrlintrc.json`]: json({ maxFileSize: 50_000_000 }) };
    const trusting = createImrService({ ...host(files).host, trusted: () => true });
    assert.equal((await trusting.configuration(letter)).config.maxFileSize, 50_000_000);
    const wary = createImrService({ ...host(files).host, trusted: () => false });
    const configuration = await wary.configuration(letter);
    assert.equal(configuration.config.maxFileSize, undefined);
    assert.match(configuration.problems[0].message, /not used in an untrusted workspace/);
    const problems = await wary.diagnoseConfigurationFile({
      uri: 'file:///cases/.imrlintrc.json',
      path: `${WORKSPACE}/.imrlintrc.json`,
      text: files[`${WORKSPACE}/.imrlintrc.json`],
    });
    assert.deepEqual(
      problems.map((problem) => [problem.severity, problem.message]),
      [['warning', `maxFileSize: ${configuration.problems[0].message}`]],
    );
    assert.deepEqual(
      await createImrService(host(files).host).diagnoseConfigurationFile({
        uri: 'file:///cases/.imrlintrc.json',
        path: `${WORKSPACE}/.imrlintrc.json`,
        text: files[`${WORKSPACE}/.imrlintrc.json`],
      }),
      [],
    );
  });

  it('never answers with a configuration older than the latest change', async () => {
    let release!: () => void;
    let settings: Record<string, unknown> = { rules: { phi: 'off' } };
    let hold = true;
    const disk = host(
      {},
      {
        settings: async () => {
          const now = settings;
          if (hold) await new Promise<void>((resolve) => (release = resolve));
          return now;
        },
      },
    );
    const service = createImrService(disk.host);
    const pending = service.configuration(letter);
    await new Promise((resolve) => setImmediate(resolve));
    settings = { rules: { phi: 'hint' } };
    hold = false;
    service.configurationChanged();
    release();
    assert.deepEqual((await pending).config, { rules: { phi: 'hint' } });
  });
});

describe('the analysis step in this thread', () => {
  const request = (uri: string, text = seed): AnalysisRequest => ({ uri: `file:///cases/${uri}`, text, config: {}, today: '2016-01-01' });
  const edited = `${seed}\nWritten after the first check.\n`;
  /** Whether the step kept the document's incremental parse: its first block comes back as the same node. */
  const kept = (step: AnalysisStep, uri: string): boolean => {
    const before = (step.analyse(request(uri)) as Analysis).root!.children[0];
    return (step.analyse(request(uri, edited)) as Analysis).root!.children[0] === before;
  };

  it('keeps each document’s parse between its checks, and drops it when told', () => {
    const step = inProcessAnalysis();
    assert.ok(kept(step, 'a.imr.md'));
    step.analyse(request('a.imr.md'));
    const before = (step.analyse(request('a.imr.md')) as Analysis).root!.children[0];
    step.forget('file:///cases/a.imr.md');
    assert.notEqual((step.analyse(request('a.imr.md', edited)) as Analysis).root!.children[0], before);
  });

  it(`keeps the ${MAX_INCREMENTAL_DOCUMENTS} documents checked most recently, and none when told to keep none`, () => {
    const step = inProcessAnalysis();
    const first = (step.analyse(request('a.imr.md')) as Analysis).root!.children[0];
    for (let index = 1; index < MAX_INCREMENTAL_DOCUMENTS; index++) step.analyse(request(`${index}.imr.md`));
    // a was used again: the oldest is now 1.
    assert.equal((step.analyse(request('a.imr.md', edited)) as Analysis).root!.children[0], first, `${MAX_INCREMENTAL_DOCUMENTS} documents kept`);
    step.analyse(request('new.imr.md'));
    assert.ok(kept(step, 'a.imr.md'), 'the least recently checked was dropped, not a');
    const afterNine = inProcessAnalysis();
    const again = (afterNine.analyse(request('a.imr.md')) as Analysis).root!.children[0];
    for (let index = 1; index <= MAX_INCREMENTAL_DOCUMENTS; index++) afterNine.analyse(request(`${index}.imr.md`));
    assert.notEqual((afterNine.analyse(request('a.imr.md', edited)) as Analysis).root!.children[0], again);
    const none = inProcessAnalysis(0);
    const analysis = none.analyse(request('a.imr.md')) as Analysis;
    assert.ok(analysis.root && analysis.lint.model);
    assert.deepEqual(analysis.lint.findings, lint(seed, { today: '2016-01-01' }).findings);
    assert.ok(!kept(none, 'a.imr.md'));
  });
});
