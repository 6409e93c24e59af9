// Which drafts a configuration checks: `include` and `ignore` globs, each relative to the folder that declares it.
import picomatch from 'picomatch';
import { relativeTo } from './paths';

export interface GlobList {
  /** The folder the patterns are relative to. */
  base: string;
  patterns: string[];
}

const matchers = new Map<string, (path: string) => boolean>();

/**
 * Like .gitignore: a pattern without a slash matches a name in any folder below the base, a trailing
 * slash means a folder, and a pattern that matches a folder matches everything in it.
 */
function matcher(pattern: string): (path: string) => boolean {
  let compiled = matchers.get(pattern);
  if (!compiled) {
    let glob = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
    const anchored = glob.startsWith('/');
    glob = glob.replace(/^\/+/, '').replace(/\/+$/, '');
    if (!anchored && !glob.includes('/')) glob = `**/${glob}`;
    compiled = picomatch(glob, { dot: true, windows: false });
    matchers.set(pattern, compiled);
  }
  return compiled;
}

export function matchesGlobs(list: GlobList, path: string): boolean {
  const relative = relativeTo(list.base, path);
  if (relative === undefined || relative === '') return false;
  const parts = relative.split('/');
  const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
  return list.patterns.some((pattern) => {
    const match = matcher(pattern);
    return candidates.some((candidate) => match(candidate));
  });
}
