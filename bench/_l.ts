import { lint } from '../engine/src';
for (const t of ['', 'hello', '# x\n\nfoo bar', 'a'.repeat(200)]) {
  const n = 200; const s = performance.now(); for (let i = 0; i < n; i++) lint(t); console.log(JSON.stringify(t.slice(0,10)), ((performance.now() - s) / n).toFixed(3), 'ms');
}
