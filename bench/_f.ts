import fc from 'fast-check';
import { emptyStats, properties } from '../test/fuzz/properties';
for (const [name, make] of Object.entries(properties)) {
  const stats = emptyStats();
  const t = performance.now();
  const out = fc.check(make(stats) as any, { numRuns: Number(process.env.RUNS ?? 200), seed: process.env.SEED ? Number(process.env.SEED) : undefined });
  console.log(name, ((performance.now() - t) / out.numRuns).toFixed(2), 'ms/case', out.failed ? 'FAILED' : 'ok', JSON.stringify(stats));
  if (out.failed) { console.log(String(out.errorInstance).slice(0, 1500)); console.log(JSON.stringify(out.counterexample).slice(0, 1500)); }
}
