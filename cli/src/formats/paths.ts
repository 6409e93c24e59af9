// How the report formats name a draft: relative to the working folder with forward slashes, as CI systems and code hosts expect.
import * as path from 'node:path';

/** The draft's path relative to `cwd` ("drafts/case.imr.md"), or its absolute path when it lies outside. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return path.resolve(cwd, file).split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
