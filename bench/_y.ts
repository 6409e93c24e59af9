import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { IncrementalParser, findBoundaries } from '../engine/src/incremental';
import { parseMarkdown } from '../engine/src/parse';
const texts: string[] = JSON.parse(readFileSync('/tmp/fail.json', 'utf8'));
const show = (r: any) => r.children.map((c: any) => `${c.type}[${c.position.start.offset}-${c.position.end.offset}]`).join(' ');
const p = new IncrementalParser();
texts.forEach((t, i) => { const A = p.parse(t), B = parseMarkdown(t); if (!isDeepStrictEqual(A, B)) { console.log(i, JSON.stringify(t).slice(0, 600)); console.log('inc ', show(A).slice(0,400)); console.log('full', show(B).slice(0,400)); console.log(JSON.stringify(findBoundaries(t)).slice(0, 300)); if (i > 0) console.log('prev', JSON.stringify(texts[i-1]).slice(0,600)); 
 // first differing child
 for (let k = 0; k < Math.max(A.children.length, B.children.length); k++) if (!isDeepStrictEqual(A.children[k], B.children[k])) { console.log('child', k, JSON.stringify(A.children[k]).slice(0,500)); console.log('vs   ', JSON.stringify(B.children[k]).slice(0,500)); break; }
 process.exit(0);} });
