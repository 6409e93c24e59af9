// A Stryker test runner for this suite's node:test files. It loads every test file once, in Stryker's worker process,
// records coverage per test (`it`), and runs only the tests that reached a mutant, switching mutants without reloading.
// Two kinds of mutant run in a fresh process instead, so no state carries from one run to the next: a static mutant
// (code that runs while modules load), and a mutant the tests reached in the dry run but not in its own run (a cache
// filled by an earlier test hides it). A static mutant has no coverage of its own: it runs the tests that reach any
// code of its file, the way a module's constants reach the tests (a constant only read by other files' code is missed).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { commonTokens, declareClassPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { determineHitLimitReached, DryRunStatus, MutantRunStatus, TestStatus, toMutantRunResult } from '@stryker-mutator/api/test-runner';

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));
const REGISTER = new URL('./register.mjs', import.meta.url).href;
/** Left in the sandbox by the dry run: a runner that starts after it (a time-out or a crash restarted it) warms up first. */
const WARM = '.node-test-runner-warm';

class NodeTestRunner {
  static inject = tokens(commonTokens.options, commonTokens.logger);

  /** Milliseconds each test took when last run unmutated, to run cheap test files first. */
  durations = new Map();
  /** The tests that reached each mutant in the dry run. */
  testsByMutant = new Map();
  /** The tests that reach any mutant of a file, by the file's path in the sandbox. */
  testsByFile = new Map();
  loaded = false;
  warm = false;
  freshRuns = 0;

  constructor(options, log) {
    this.testFiles = options.nodeTest?.testFiles ?? ['test/**/*.test.ts'];
    this.log = log;
  }

  capabilities() {
    // Reloading never touches this process: mutants that need a fresh environment get a fresh process of their own.
    return { reloadEnvironment: true };
  }

  async init() {
    this.files = (await glob(this.testFiles)).sort();
    if (this.files.length === 0) throw new Error(`nodeTest.testFiles matched no file: ${this.testFiles.join(', ')}`);
    // Here, not in the next mutant's run: that run's time-out would expire during the warm-up, and restart the runner
    // again, so that every later mutant would be reported as timed out.
    if (existsSync(WARM)) {
      await this.load();
      await this.warmUp();
    }
  }

  async load() {
    if (this.loaded) return;
    const { register: registerTsx } = await import('tsx/esm/api');
    registerTsx();
    register('./hooks.mjs', import.meta.url);
    this.session = await import('./session.mjs');
    await this.session.loadFiles(this.files);
    this.loaded = true;
  }

  async dryRun(options) {
    try {
      await this.load();
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: `Loading the test files failed: ${stack(error)}` };
    }
    const perTestCoverage = options.coverageAnalysis === 'perTest';
    const results = await this.session.execute({ files: this.files, bail: false, perTestCoverage });
    this.remember(results);
    this.warm = true;
    writeFileSync(WARM, '');
    const ns = this.session.strykerNamespace();
    const coverage = ns[INSTRUMENTER_CONSTANTS.MUTATION_COVERAGE_OBJECT];
    if (coverage && perTestCoverage) {
      this.session.mergeHookCoverage(coverage);
      this.rememberCoverage(coverage);
    }
    return {
      status: DryRunStatus.Complete,
      tests: results.map(toTestResult),
      mutantCoverage: options.coverageAnalysis === 'off' ? undefined : (coverage ?? { static: {}, perTest: {} }),
    };
  }

  async mutantRun(options) {
    await this.load();
    await this.warmUp();
    if (options.mutantActivation === 'static') return this.runFresh(options, options.testFilter ?? this.testsReachingFile(options.sandboxFileName), 'static');
    const ns = this.session.strykerNamespace();
    ns.activeMutant = options.activeMutant.id;
    ns.hitCount = 0;
    ns.hitLimit = options.hitLimit;
    let results;
    let hits;
    try {
      results = await this.session.execute({
        selected: options.testFilter,
        files: this.order(options.testFilter),
        bail: !options.disableBail,
        perTestCoverage: false,
      });
    } finally {
      hits = ns.hitCount;
      ns.activeMutant = undefined;
      ns.hitCount = undefined;
      ns.hitLimit = undefined;
    }
    const limit = determineHitLimitReached(hits, options.hitLimit);
    if (limit) return { status: MutantRunStatus.Timeout, reason: limit.reason };
    if (hits === 0 && results.every((result) => result.ok)) return this.runFresh(options, options.testFilter, 'runtime');
    return toMutantRunResult({ status: DryRunStatus.Complete, tests: results.map(toTestResult) });
  }

  /** A worker Stryker started after a crash or a time-out never ran the dry run: fill its caches unmutated first. */
  async warmUp() {
    if (this.warm) return;
    const ns = this.session.strykerNamespace();
    this.remember(await this.session.execute({ files: this.files, bail: false, perTestCoverage: true }));
    const coverage = ns[INSTRUMENTER_CONSTANTS.MUTATION_COVERAGE_OBJECT];
    if (coverage) {
      this.session.mergeHookCoverage(coverage);
      this.rememberCoverage(coverage);
    }
    this.warm = true;
  }

  remember(results) {
    for (const result of results) this.durations.set(result.id, result.ms);
  }

  rememberCoverage(coverage) {
    this.testsByMutant.clear();
    this.testsByFile.clear();
    for (const [testId, mutants] of Object.entries(coverage.perTest)) {
      for (const mutant of Object.keys(mutants)) {
        const tests = this.testsByMutant.get(mutant);
        if (tests) tests.push(testId);
        else this.testsByMutant.set(mutant, [testId]);
      }
    }
  }

  /** Every test that reached a mutant of the file (read from the instrumented file), or every test when none did. */
  testsReachingFile(sandboxFileName) {
    let tests = this.testsByFile.get(sandboxFileName);
    if (!tests) {
      const source = readFileSync(sandboxFileName, 'utf8');
      const reaching = new Set();
      for (const [, id] of source.matchAll(/stryMutAct_9fa48\("(\d+)"\)/g)) for (const test of this.testsByMutant.get(id) ?? []) reaching.add(test);
      tests = [...reaching];
      this.testsByFile.set(sandboxFileName, tests);
    }
    return tests.length > 0 ? tests : undefined;
  }

  /** The test files that hold the selected tests (every file when there is no selection), cheapest first. */
  order(selected) {
    const cost = new Map();
    const ids = selected ?? [...this.durations.keys()];
    for (const id of ids) {
      const file = id.split(' > ')[0];
      cost.set(file, (cost.get(file) ?? 0) + (this.durations.get(id) ?? 0));
    }
    if (!selected) for (const file of this.files) if (!cost.has(file)) cost.set(file, 0);
    return [...cost.keys()].sort((a, b) => cost.get(a) - cost.get(b));
  }

  runFresh(options, selected, activation) {
    this.freshRuns++;
    if (this.log.isDebugEnabled()) this.log.debug(`Mutant ${options.activeMutant.id} runs in a fresh process (${activation}); ${this.freshRuns} so far`);
    const files = this.order(selected);
    const env = { ...process.env };
    if (activation === 'static') env[INSTRUMENTER_CONSTANTS.ACTIVE_MUTANT_ENV_VARIABLE] = options.activeMutant.id;
    else delete env[INSTRUMENTER_CONSTANTS.ACTIVE_MUTANT_ENV_VARIABLE];
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', REGISTER, CHILD], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const stderr = [];
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(result);
      };
      // Stryker's own time-out would end this whole worker; ending the child first keeps the loaded tests.
      const timer = setTimeout(() => settle({ status: MutantRunStatus.Timeout, reason: 'fresh process timed out' }), Math.max(1000, options.timeout - 500));
      child.once('message', (message) => {
        if (message.loadError) {
          settle({ status: MutantRunStatus.Killed, failureMessage: `Loading the test files failed: ${message.loadError}`, killedBy: [], nrOfTests: 0 });
          return;
        }
        const limit = determineHitLimitReached(message.hitCount, options.hitLimit);
        if (limit) settle({ status: MutantRunStatus.Timeout, reason: limit.reason });
        else settle(toMutantRunResult({ status: DryRunStatus.Complete, tests: message.tests.map(toTestResult) }));
      });
      child.once('exit', (code, signal) => {
        settle({
          status: MutantRunStatus.Error,
          errorMessage: `The fresh test process exited (${signal ?? code}) without results: ${Buffer.concat(stderr).toString().slice(-2000)}`,
        });
      });
      child.send({
        mutant: options.activeMutant.id,
        activation,
        hitLimit: options.hitLimit,
        files,
        selected,
        bail: !options.disableBail,
      });
    });
  }
}

function toTestResult({ id, ok, skipped, error, ms }) {
  // The file lets incremental runs see a test file change (every test in it then counts as changed).
  const base = { id, name: id, fileName: id.split(' > ')[0], timeSpentMs: Math.round(ms) };
  if (skipped) return { ...base, status: TestStatus.Skipped };
  return ok ? { ...base, status: TestStatus.Success } : { ...base, status: TestStatus.Failed, failureMessage: error ?? 'failed' };
}

function stack(error) {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'node-test', NodeTestRunner)];

export const strykerValidationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  type: 'object',
  properties: {
    nodeTest: {
      description: 'Options of the node:test runner in scripts/mutation.',
      type: 'object',
      properties: { testFiles: { description: 'Globs of the test files to load, relative to the project.', type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
  },
};
