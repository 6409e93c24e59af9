// YAML front matter: case metadata and the profile a draft asks for.
import { isMap, isScalar, parseDocument } from 'yaml';
import type { LineIndex } from '../text';
import { located } from './parts';
import type { FrontMatter, Located } from './types';

type YamlBlock = { value: string; start: number; end: number; valueStart: number };

export function readFrontMatter(yaml: YamlBlock, index: LineIndex): FrontMatter {
  return readPlainPairs(yaml, index) ?? readYamlFrontMatter(yaml, index);
}

/** The front matter as the YAML parser reads it: any YAML, and its errors. */
export function readYamlFrontMatter(yaml: YamlBlock, index: LineIndex): FrontMatter {
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
  let data: Record<string, unknown>;
  try {
    data = document.toJS() as Record<string, unknown>;
  } catch (error) {
    // An alias with no anchor before it (`case: *x`) parses without an error but has no value.
    frontMatter.error = (error as Error).message.split('\n')[0];
    return frontMatter;
  }
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

// `case: CM15-0123456`: a key and a value that YAML's core schema reads as the same text (not a number, a
// boolean or null), with nothing YAML would read otherwise (quotes, comments, flow, anchors, tags, tabs).
const PLAIN_PAIR = /^([A-Za-z][\w-]*):( +)([A-Za-z][\w./()+-]*(?: +[\w./()+-]+)*) *$/;
const NOT_TEXT = /^(?:true|false|null)$/i;
const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;

/** Front matter of `key: value` lines only, read without the YAML parser (most drafts' front matter is such). */
function readPlainPairs(yaml: YamlBlock, index: LineIndex): FrontMatter | undefined {
  const data: Record<string, unknown> = {};
  const places: [string, number, number][] = [];
  LINE.lastIndex = 0;
  for (let start = 0; start < yaml.value.length; start = LINE.lastIndex) {
    const line = LINE.exec(yaml.value)![0].replace(/[\r\n]+$/, '');
    if (line.trim() === '' && !line.includes('\t')) continue;
    const pair = PLAIN_PAIR.exec(line);
    if (!pair || NOT_TEXT.test(pair[1]) || NOT_TEXT.test(pair[3])) return undefined;
    data[pair[1]] = pair[3];
    const valueStart = start + pair[1].length + 1 + pair[2].length;
    places.push([pair[1], valueStart, valueStart + pair[3].length]);
  }
  if (places.length === 0) return undefined;
  const frontMatter: FrontMatter = { ...located({ start: yaml.start, end: yaml.end }, index), data, keys: {} };
  for (const [key, start, end] of places) frontMatter.keys[key] = located({ start: yaml.valueStart + start, end: yaml.valueStart + end }, index);
  return frontMatter;
}
