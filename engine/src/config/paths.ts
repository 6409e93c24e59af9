// Paths as configuration discovery sees them: absolute, '/'-separated, with an optional drive ("C:/drafts").

/** The root of an absolute path ("/" or "C:/"), or undefined for a relative one. */
export function rootOf(path: string): string | undefined {
  if (path.startsWith('/')) return '/';
  const drive = /^[A-Za-z]:\//.exec(path);
  return drive ? drive[0] : undefined;
}

export function isAbsolute(path: string): boolean {
  return rootOf(path.replace(/\\/g, '/')) !== undefined;
}

/** Resolves "." and ".." and collapses repeated separators; keeps the root. */
export function normalize(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const root = rootOf(slashed) ?? '';
  const parts: string[] = [];
  for (const part of slashed.slice(root.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!root) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  return root + parts.join('/') || '.';
}

export function dirname(path: string): string {
  const root = rootOf(path) ?? '';
  const slash = path.lastIndexOf('/');
  if (slash < root.length) return root || '.';
  return path.slice(0, slash) || root;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `target` resolved against the folder `from`; an absolute target stands alone. */
export function resolvePath(from: string, target: string): string {
  const slashed = target.replace(/\\/g, '/');
  return normalize(rootOf(slashed) ? slashed : `${from}/${slashed}`);
}

/** `path` relative to the folder `folder`, or undefined when it lies outside it. */
export function relativeTo(folder: string, path: string): string | undefined {
  if (path === folder) return '';
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

export function isRoot(path: string): boolean {
  return rootOf(path) === path;
}
