// The requests beyond LSP that the client's commands and preview send: profiles, templates, the letter.
// Needs `npm run build` first: it runs the bundled server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { IMR_REQUESTS, type ProfilesResult, type RenderParams, type RenderResult, type TemplateParams, type TemplateResult } from '../../server/src/protocol';
import { TEMPLATE_PLACEHOLDERS } from '../../engine/src/profiles/placeholders';
import { expandSnippet } from '../language/snippet';
import { notifySettingsChanged, positionAt, startServer, type LspSession } from '../support/lsp';

const fixture = (name: string): string => readFileSync(new URL(`../config/fixtures/${name}`, import.meta.url), 'utf8');
const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

describe('requests beyond LSP', () => {
  let workspace: string;
  let server: LspSession;
  const uriOf = (file: string): string => pathToFileURL(path.join(workspace, file)).toString();
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  };
  const template = (params: TemplateParams): Promise<TemplateResult> => server.connection.sendRequest(IMR_REQUESTS.template, params);
  const render = (params: RenderParams): Promise<RenderResult> => server.connection.sendRequest(IMR_REQUESTS.render, params);

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'imr-requests-'));
    // A review organisation's folder with its own profile: other field labels, other decision words.
    write('acme/.imrlintrc.json', fixture('acme-iro.imrlintrc.json'));
    server = await startServer({ workspaceFolders: [workspace] });
  });

  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  describe('Insert disputed item (imr/template, kind item)', () => {
    it("in a folder whose configuration defines a profile, inserts that profile's fields, and the server accepts the item", async () => {
      const letter = uriOf('acme/letter.md');
      // The draft names no profile: the folder's configuration chooses acme-iro.
      const text = fixture('acme-iro.md').replace(/^---[\s\S]*?---\n/, '');
      const opened = server.diagnostics(letter);
      server.open(letter, text, 'markdown');
      await opened;

      const result = await template({ kind: 'item', uri: letter });
      assert.ok(result, 'a template');
      assert.equal(result.profile, 'acme-iro');
      assert.match(result.snippet, /^Carrier guideline: The Carrier /m);
      assert.match(result.snippet, /^Reviewer guideline: The Reviewer /m);
      assert.match(result.snippet, /^Reasons: /m);
      assert.match(result.snippet, /\|Affirmed,Reversed\|/);
      assert.doesNotMatch(result.snippet, /Claims Administrator guideline|MAXIMUS guideline|Decision rationale|Upheld|Overturned/);

      // Inserted after the last item, as the command does, the item is whole in the server's eyes.
      const at = text.indexOf('\n# REVIEWER CREDENTIALS');
      // The reviewer fills in what the template leaves to fill.
      const filled: Record<string, string> = {
        [TEMPLATE_PLACEHOLDERS.item.text]: 'Physical therapy, twelve sessions',
        [TEMPLATE_PLACEHOLDERS.source.text]: 'Chronic Pain Medical Treatment Guidelines, page 99',
        [TEMPLATE_PLACEHOLDERS.reasoning.text]: 'The guideline allows ten visits for myalgia; twelve exceed it.',
      };
      const item = expandSnippet(
        result.snippet,
        (options) => options[0],
        (written) => filled[written],
      ).text;
      const edited = `${text.slice(0, at)}\n${item}${text.slice(at)}`;
      const checked = server.diagnostics(letter, (params) => params.version === 2);
      server.change(letter, 2, [{ range: { start: positionAt(text, 0), end: positionAt(text, text.length) }, text: edited }]);
      const { diagnostics } = await checked;
      assert.deepEqual(
        diagnostics.filter((diagnostic) => diagnostic.severity! <= 2).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`),
        [],
      );
      server.close(letter);
    });

    it("follows the draft's own front matter over the folder's profile", async () => {
      const letter = uriOf('acme/older.imr.md');
      const opened = server.diagnostics(letter);
      server.open(letter, fixture('ca-dwc-imr-2013.imr.md'));
      await opened;
      const result = await template({ kind: 'item', uri: letter });
      assert.equal(result?.profile, 'ca-dwc-imr-2013');
      server.close(letter);
    });

    it('answers for a document the client does not sync, from the text sent with the request', async () => {
      const result = await template({ kind: 'item', uri: 'git:/acme/letter.md', text: seed, languageId: 'markdown' });
      assert.equal(result?.profile, 'ca-dwc-imr');
      assert.match(result!.snippet, /^Claims Administrator guideline: /m);
    });

    it('fails clearly for a document it neither holds nor was sent', async () => {
      await assert.rejects(template({ kind: 'item', uri: uriOf('acme/closed.md') }), /is not open in the IMR language server, and no text was sent/);
    });
  });

  describe('New IMR determination (imr/profiles, imr/template kind determination)', () => {
    it('offers the built-in profiles, the configured one first, and a skeleton for each', async () => {
      server.settings.imr = { profile: 'ca-dwc-imr-2015' };
      notifySettingsChanged(server);
      const choices = (await server.connection.sendRequest(IMR_REQUESTS.profiles, {})) as ProfilesResult;
      assert.deepEqual(
        choices.profiles.map((profile) => profile.id),
        ['ca-dwc-imr-2015', 'ca-dwc-imr', 'ca-dwc-imr-2013'],
      );
      assert.equal(choices.configured, 'ca-dwc-imr-2015');
      assert.equal(choices.defaultId, 'ca-dwc-imr');
      assert.ok(choices.profiles[0].sections.includes('DOCUMENTS REVIEWED'));
      const skeleton = await template({ kind: 'determination', profile: 'ca-dwc-imr-2015' });
      assert.match(skeleton!.snippet, /^profile: ca-dwc-imr-2015$/m);
      assert.match(skeleton!.snippet, /^DOCUMENTS REVIEWED$/m);
      server.settings.imr = {};
      notifySettingsChanged(server);
    });

    it('answers null for a profile the configuration does not know', async () => {
      assert.equal(await template({ kind: 'determination', profile: 'no-such-profile' }), null);
    });
  });

  describe('the letter (imr/render)', () => {
    it("renders the preview from the server's check: the same findings the diagnostics carry", async () => {
      const uri = uriOf('drafts/approved.imr.md');
      const text = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');
      const published = server.diagnostics(uri);
      server.open(uri, text);
      const { diagnostics } = await published;
      const rendered = await render({ uri, mode: 'preview', withStyles: true });
      const listed = [...rendered.html.matchAll(/class="finding-rule">([a-z-]+)</g)].map((match) => match[1]);
      assert.deepEqual(
        listed,
        diagnostics.map((diagnostic) => String(diagnostic.code)),
      );
      assert.ok(listed.includes('decision-value'));
      assert.match(rendered.styles ?? '', /\.imr-page/);
      assert.equal((await render({ uri, mode: 'preview' })).styles, undefined, 'styles only when asked for');
      server.close(uri);
    });

    it('follows the configuration: a rule switched off in the folder is not in the summary', async () => {
      write('quiet/.imrlintrc.json', JSON.stringify({ rules: { 'decision-value': 'off' } }));
      const uri = uriOf('quiet/approved.imr.md');
      const published = server.diagnostics(uri);
      server.open(uri, seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved'));
      await published;
      const { html } = await render({ uri, mode: 'preview' });
      assert.doesNotMatch(html, /decision-value/);
      server.close(uri);
    });

    it('exports a whole, script-free document named after the case', async () => {
      const uri = uriOf('drafts/case.imr.md');
      const opened = server.diagnostics(uri);
      server.open(uri, `---\ncase: CM14-0123456\n---\n${seed}`);
      await opened;
      const { html } = await render({ uri, mode: 'export', fileName: 'case.imr.md', printSummary: true });
      assert.match(html, /^<!doctype html>/);
      assert.match(html, /<title>IMR Final Determination CM14-0123456<\/title>/);
      assert.match(html, /class="imr-export print-summary"/);
      assert.doesNotMatch(html, /<script/i);
      server.close(uri);
    });

    it('renders the text the server holds after an edit, not an older one', async () => {
      const uri = uriOf('drafts/edited.imr.md');
      const opened = server.diagnostics(uri);
      server.open(uri, seed);
      await opened;
      // The request follows the edit at once, long before the edit's own check would publish.
      server.change(uri, 2, [{ range: { start: positionAt(seed, 0), end: positionAt(seed, 0) }, text: '---\ncase: CM15-7654321\n---\n' }]);
      const { html } = await render({ uri, mode: 'preview' });
      assert.match(html, /CM15-7654321/);
      server.close(uri);
    });
  });
});
