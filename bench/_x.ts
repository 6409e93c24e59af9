import { tame } from '../engine/src/parse';
const t = '- '.repeat(40) + 'x\n';
const out = tame(t);
console.log(out === t, JSON.stringify(out));
