// The layers of the code and what each may import; `npm run lint` (and so `npm test`) fails on any violation.
// Type-only imports count: a cycle of types is still a cycle to read through.

const ENGINE = '^engine/src/';
const LEAVES = `${ENGINE}(?:text|severity|limits|parse|tame|distance|pattern)\\.ts$|${ENGINE}catalogue/`;

/** `from` may not import `to`; both are path patterns relative to the repository root. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    forbid('no-circular', 'No import cycles, types included.', {}, { circular: true }),
    forbid(
      'adapters-use-engine-entry',
      'The server, the client and the CLI reach the engine through engine/src/index.ts only.',
      { path: '^(?:server|client|cli)/' },
      { path: ENGINE, pathNot: `${ENGINE}index\\.ts$` },
    ),
    forbid(
      'adapters-stay-apart',
      'Adapters do not import each other; the client may import the wire protocol the server defines, and how the server is launched.',
      { path: '^(server|client|cli)/' },
      { path: '^(?:server|client|cli)/', pathNot: ['^$1/', '^server/src/(?:protocol|launch)\\.(?:ts|json)$'] },
    ),
    forbid('engine-imports-no-adapter', 'The engine knows nothing of editors or the command line.', { path: '^engine/' }, { path: '^(?:server|client|cli)/' }),
    forbid(
      'leaves-stay-leaves',
      'Text, severities, limits, edit distance, configured patterns, the Markdown parser and its guards, and the catalogues import nothing of the engine but each other.',
      { path: LEAVES },
      { path: ENGINE, pathNot: LEAVES },
    ),
    forbid(
      'profiles-are-data',
      'Profiles import no model, rules, configuration or anything built on them.',
      { path: `${ENGINE}profiles/` },
      { path: `${ENGINE}(?:model|rules|config|language|render|service|incremental)/|${ENGINE}(?:lint|detect|directives|fixes)\\.ts$` },
    ),
    forbid(
      'model-below-rules',
      'The model imports no rule, configuration, editor feature, renderer or service.',
      { path: `${ENGINE}model/` },
      { path: `${ENGINE}(?:rules|config|language|render|service)/|${ENGINE}lint\\.ts$` },
    ),
    forbid(
      'rules-below-config',
      'Rules import no configuration, editor feature, renderer or service; configuration reaches them through their context.',
      { path: `${ENGINE}rules/` },
      { path: `${ENGINE}(?:config|language|render|service)/|${ENGINE}lint\\.ts$` },
    ),
    forbid(
      'config-below-features',
      'Configuration imports no editor feature, renderer or service.',
      { path: `${ENGINE}config/` },
      { path: `${ENGINE}(?:language|render|service)/` },
    ),
    forbid(
      'service-is-the-top',
      'Only the entry point imports the service.',
      { path: ENGINE, pathNot: `${ENGINE}(?:index\\.ts$|service/)` },
      { path: `${ENGINE}service/` },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(?:^|/)(?:node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
