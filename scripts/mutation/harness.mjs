// What `node:test` is while the mutation runner loads the test files: the same describe / it / before / after, but the
// tests are collected into a tree the runner can run many times, one test at a time, in one process.
import { pathToFileURL } from 'node:url';

/** @typedef {{ kind: 'suite', name: string, id: string, parent?: Suite, children: (Suite | Test)[], before: Function[], after: Function[], beforeEach: Function[], afterEach: Function[] }} Suite */
/** @typedef {{ kind: 'test', name: string, id: string, parent: Suite, fn?: Function, skip: boolean }} Test */

/** @type {Suite} */
const root = newSuite('', undefined);
let current = root;
/** @type {Map<string, Test>} */
const testsById = new Map();

function newSuite(name, parent) {
  return { kind: 'suite', name, id: parent ? uniqueId(parent, name) : name, parent, children: [], before: [], after: [], beforeEach: [], afterEach: [] };
}

// node:test allows two tests with the same name; Stryker needs every id once.
function uniqueId(parent, name) {
  const base = parent.id ? `${parent.id} > ${name}` : name;
  let id = base;
  for (let n = 2; parent.children.some((child) => child.id === id); n++) id = `${base} (${n})`;
  return id;
}

function splitArgs(nameOrFn, optionsOrFn, maybeFn) {
  if (typeof nameOrFn === 'function') return { name: nameOrFn.name || '<anonymous>', options: {}, fn: nameOrFn };
  if (typeof optionsOrFn === 'function') return { name: String(nameOrFn), options: {}, fn: optionsOrFn };
  return { name: String(nameOrFn), options: optionsOrFn ?? {}, fn: maybeFn };
}

export function describe(nameOrFn, optionsOrFn, maybeFn) {
  const { name, options, fn } = splitArgs(nameOrFn, optionsOrFn, maybeFn);
  const suite = newSuite(name, current);
  current.children.push(suite);
  if (options.skip || options.todo || !fn) return;
  const outer = current;
  current = suite;
  try {
    const result = fn();
    if (result && typeof result.then === 'function') throw new Error(`describe("${name}") returns a promise; the mutation runner collects tests synchronously`);
  } finally {
    current = outer;
  }
}

export function it(nameOrFn, optionsOrFn, maybeFn) {
  const { name, options, fn } = splitArgs(nameOrFn, optionsOrFn, maybeFn);
  if (fn && fn.length > 1) throw new Error(`it("${name}") takes a done callback, which the mutation runner does not support`);
  /** @type {Test} */
  const test = { kind: 'test', name, id: uniqueId(current, name), parent: current, fn, skip: Boolean(options.skip || options.todo || !fn) };
  current.children.push(test);
  testsById.set(test.id, test);
}

describe.skip = (name, fn) => describe(name, { skip: true }, fn);
it.skip = (name, fn) => it(name, { skip: true }, fn);
it.todo = (name, fn) => it(name, { todo: true }, fn);
export const test = it;
export const suite = describe;
export const before = (fn) => current.before.push(fn);
export const after = (fn) => current.after.push(fn);
export const beforeEach = (fn) => current.beforeEach.push(fn);
export const afterEach = (fn) => current.afterEach.push(fn);

/** Imports a test file, its tests going into a suite named by the file's path (relative to the working directory). */
export async function loadTestFile(relativePath) {
  const suite = newSuite(relativePath, root);
  root.children.push(suite);
  current = suite;
  try {
    await import(pathToFileURL(relativePath).href);
  } finally {
    current = root;
  }
}

export function allTestIds() {
  return [...testsById.keys()];
}

/** The ids of the tests of one loaded file, in order. */
export function testIdsOf(relativePath) {
  const file = root.children.find((child) => child.name === relativePath);
  const ids = [];
  const walk = (node) => (node.kind === 'test' ? ids.push(node.id) : node.children.forEach(walk));
  if (file) walk(file);
  return ids;
}

function contains(suite, selected) {
  return suite.children.some((child) => (child.kind === 'test' ? selected.has(child.id) : contains(child, selected)));
}

function message(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Runs the selected tests in the order they were declared, each suite's hooks around them, and reports each result.
 * `scope(id, fn)` wraps every test and hook (the runner attributes coverage with it); `bail` stops at the first failure.
 * @param {Set<string>} selected
 * @param {{ bail: boolean, files?: string[], scope: (id: string, fn: () => Promise<void>) => Promise<void>, onResult: (result: { id: string, ok: boolean, skipped?: boolean, error?: string, ms: number }) => void }} options
 */
export async function runTests(selected, { bail, files, scope, onResult }) {
  let stopped = false;
  const run = async (suite, eachBefore, eachAfter) => {
    if (stopped || !contains(suite, selected)) return;
    const beforeEachHooks = [...eachBefore, ...suite.beforeEach];
    const afterEachHooks = [...suite.afterEach, ...eachAfter];
    let hookError;
    for (const hook of suite.before) {
      if (hookError) break;
      await scope(`hook:${suite.id}`, async () => hook()).catch((error) => (hookError = error));
    }
    for (const child of suite.children) {
      if (stopped) break;
      if (child.kind === 'suite') {
        if (hookError) failAll(child, hookError);
        else await run(child, beforeEachHooks, afterEachHooks);
        continue;
      }
      if (!selected.has(child.id)) continue;
      if (child.skip) {
        onResult({ id: child.id, ok: true, skipped: true, ms: 0 });
        continue;
      }
      if (hookError) {
        fail(child, hookError, 0);
        continue;
      }
      const started = performance.now();
      let error;
      await scope(child.id, async () => {
        for (const hook of beforeEachHooks) await hook();
        try {
          await child.fn({ name: child.name, diagnostic() {}, skip() {}, todo() {} });
        } finally {
          for (const hook of afterEachHooks) await hook();
        }
      }).catch((caught) => (error = caught));
      if (error) fail(child, error, performance.now() - started);
      else onResult({ id: child.id, ok: true, ms: performance.now() - started });
    }
    for (const hook of suite.after) await scope(`hook:${suite.id}`, async () => hook()).catch(() => {});
  };
  const fail = (test, error, ms) => {
    onResult({ id: test.id, ok: false, error: message(error), ms });
    if (bail) stopped = true;
  };
  const failAll = (suite, error) => {
    for (const child of suite.children) {
      if (stopped) return;
      if (child.kind === 'suite') failAll(child, error);
      else if (selected.has(child.id)) fail(child, error, 0);
    }
  };
  // Files in the order asked for (cheapest first), each file's tests in their own order.
  const fileSuites = files ? files.map((name) => root.children.find((child) => child.name === name)).filter(Boolean) : root.children;
  for (const file of fileSuites) {
    if (stopped) break;
    await run(file, [], []);
  }
}

/** Ids of every test under the suite that `hook:<suite id>` names (coverage of a suite's before/after hooks belongs to them). */
export function testsUnderHook(hookId) {
  const suiteId = hookId.slice('hook:'.length);
  const find = (suite) =>
    suite.id === suiteId
      ? suite
      : suite.children
          .filter((child) => child.kind === 'suite')
          .map(find)
          .find(Boolean);
  const suite = find(root);
  const ids = [];
  const walk = (node) => (node.kind === 'test' ? ids.push(node.id) : node.children.forEach(walk));
  if (suite) walk(suite);
  return ids;
}
