import { generateDraft } from './generate';
import * as A from '../engine/src/index';
import * as B from '/tmp/imrscratch/engine/src/index';
import { parseMarkdown } from '../engine/src/parse';
for (const size of [20*1024, 1024*1024]) {
const text = generateDraft({ size });
const root = parseMarkdown(text);
const a: number[] = [], b: number[] = [];
for (let r=0;r<15;r++){ let t=performance.now(); A.buildDetermination(text, (p)=>A.resolveProfile(p, {}), root); a.push(performance.now()-t);
 t=performance.now(); B.buildDetermination(text, (p)=>B.resolveProfile(p, {}), root); b.push(performance.now()-t); }
a.sort((x,y)=>x-y); b.sort((x,y)=>x-y); console.log(size, 'model median current', a[7].toFixed(1), 'with cached RegExps', b[7].toFixed(1));
}
