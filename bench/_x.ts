import { parseMarkdown, parseMarkdownFragment } from '../engine/src/parse';
const types = (r: any) => r.children.map((c: any) => c.type).join(',');
const befores = ['para', '    code', '- item', '> quote', '<div>', '```\nx\n```', '# h', '***', '<!-- c -->', '<x-y>', '- a\n\n      code', '1. a', '> - a', '>     code', 'para\n    more', '- ```\n  x', '<!--\n-->'];
const Ls = ['-', '2. a', '2.', '<x-y>', '[a]: /b', '* ', '+\tb', '<div>', 'text', '> q', '***', '#'];
for (const b of befores) for (const l of Ls) {
  const whole = parseMarkdown(b + '\n\n' + l + '\n');
  const head = parseMarkdown(b + '\n\n');
  const tail = parseMarkdownFragment(l + '\n');
  const joined = types(head) + (head.children.length && tail.children.length ? ',' : '') + types(tail);
  if (types(whole) !== joined) console.log(JSON.stringify(b), JSON.stringify(l), 'whole', types(whole), 'split', joined);
}
