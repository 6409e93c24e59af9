// Runs the collected tests against Stryker's global namespace: coverage per test, the active mutant, hit counting.
// Shared by the runner (in Stryker's worker process) and by the fresh processes it starts for some mutants.
import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { allTestIds, loadTestFile, runTests, testsUnderHook } from './harness.mjs';

/** The object instrumented code reads the active mutant from and records coverage in. */
export function strykerNamespace() {
  return (globalThis[INSTRUMENTER_CONSTANTS.NAMESPACE] ??= {});
}

export async function loadFiles(files) {
  for (const file of files) await loadTestFile(file);
}

/** The test file a test id belongs to (ids start with the file's path). */
export function fileOf(testId) {
  return testId.split(' > ')[0];
}

/**
 * Runs the selected tests (every test when `selected` is undefined), files in the order given.
 * @returns {Promise<{ id: string, ok: boolean, skipped?: boolean, error?: string, ms: number }[]>}
 */
export async function execute({ selected, files, bail, perTestCoverage }) {
  const ns = strykerNamespace();
  const results = [];
  await runTests(new Set(selected ?? allTestIds()), {
    bail,
    files,
    scope: async (id, fn) => {
      if (perTestCoverage) ns[INSTRUMENTER_CONSTANTS.CURRENT_TEST_ID] = id;
      try {
        await fn();
      } finally {
        if (perTestCoverage) ns[INSTRUMENTER_CONSTANTS.CURRENT_TEST_ID] = undefined;
      }
    },
    onResult: (result) => results.push(result),
  });
  return results;
}

/** Code a suite's before/after hooks ran is code every test of that suite depends on. */
export function mergeHookCoverage(coverage) {
  for (const [id, counts] of Object.entries(coverage.perTest)) {
    if (!id.startsWith('hook:')) continue;
    for (const testId of testsUnderHook(id)) {
      const target = (coverage.perTest[testId] ??= {});
      for (const [mutant, hits] of Object.entries(counts)) target[mutant] = (target[mutant] ?? 0) + hits;
    }
    delete coverage.perTest[id];
  }
}
