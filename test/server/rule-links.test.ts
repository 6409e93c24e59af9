// Where rule links lead: the page as a file for any editor, the editor's own command where it names one (VS Code).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { RuleLinks } from '../../server/src/rule-links';
import { replaceOnce, seed } from '../language/drafts';
import { fileUri, positionAt, startServer, type LspSession } from '../support/lsp';

const approved = replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Approved');

describe('rule links', () => {
  it('lead to the rule page as a file unless the editor names a command of its own', () => {
    const links = new RuleLinks('/opt/imr/docs/rules');
    links.initialize(undefined);
    assert.equal(links.href('decision-value'), 'file:///opt/imr/docs/rules/decision-value.md');
    links.initialize({ ruleDocumentationCommand: 'imr.showRuleDocumentation' });
    assert.equal(links.href('decision-value'), 'command:imr.showRuleDocumentation?%5B%22decision-value%22%5D');
    assert.deepEqual(JSON.parse(decodeURIComponent(links.href('phi').split('?')[1])), ['phi']);
  });

  it('ignore a command name that is not one', () => {
    const links = new RuleLinks('/opt/imr/docs/rules');
    for (const command of ['javascript:alert(1)', 'imr.show rule', '', 42, { name: 'imr.show' }, 'x'.repeat(300)]) {
      links.initialize({ ruleDocumentationCommand: command });
      assert.match(links.href('phi'), /^file:\/\/\/opt\/imr\/docs\/rules\/phi\.md$/, String(command));
    }
  });

  describe('over stdio', () => {
    let plain: LspSession;
    let vscode: LspSession;
    before(async () => {
      [plain, vscode] = await Promise.all([startServer(), startServer({ initializationOptions: { ruleDocumentationCommand: 'imr.showRuleDocumentation' } })]);
    });
    after(async () => {
      await Promise.all([plain.stop(), vscode.stop()]);
    });

    async function linksOf(server: LspSession, name: string): Promise<{ diagnostic: string; hover: string }> {
      const uri = fileUri(name);
      const published = server.diagnostics(uri);
      server.open(uri, approved);
      const { diagnostics } = await published;
      const decision = diagnostics.find((diagnostic) => diagnostic.code === 'decision-value');
      assert.ok(decision?.codeDescription, 'the finding links its rule');
      const hover = await server.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: positionAt(approved, approved.indexOf('Approved') + 2),
      });
      server.close(uri);
      const link = /\[decision-value\]\(([^)]+)\)/.exec((hover!.contents as MarkupContent).value);
      assert.ok(link, 'the hover links the rule');
      return { diagnostic: decision.codeDescription.href, hover: link[1] };
    }

    it('give other editors the page that ships beside the server', async () => {
      const { diagnostic, hover } = await linksOf(plain, 'links-plain.imr.md');
      assert.equal(hover, diagnostic);
      assert.match(diagnostic, /^file:\/\/\/.+\/docs\/rules\/decision-value\.md$/);
      assert.ok(existsSync(fileURLToPath(diagnostic)), `${diagnostic} exists`);
    });

    it('give VS Code its command, in the diagnostic and in the hover', async () => {
      const { diagnostic, hover } = await linksOf(vscode, 'links-vscode.imr.md');
      assert.equal(diagnostic, 'command:imr.showRuleDocumentation?%5B%22decision-value%22%5D');
      assert.equal(hover, diagnostic);
    });
  });
});
