import { startBenchServer } from './lsp';
import { generateDraft } from './generate';
const s = await startBenchServer({ debounceMs: 0 });
const u0 = 'file:///x/0.imr.md'; const p0 = s.diagnostics(u0, 1); s.open(u0, generateDraft({ size: 1000 })); await p0;
console.log('after 1 small doc', s.memory());
const published: Promise<unknown>[] = [];
for (let d = 0; d < 50; d++) { const uri = `file:///x/m${d}.imr.md`; published.push(s.diagnostics(uri, 1)); s.open(uri, generateDraft({ size: 20*1024, seed: 100 + d })); }
await Promise.all(published);
console.log('after 50', s.memory());
await s.stop();
const s2 = await startBenchServer({ debounceMs: 0 });
const pub: Promise<unknown>[] = [];
for (let d = 0; d < 50; d++) { const uri = `file:///x/m${d}.imr.md`; pub.push(s2.diagnostics(uri, 1)); s2.open(uri, generateDraft({ size: 20*1024, seed: 100 + d })); }
await Promise.all(pub);
for (let i = 0; i < 8; i++) { console.log(i * 3, 's', (s2.memory()!.rss / 2**20).toFixed(1)); await new Promise(r => setTimeout(r, 3000)); }
await s2.stop();
