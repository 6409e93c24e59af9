// The engine's service over an in-memory host: gating, configuration per document, cached checks, the analysis
// step, templates and the letter.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { configSchema } from '../../engine/src/config/schema';
import { renderDetermination } from '../../engine/src/render/render';
import type { AnalysisRequest, AnalysisStep } from '../../engine/src/service/analysis';
import { inProcessAnalysis } from '../../engine/src/service/analysis';
import type { ImrDocument } from '../../engine/src/service/documents';
import { isDeterminationDocument } from '../../engine/src/service/gate';
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
