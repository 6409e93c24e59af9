// Mutation testing of the engine: `npm run test:mutation` (the whole engine, incremental) or
// `npm run test:mutation -- --since main` (only the engine files changed against a revision). See scripts/mutation/.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions & { nodeTest: { testFiles: string[] } }} */
export default {
  packageManager: 'npm',
  testRunner: 'node-test',
  plugins: ['./scripts/mutation/node-test-runner.mjs'],
  // The engine's logic; the catalogues, the built-in profiles and the letter's CSS are data, not behaviour a test pins down.
  mutate: ['engine/src/**/*.ts', '!engine/src/catalogue/**', '!engine/src/profiles/builtin.ts', '!engine/src/render/styles.ts'],
  nodeTest: {
    // The tests that run the engine in their own process. The server and CLI tests spawn the bundles in dist/, which hold
    // the engine unmutated, so they could neither see a mutant nor report what they cover. contributing.test.ts reads
    // the rules' source text, which in the sandbox is instrumented.
    testFiles: [
      'test/rules/*.test.ts',
      'test/engine/!(contributing).test.ts',
      'test/language/*.test.ts',
      'test/render/!(cli-export).test.ts',
      'test/config/!(cli|lsp).test.ts',
      'test/robustness/inputs.test.ts',
      'test/fuzz/*.test.ts',
    ],
  },
  // Coverage per test (`it`): a mutant runs only the tests that executed its code, the cheapest test files first.
  coverageAnalysis: 'perTest',
  // Code that runs only while modules load would need the whole suite reloaded per mutant; left out, and counted as ignored.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, reportMutants: false, reportTests: false },
  // Two cores shared with editors and builds; `-- --concurrency 2` on an idle machine.
  concurrency: 1,
  // Tests take milliseconds; a looping mutant is usually stopped by its hit limit, and a fresh process needs seconds to load.
  timeoutFactor: 2,
  timeoutMS: 20_000,
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
