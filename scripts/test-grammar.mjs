// Tests the TextMate grammars of language `imr`: runs the vscode-tmgrammar-test fixtures in
// test/grammar, checks that the grammar colours every section title, field label and decision word
// of the engine's built-in profiles (scripts/contributions/grammar.ts writes them into it), and that the
// snippets expand to determinations the grammar colours and the engine passes without errors.
// Usage: node scripts/test-grammar.mjs [fixture glob ...]   Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const MARKDOWN = { scopeName: 'text.html.markdown', path: 'test/grammar/markdown.tmLanguage.json' };
const IMR = { language: 'imr', scopeName: 'text.html.markdown.imr', path: 'syntaxes/imr.tmLanguage.json' };
const INJECTION = { scopeName: 'imr.injection', path: 'syntaxes/imr.injection.tmLanguage.json', injectTo: ['text.html.markdown.imr'] };
// VS Code's Markdown grammar drops its front matter rule when no YAML grammar is there.
const YAML_STUB = {
  scopeName: 'source.yaml',
  patterns: [{ match: '^[ \\t]*[\\w-]+(?=[ \\t]*:)', name: 'entity.name.tag.yaml' }],
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-grammar-'));
let failed = 0;
let passed = 0;
try {
  fs.writeFileSync(path.join(tmp, 'yaml.tmLanguage.json'), JSON.stringify(YAML_STUB));
  const yaml = { scopeName: 'source.yaml', path: path.join(tmp, 'yaml.tmLanguage.json') };

  const fixtures = process.argv.slice(2);
  const files = runFixtures(
    'grammar tests',
    [MARKDOWN, IMR, INJECTION, yaml],
    fixtures.length > 0 ? fixtures : ['test/grammar/*.test.imr.md', 'test/grammar/*.test.md'],
  );
  // Even when injected into all of Markdown, the injection selector keeps ordinary Markdown clean.
  if (fixtures.length === 0)
    runFixtures('selector guard', [MARKDOWN, IMR, { ...INJECTION, injectTo: ['text.html.markdown'] }, yaml], ['test/grammar/*.test.md']);
  if (files === 0) fail('no grammar fixtures ran');
  const grammar = await loadGrammar([MARKDOWN, IMR, INJECTION, yaml]);
  const engine = await loadEngine();
  if (engine) {
    checkProfiles(grammar, engine);
    checkSnippets(grammar, engine);
  }
  checkManifest();
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

function fail(message) {
  failed++;
  console.log(`✖ ${message}`);
}

/** Runs the vscode-tmgrammar-test CLI over the fixtures; returns how many fixture files it ran. */
function runFixtures(title, grammars, globs) {
  const config = path.join(tmp, `${title.replace(/\W+/g, '-')}.json`);
  const entries = grammars.map((grammar) => ({ ...grammar, path: path.relative(tmp, path.resolve(root, grammar.path)) }));
  fs.writeFileSync(config, JSON.stringify({ contributes: { grammars: entries } }));
  const pkg = createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json');
  const bin = path.join(path.dirname(pkg), JSON.parse(fs.readFileSync(pkg, 'utf8')).bin['vscode-tmgrammar-test']);
  console.log(`# ${title}`);
  const run = spawnSync(process.execPath, [bin, '--config', config, ...globs], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  process.stdout.write(run.stdout);
  // The embedded languages of Markdown's fenced code blocks are not loaded here: drop that noise.
  process.stderr.write(
    run.stderr
      .split('\n')
      .filter((line) => !/^grammar not found for "/.test(line))
      .join('\n'),
  );
  const ok = (run.stdout.match(/run successfuly\./g) ?? []).length;
  const bad = (run.stdout.match(/^\S+ .+ failed$/gm) ?? []).length;
  passed += ok;
  failed += bad;
  if (run.status !== 0 && bad === 0) fail(`${title}: vscode-tmgrammar-test exited with ${run.status ?? run.signal}`);
  return ok + bad;
}

/** The engine's profiles, UR words and linter, straight from its TypeScript sources. */
async function loadEngine() {
  try {
    const { tsImport } = await import('tsx/esm/api');
    const { builtinProfiles } = await tsImport('../engine/src/profiles/builtin.ts', import.meta.url);
    const { lint } = await tsImport('../engine/src/lint.ts', import.meta.url);
    const { UR_WORDS } = await tsImport('../engine/src/profiles/vocabulary.ts', import.meta.url);
    if (!Array.isArray(builtinProfiles) || typeof lint !== 'function' || !UR_WORDS) throw new Error('builtinProfiles, lint or UR_WORDS is gone');
    return { builtinProfiles, lint, UR_WORDS };
  } catch (error) {
    fail(`could not load the engine from engine/src: ${error.message}`);
    return undefined;
  }
}

/** Every title, alias, field label and decision word of the built-in profiles is coloured. */
function checkProfiles({ grammar, textmate }, { builtinProfiles, UR_WORDS }) {
  console.log('# built-in profiles');
  const cases = [];
  for (const profile of builtinProfiles) {
    for (const section of profile.sections) {
      for (const title of [section.title, ...section.aliases]) {
        const bare = title.replace(/:$/, '');
        for (const line of [title, `## ${title}`, `**${bare}:**`])
          cases.push({ line, text: bare, scope: 'entity.name.section.imr', what: `${profile.id} section title` });
      }
    }
    for (const field of profile.fields) {
      for (const label of [field.label, ...field.aliases]) {
        for (const line of [`${label}: text`, `**${label}:** text`])
          cases.push({ line, text: label, scope: 'support.type.property-name.field.imr', what: `${profile.id} field label` });
      }
    }
    // A decision word follows the item's name, or stands alone on the next line; a phrase ends a determination sentence.
    const lines =
      profile.decisions.form === 'phrase'
        ? (decision) => [`1) MAXIMUS Federal Services, Inc. has determined the request for Knee MRI ${decision}.`]
        : (decision) => [`Knee MRI:  ${decision}`, decision];
    for (const [value, scope] of [
      ['upheld', 'markup.deleted.decision.upheld.imr'],
      ['overturned', 'markup.inserted.decision.overturned.imr'],
    ]) {
      for (const line of lines(profile.decisions[value])) cases.push({ line, text: profile.decisions[value], scope, what: `${profile.id} decision` });
    }
  }
  for (const word of Object.keys(UR_WORDS)) cases.push({ line: `Knee MRI: ${word}`, text: word, scope: 'invalid.illegal.decision.imr', what: 'UR word' });

  let bad = 0;
  for (const { line, text, scope, what } of cases) {
    const start = line.indexOf(text);
    const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
    const uncovered = tokens.filter((token) => token.startIndex < start + text.length && token.endIndex > start && !token.scopes.includes(scope));
    if (uncovered.length > 0) {
      bad++;
      fail(
        `${what}: "${text}" in ${JSON.stringify(line)} is not ${scope} (got ${uncovered.map((token) => token.scopes.slice(1).join(' ') || '(none)').join(' | ')})`,
      );
    }
  }
  if (bad === 0) console.log(`✓ ${cases.length} section titles, field labels and decision words of the built-in profiles are coloured`);
  passed += cases.length - bad;
}

/** The grammar of language `imr` as VS Code loads it, through vscode-tmgrammar-test's own vscode-textmate. */
async function loadGrammar(grammars) {
  const require = createRequire(createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json'));
  const textmate = require('vscode-textmate');
  const oniguruma = require('vscode-oniguruma');
  await oniguruma.loadWASM(fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer);
  const byScope = new Map(grammars.map((grammar) => [grammar.scopeName, grammar]));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const grammar = byScope.get(scopeName);
      return grammar ? textmate.parseRawGrammar(fs.readFileSync(path.resolve(root, grammar.path), 'utf8'), grammar.path) : null;
    },
    getInjections: (scopeName) => grammars.filter((grammar) => grammar.injectTo?.includes(scopeName)).map((grammar) => grammar.scopeName),
  });
  return { grammar: await registry.loadGrammar(IMR.scopeName), textmate };
}

/** The runs of text that carry each scope, by scope. */
function runsByScope({ grammar, textmate }, text) {
  const runs = new Map();
  let stack = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    const open = new Map();
    for (const token of [...result.tokens, { scopes: [], startIndex: line.length, endIndex: line.length }]) {
      for (const [scope, start] of open) {
        if (token.scopes.includes(scope)) continue;
        runs.set(scope, [...(runs.get(scope) ?? []), line.slice(start, token.startIndex)]);
        open.delete(scope);
      }
      for (const scope of token.scopes) if (!open.has(scope)) open.set(scope, token.startIndex);
    }
  }
  return runs;
}

/** Each snippet, with every first and every second choice, is coloured; a whole determination lints without errors. */
function checkSnippets(loaded, { builtinProfiles, lint }) {
  console.log('# snippets');
  // VS Code reads snippet files as JSON with comments.
  const errors = [];
  const snippets = createRequire(import.meta.url)('jsonc-parser').parse(fs.readFileSync('snippets/imr.code-snippets', 'utf8'), errors);
  if (errors.length > 0 || !snippets) return fail(`snippets/imr.code-snippets is not valid JSON (${errors.length} errors)`);
  // scope: the texts that must carry it, or how many runs of text at least
  const FIELDS = ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'];
  const CREDENTIALS = ['State(s) of Licensure', 'Certification(s)/Specialty'];
  const DECISION = 'keyword.other.decision.imr';
  const expected = {
    'imr-determination': {
      'entity.name.section.imr': ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
      'support.type.property-name.credentials.imr': CREDENTIALS,
      'entity.name.function.item.imr': 1,
      [DECISION]: 1,
      'support.type.property-name.field.imr': FIELDS,
      'keyword.control.citation.imr': 2,
    },
    'imr-item': { 'entity.name.function.item.imr': 1, [DECISION]: 1, 'support.type.property-name.field.imr': FIELDS, 'keyword.control.citation.imr': 2 },
    'imr-cite-mtus': { 'keyword.control.citation.imr': ['Decision based on MTUS'], 'constant.language.mtus.imr': 2 },
    'imr-cite-non-mtus': { 'keyword.control.citation.imr': ['Decision based on Non-MTUS Citation'], 'constant.language.non-mtus.imr': 1 },
    'imr-credentials': { 'support.type.property-name.credentials.imr': CREDENTIALS },
    'imr-statement': {},
  };
  const byPrefix = new Map(Object.values(snippets).map((snippet) => [snippet.prefix, snippet]));
  // The standard statement is the one the engine writes when it adds the section.
  const howMade = builtinProfiles.find((profile) => profile.id === 'ca-dwc-imr')?.sections.find((section) => section.id === 'how-made')?.skeleton ?? '';
  for (const prefix of new Set([...byPrefix.keys(), ...Object.keys(expected)])) {
    const snippet = byPrefix.get(prefix);
    if (!snippet || !prefix.startsWith('imr-') || !(prefix in expected)) {
      fail(`snippet ${prefix}: ${!snippet ? 'missing' : 'unexpected prefix'}`);
      continue;
    }
    const problems = [];
    for (const pick of [0, 1]) {
      let text;
      try {
        text = expandSnippet(snippet.body, pick);
      } catch (error) {
        problems.push(error.message);
        break;
      }
      const runs = runsByScope(loaded, text);
      // Both decision words carry keyword.other.decision.<word>.imr.
      runs.set(DECISION, [...(runs.get('keyword.other.decision.upheld.imr') ?? []), ...(runs.get('keyword.other.decision.overturned.imr') ?? [])]);
      for (const [scope, want] of Object.entries(expected[prefix])) {
        const got = runs.get(scope) ?? [];
        if (typeof want === 'number' ? got.length < want : want.some((wanted) => !got.includes(wanted))) {
          problems.push(`choice ${pick + 1}: ${scope} on ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        }
      }
      if (prefix === 'imr-statement' && !howMade.startsWith(text.trim()))
        problems.push("the statement differs from the engine's (engine/src/profiles/builtin.ts)");
      if (prefix === 'imr-determination') {
        // Placeholders left in are errors by design: only those may stand.
        const errors = lint(text).findings.filter((finding) => finding.severity === 'error' && finding.ruleId !== 'placeholder');
        if (errors.length > 0) problems.push(`choice ${pick + 1}: ${errors.map((finding) => `${finding.ruleId}: ${finding.message}`).join('; ')}`);
      }
    }
    if (problems.length > 0) fail(`snippet ${prefix}: ${[...new Set(problems)].join(' / ')}`);
    else {
      passed++;
      console.log(`✓ snippet ${prefix}`);
    }
  }
}

/** A snippet body as inserted: placeholders keep their text, choices take option `pick` (or their last), tab stops vanish. */
function expandSnippet(body, pick) {
  const text = Array.isArray(body) ? body.join('\n') : body;
  let at = 0;
  const readUntil = (stops) => {
    let out = '';
    while (at < text.length && !stops.includes(text[at])) {
      if (text[at] === '\\') {
        out += text[at + 1];
        at += 2;
      } else if (text[at] === '$') out += readDollar();
      else out += text[at++];
    }
    return out;
  };
  const readDollar = () => {
    const match = /^\$(?:(\d+)|\{(\d+)(?:(\})|:|\|))/.exec(text.slice(at));
    if (!match) throw new Error(`unsupported snippet syntax: ${text.slice(at, at + 20)}`);
    at += match[0].length;
    if (match[1] !== undefined || match[3] !== undefined) return '';
    if (text[at - 1] === ':') {
      const value = readUntil('}');
      at++;
      return value;
    }
    const options = [];
    for (;;) {
      options.push(readUntil(',|'));
      if (text[at++] === '|') break;
    }
    at++; // the closing brace
    return options[Math.min(pick, options.length - 1)];
  };
  return readUntil('');
}

/** Once package.json contributes the grammars, they must be the ones tested here. */
function checkManifest() {
  const contributed = JSON.parse(fs.readFileSync('package.json', 'utf8')).contributes?.grammars ?? [];
  for (const expected of [IMR, INJECTION]) {
    const entry = contributed.find((grammar) => grammar.scopeName === expected.scopeName);
    if (!entry) {
      console.log(`note: package.json does not contribute the grammar ${expected.scopeName} yet`);
      continue;
    }
    const same =
      path.normalize(entry.path) === path.normalize(expected.path) &&
      entry.language === expected.language &&
      JSON.stringify(entry.injectTo ?? null) === JSON.stringify(expected.injectTo ?? null);
    if (same) passed++;
    else fail(`package.json contributes ${expected.scopeName} as ${JSON.stringify(entry)}; the tests use ${JSON.stringify(expected)}`);
  }
}
