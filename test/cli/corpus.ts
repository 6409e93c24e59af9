// A folder of drafts as a QA reviewer gets them: the fixture drafts, clean and defective, plus two whose
// file name and findings carry markup and quotes (entities in a pasted licensure line decode to "<script>").
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export const HOSTILE_FILE = '"><img src=x onerror=alert(1)>.imr.md';
export const SCHEME_FILE = 'javascript:alert(1).imr.md';
export const HOSTILE_TEXT = '<script>alert(1)</script>';

/** Creates the corpus in a new temporary folder: drafts/{clean,defective}/..., and the two hostile drafts in drafts/. */
export function writeCorpus(): { dir: string; drafts: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'imr-corpus-'));
  const drafts: string[] = [];
  for (const kind of ['clean', 'defective']) {
    mkdirSync(path.join(dir, 'drafts', kind), { recursive: true });
    for (const name of readdirSync(path.join(FIXTURES, kind)).filter((file) => file.endsWith('.md'))) {
      copyFileSync(path.join(FIXTURES, kind, name), path.join(dir, 'drafts', kind, name));
      drafts.push(path.join('drafts', kind, name));
    }
  }
  const seed = readFileSync(path.join(FIXTURES, 'seed.imr.md'), 'utf8');
  const hostile = seed.replace('Texas, Ohio, California', 'Texas, &lt;script&gt;alert(1)&lt;/script&gt;, Ohoi" onmouseover="alert(1)');
  if (hostile === seed) throw new Error('the seed draft no longer has the licensure line the hostile drafts change');
  for (const name of [HOSTILE_FILE, SCHEME_FILE]) {
    writeFileSync(path.join(dir, 'drafts', name), hostile);
    drafts.push(path.join('drafts', name));
  }
  return { dir, drafts };
}
