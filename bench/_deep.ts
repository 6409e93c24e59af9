import { lint } from '../engine/src';
import { parseMarkdown } from '../engine/src/parse';
import { IncrementalParser } from '../engine/src/incremental';
const depth = 10000;
const cases: [string, string][] = [
  ['quotes', '>'.repeat(depth) + ' deep quote\n'],
  ['lists', '- '.repeat(depth) + 'x\n'],
  ['ordered', '1. '.repeat(depth) + 'x\n'],
  ['mixed', '> - '.repeat(depth / 2) + 'x\n'],
  ['emphasis', '*'.repeat(depth) + 'x' + '*'.repeat(depth) + '\n'],
  ['links', '['.repeat(depth) + 'x' + ']'.repeat(depth) + '\n'],
];
for (const [name, text] of cases) {
  for (const [what, fn] of [['parse', () => parseMarkdown(text)], ['incremental', () => new IncrementalParser().parse(text)], ['lint', () => lint(text)]] as const) {
    const t = performance.now();
    try { const r: any = fn(); console.log(name, what, 'ok', (performance.now() - t).toFixed(0), 'ms', r.failures ? JSON.stringify(r.failures).slice(0, 200) : '', r.findings?.length ?? ''); }
    catch (e) { console.log(name, what, 'THREW', (e as Error).name, (e as Error).message.slice(0, 100), ((e as Error).stack ?? '').split('\n').slice(1, 3).join(' | ')); }
  }
}
const indentNest = Array.from({ length: 400 }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n');
const t = performance.now(); const r = lint(indentNest); console.log('indent-nested 400', (performance.now() - t).toFixed(0), 'ms', r.failures.length, r.findings.length);
