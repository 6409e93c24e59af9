// npm run fuzz [-- --cases N] [-- --seed S] [-- --workers W]: the engine's fuzz properties at scale (100,000 cases by default),
// spread over worker threads; prints the cases, what they met and the outcome of each property. Exit 1 on any failure.
// The TypeScript properties in test/fuzz load through tsx.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

// Shares of the cases per property: the cheap ones get more.
const SHARES = { 'arbitrary strings': 0.45, 'mutated drafts': 0.25, 'edit sequences': 0.1, 'incremental parse': 0.2 };

if (isMainThread) await main();
else await work();

async function main() {
  const option = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const total = option('cases', 100_000);
  const seed = option('seed', Date.now() % 2 ** 31);
  const workers = Math.max(1, option('workers', availableParallelism()));
  console.log(`fuzz: ${total.toLocaleString('en-US')} cases, seed ${seed}, ${workers} worker(s)`);
  const started = Date.now();
  let failed = false;
  let defectsFound = false;
  for (const [name, share] of Object.entries(SHARES)) {
    const cases = Math.round(total * share);
    const slices = Array.from({ length: workers }, (_, index) => Math.floor(cases / workers) + (index < cases % workers ? 1 : 0)).filter((count) => count > 0);
    const propertyStarted = Date.now();
    const results = await Promise.all(slices.map((numRuns, index) => runWorker({ name, numRuns, seed: seed + index * 7919 })));
    const stats = results.reduce((sum, result) => merge(sum, result.stats), undefined);
    const failures = results.filter((result) => result.failed);
    const seconds = ((Date.now() - propertyStarted) / 1000).toFixed(1);
    const known =
      Object.entries(stats.knownDefects)
        .map(([rule, count]) => `${rule} ${count}`)
        .join(', ') || 'none';
    console.log(
      `\n${name}: ${stats.cases.toLocaleString('en-US')} cases, ${failures.length === 0 ? 'all passed' : `FAILED in ${failures.length} worker(s)`} (${seconds} s)`,
    );
    console.log(
      `  texts linted or parsed ${stats.texts.toLocaleString('en-US')}, findings ${stats.findings.toLocaleString('en-US')} (${stats.withFix.toLocaleString('en-US')} with a fix), ` +
        `fix-all passes ${stats.fixPasses.toLocaleString('en-US')}, colliding fixes deferred by fixEdits ${stats.collisions.toLocaleString('en-US')}, ` +
        `incremental parses ${stats.parsedIncrementally.toLocaleString('en-US')}, known defects (fixed finding back) ${known}`,
    );
    for (const [category, defect] of Object.entries(stats.defects ?? {})) {
      defectsFound = true;
      console.log(
        `  DEFECT ${category}: ${defect.count.toLocaleString('en-US')} case(s); first in ${JSON.stringify(defect.draft).slice(0, 400)}\n    ${defect.message.slice(0, 600)}`,
      );
    }
    for (const failure of failures) {
      failed = true;
      console.log(`  seed ${failure.seed}, counterexample ${failure.counterexample}\n  ${failure.error}`);
    }
  }
  const outcome = failed ? 'FAILED' : defectsFound ? 'every case ran; fix-all defects found (DEFECT lines above)' : 'all properties held';
  console.log(`\nfuzz: ${outcome} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = failed || defectsFound ? 1 : 0;
}

function runWorker(task) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`fuzz worker for "${task.name}" exited with ${code}`));
    });
  });
}

async function work() {
  const { default: fc } = await import('fast-check');
  // Loader hooks registered by --import do not reach worker threads, so the worker loads TypeScript through tsx's API.
  const { tsImport } = await import('tsx/esm/api');
  const { emptyStats, properties } = await tsImport('../test/fuzz/properties.ts', import.meta.url);
  const { name, numRuns, seed } = workerData;
  // Fix-all defects are counted by category so the run covers every case; anything else stops the property.
  const stats = { ...emptyStats(), defects: {} };
  const details = fc.check(properties[name](stats), { numRuns, seed });
  parentPort.postMessage({
    stats,
    seed,
    failed: details.failed,
    counterexample: details.failed ? JSON.stringify(details.counterexample).slice(0, 2000) : undefined,
    error: details.failed ? String(details.errorInstance).slice(0, 3000) : undefined,
  });
}

function merge(sum, stats) {
  if (!sum) return structuredClone(stats);
  for (const [key, value] of Object.entries(stats)) {
    if (typeof value === 'number') sum[key] += value;
  }
  for (const [rule, count] of Object.entries(stats.knownDefects)) sum.knownDefects[rule] = (sum.knownDefects[rule] ?? 0) + count;
  for (const [category, defect] of Object.entries(stats.defects ?? {})) {
    if (sum.defects[category]) sum.defects[category].count += defect.count;
    else sum.defects[category] = defect;
  }
  return sum;
}
