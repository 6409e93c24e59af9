// The "Other editors" configurations in the README, read as each editor reads them: the command the
// server accepts, and settings and initializationOptions the server takes. (test:neovim runs the
// Neovim 0.7 one for real.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { readSettings } from '../../engine/src/config/settings';
import { parseCommandLine, USAGE } from '../../server/src/command-line';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The text of a `##`/`###` section of the README, up to the next heading of the same or a higher level (outside code blocks). */
function section(heading: string): string {
  const level = heading.match(/^#+/)![0].length;
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `README has "${heading}"`);
  let fenced = false;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) fenced = !fenced;
    const match = fenced ? null : /^(#+) /.exec(line);
    if (match && match[1].length <= level) break;
    body.push(line);
  }
  return body.join('\n');
}

function codeBlock(text: string, language: string): string {
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(text);
  assert.ok(block, `a ${language} block`);
  return block[1];
}

function assertStartsServer(command: string, args: string[]): void {
  assert.equal(command, 'imr-language-server');
  assert.equal(parseCommandLine(args).kind, 'start', args.join(' '));
}

function assertValidSettings(imr: unknown): void {
  assert.ok(imr && typeof imr === 'object', 'an imr object');
  assert.deepEqual(readSettings(imr as Record<string, unknown>).problems, []);
  assert.ok(Object.keys(imr as object).length > 0, 'at least one setting shown');
}

describe('README: other editors', () => {
  it('documents the command, its settings and initializationOptions, and every editor', () => {
    const intro = section('## Other editors');
    assert.match(intro, /npm install --global \.\/imr-determinations-\d+\.\d+\.\d+\.tgz/);
    assert.match(intro, /\*\*initializationOptions\*\*: `\{ "debounceMs": 150 \}`/);
    for (const heading of ['### Neovim 0.7 to 0.10', '### Neovim 0.11 and later', '### Helix', '### Emacs (Eglot)', '### Sublime Text (LSP package)']) {
      assert.ok(section(heading).length > 0, heading);
    }
  });

  it('documents every initializationOptions key the server reads, there and in --help', () => {
    const intro = section('## Other editors');
    for (const key of ['debounceMs', 'imr', 'retriggerCommand', 'pullDiagnostics']) {
      assert.match(intro, new RegExp('`(\\{ "|)' + key + '(": 150 \\}|: false|)`'), key);
      assert.match(USAGE, new RegExp(`"${key}"`), `--help names ${key}`);
    }
    assert.match(intro, /workspace\/didChangeConfiguration/);
    assert.match(intro, /top level/, 'the rule for settings without an "imr" object');
  });

  it('lists debounceMs with the other settings, and every settings key', () => {
    const settings = section('### Editor settings');
    for (const key of ['profile', 'rules', 'privacy', 'maxFileSize', 'include', 'ignore', 'debounceMs']) {
      assert.match(settings, new RegExp('^\\| (`\\w+`, )?`' + key + '`', 'm'), key);
    }
  });

  it('Neovim: both configurations start the server over stdio with settings and initializationOptions', () => {
    for (const heading of ['### Neovim 0.7 to 0.10', '### Neovim 0.11 and later']) {
      const lua = codeBlock(section(heading), 'lua');
      const cmd = /cmd = \{ '([^']+)', '([^']+)' \}/.exec(lua);
      assert.ok(cmd, `${heading}: cmd`);
      assertStartsServer(cmd[1], [cmd[2]]);
      assert.match(lua, /init_options = \{ debounceMs = \d+ \}/, heading);
      assert.match(lua, /settings = \{ imr = \{ rules = \{ phi = 'error' \} \} \}/, heading);
      assert.match(lua, /'source\.fixAll\.imr'/, heading);
    }
    assert.match(codeBlock(section('### Neovim 0.11 and later'), 'lua'), /vim\.lsp\.config\('imr'[\s\S]*vim\.lsp\.enable\('imr'\)/);
  });

  it('Helix: languages.toml parses, defines the server with its config, and a language for *.imr.md that uses it', () => {
    // Plain objects (the parser's tables have no prototype).
    const toml = JSON.parse(JSON.stringify(parseToml(codeBlock(section('### Helix'), 'toml')))) as {
      'language-server': Record<string, { command: string; args: string[]; config: { debounceMs: number; imr: unknown } }>;
      language: { name: string; scope: string; 'file-types': unknown[]; grammar: string; 'language-servers': string[] }[];
    };
    const [name, server] = Object.entries(toml['language-server'])[0];
    assertStartsServer(server.command, server.args);
    assert.equal(typeof server.config.debounceMs, 'number');
    assertValidSettings(server.config.imr);
    const [language] = toml.language;
    assert.deepEqual(language['file-types'], [{ glob: '*.imr.md' }]);
    assert.equal(language.grammar, 'markdown');
    assert.ok(language.scope, 'Helix requires a scope');
    assert.deepEqual(language['language-servers'], [name]);
  });

  it('Emacs: Eglot starts the server over stdio for imr-mode, with initializationOptions and workspace configuration', () => {
    const elisp = codeBlock(section('### Emacs (Eglot)'), 'elisp');
    const program = /\. \("([^"]+)" "([^"]+)"\s+:initializationOptions \(:debounceMs (\d+)\)\)/.exec(elisp);
    assert.ok(program, 'eglot-server-programs entry');
    assertStartsServer(program[1], [program[2]]);
    assert.match(elisp, /\(imr-mode :language-id "imr"\)/);
    assert.match(elisp, /\(setq-default eglot-workspace-configuration '\(:imr \(:rules \(:phi "error"\)\)\)\)/);
    assert.match(elisp, /\(add-to-list 'auto-mode-alist '\("\\\\\.imr\\\\\.md\\\\'" \. imr-mode\)\)/);
  });

  it('Sublime Text: LSP.sublime-settings parses, starts the server for Markdown with initializationOptions and settings', () => {
    const errors: ParseError[] = [];
    const settings = parseJsonc(codeBlock(section('### Sublime Text (LSP package)'), 'jsonc'), errors) as {
      clients: Record<
        string,
        { enabled: boolean; command: string[]; selector: string; initializationOptions: { debounceMs: number }; settings: { imr: unknown } }
      >;
    };
    assert.deepEqual(errors, []);
    const client = settings.clients.imr;
    assert.equal(client.enabled, true);
    assertStartsServer(client.command[0], client.command.slice(1));
    assert.equal(client.selector, 'text.html.markdown');
    assert.equal(typeof client.initializationOptions.debounceMs, 'number');
    assertValidSettings(client.settings.imr);
  });
});
