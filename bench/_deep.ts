import { lint } from '../engine/src';
import { parseMarkdown } from '../engine/src/parse';
import { IncrementalParser } from '../engine/src/incremental';
const depth = 10000;
const quotes = '>'.repeat(depth) + ' deep quote\n';
const lists = Array.from({ length: depth }, (_, i) => ' '.repeat(i * 2) + '- item ' + i).join('\n') + '\n';
const mixed = Array.from({ length: depth }, (_, i) => '> '.repeat(i) + '- x').join('\n');
for (const [name, text] of [['quotes', quotes], ['lists', lists], ['quotes-spaced', '> '.repeat(depth) + 'x\n'], ['mixed', mixed]] as const) {
  for (const [what, fn] of [['parse', () => parseMarkdown(text)], ['incremental', () => new IncrementalParser().parse(text)], ['lint', () => lint(text)]] as const) {
    const t = performance.now();
    try { const r: any = fn(); console.log(name, what, 'ok', (performance.now() - t).toFixed(0), 'ms', r.failures ? JSON.stringify(r.failures).slice(0, 200) : '', r.findings?.length ?? ''); }
    catch (e) { console.log(name, what, 'THREW', (e as Error).name, (e as Error).message.slice(0, 100), ((e as Error).stack ?? '').split('\n').slice(1, 4).join(' | ')); }
  }
}
