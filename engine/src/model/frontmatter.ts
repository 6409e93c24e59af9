// YAML front matter: case metadata and the profile a draft asks for.
import { isMap, isScalar, parseDocument } from 'yaml';
import type { LineIndex } from '../text';
import { located } from './parts';
import type { FrontMatter, Located } from './types';

export function readFrontMatter(yaml: { value: string; start: number; end: number; valueStart: number }, index: LineIndex): FrontMatter {
  const frontMatter: FrontMatter = { ...located({ start: yaml.start, end: yaml.end }, index), data: {}, keys: {} };
  // The YAML parser reads only \n and \r\n as line breaks; a lone \r (old Mac files) becomes \n, offsets unchanged.
  const document = parseDocument(yaml.value.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: false });
  if (document.errors.length > 0) {
    frontMatter.error = document.errors[0].message.split('\n')[0];
    return frontMatter;
  }
  const contents = document.contents;
  if (contents === null) return frontMatter;
  if (!isMap(contents)) {
    frontMatter.error = 'front matter is not a mapping of keys to values';
    return frontMatter;
  }
  const data = document.toJS() as Record<string, unknown>;
  frontMatter.data = data && typeof data === 'object' ? data : {};
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const node = (pair.value ?? pair.key) as { range?: [number, number, number] };
    if (!node.range) continue;
    const place: Located = located({ start: yaml.valueStart + node.range[0], end: yaml.valueStart + node.range[1] }, index);
    frontMatter.keys[String(pair.key.value)] = place;
  }
  return frontMatter;
}
