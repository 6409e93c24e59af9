// Which drafts a configuration checks: `include` and `ignore` globs, each relative to the folder that declares it.
import { RE2JS } from 're2js';
import { relativeTo } from './paths';

export interface GlobList {
  /** The folder the patterns are relative to. */
  base: string;
  patterns: string[];
}

/** Longer globs are refused by the schema; no list of drafts needs one. */
export const MAX_GLOB_LENGTH = 1000;

export type CompiledGlob = { ok: true; match: (path: string) => boolean } | { ok: false; message: string };

const compiledGlobs = new Map<string, CompiledGlob>();

/**
 * Like .gitignore: a pattern without a slash matches a name in any folder below the base, a trailing slash
 * means a folder, and a pattern that matches a folder matches everything in it. `*`, `?`, `[...]` (`[!...]`
 * negated), `{a,b}` within a name, and `**` for any number of folders. Globs become RE2 expressions, so a
 * pattern such as `*a*a*a*a*b` costs time linear in the path, never exponential.
 */
export function compileGlob(pattern: string): CompiledGlob {
  let compiled = compiledGlobs.get(pattern);
  if (!compiled) {
    compiled = compile(pattern);
    if (compiledGlobs.size >= 1000) compiledGlobs.clear();
    compiledGlobs.set(pattern, compiled);
  }
  return compiled;
}

function compile(pattern: string): CompiledGlob {
  if (pattern.length > MAX_GLOB_LENGTH) return { ok: false, message: `longer than ${MAX_GLOB_LENGTH} characters` };
  let glob = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const anchored = glob.startsWith('/');
  glob = glob.replace(/^\/+/, '').replace(/\/+$/, '');
  if (!anchored && !glob.includes('/')) glob = `**/${glob}`;
  // "a/**/**/b" is "a/**/b".
  const segments = glob.split('/').filter((segment, index, all) => !(segment === '**' && all[index - 1] === '**'));
  let source = '';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') source += last ? (index === 0 ? '.*' : '(?:/.*)?') : `${index === 0 ? '' : '/'}(?:.*/)?`;
    else source += `${index === 0 || segments[index - 1] === '**' ? '' : '/'}${translateName(segment)}`;
  });
  try {
    // A match of a folder is a match of everything in it.
    const expression = RE2JS.compile(`(?:${source})(?:/.*)?`, RE2JS.DOTALL);
    return { ok: true, match: (path) => expression.testExact(path) };
  } catch (error) {
    return { ok: false, message: (error as Error).message.replace(/^error parsing regexp: /, '') };
  }
}

/** One path segment of a glob as RE2 source. */
function translateName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const char = name[i];
    if (char === '*') {
      while (name[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = classEnd(name, i);
      if (close < 0) out += '\\[';
      else {
        out += translateClass(name.slice(i + 1, close));
        i = close;
      }
    } else if (char === '{') {
      const close = braceEnd(name, i);
      const alternatives = close < 0 ? [] : splitAlternatives(name.slice(i + 1, close));
      if (alternatives.length < 2) out += '\\{';
      else {
        out += `(?:${alternatives.map(translateName).join('|')})`;
        i = close;
      }
    } else {
      out += RE2JS.quote(char);
    }
  }
  return out;
}

/** The index of the `]` closing a class opened at `open`, or -1; a `]` right after `[`, `[!` or `[^` is literal. */
function classEnd(name: string, open: number): number {
  let i = open + 1;
  if (name[i] === '!' || name[i] === '^') i++;
  if (name[i] === ']') i++;
  const close = name.indexOf(']', i);
  return close;
}

function translateClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const members = (negated ? body.slice(1) : body).replace(/[\\[\]^]/g, '\\$&');
  return negated ? `[^/${members}]` : `[${members}]`;
}

function braceEnd(name: string, open: number): number {
  let depth = 0;
  for (let i = open; i < name.length; i++) {
    if (name[i] === '{') depth++;
    else if (name[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The top-level comma-separated alternatives of a brace's body. */
function splitAlternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

export function matchesGlobs(list: GlobList, path: string): boolean {
  const relative = relativeTo(list.base, path);
  if (relative === undefined || relative === '') return false;
  return list.patterns.some((pattern) => {
    const compiled = compileGlob(pattern);
    return compiled.ok && compiled.match(relative);
  });
}
