// Reading one configuration file: JSON with comments, checked against the schema, each problem at its JSON node.
import { createScanner, findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { LineIndex } from '../text';
import type { ConfigProblem, JsonPath } from './problems';
import { configSchema, type ImrConfig } from './schema';

export interface ConfigFile {
  file: string;
  text: string;
  tree?: Node;
  index: LineIndex;
  /** Set when the file is valid by itself (its `extends` and profile names are checked later). */
  config?: ImrConfig;
  /** Problems of the file on its own: syntax, schema, duplicate keys. */
  problems: ConfigProblem[];
}

const PARSE_ERRORS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected after the property name',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace "}" is expected',
  CloseBracketExpected: 'a closing bracket "]" is expected',
  EndOfFileExpected: 'nothing may follow the closing brace',
  InvalidCommentToken: 'a malformed comment',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape in a string',
  InvalidCharacter: 'a control character in a string',
};

/** Deeper JSON is refused before it is parsed: parsing, validation and merging all recurse. No configuration nests past 10. */
export const MAX_JSON_NESTING = 64;

export function parseConfigFile(file: string, source: string): ConfigFile {
  // A byte-order mark becomes a space, so offsets stay those of the editor's text.
  const text = source.startsWith('\ufeff') ? ` ${source.slice(1)}` : source;
  const index = new LineIndex(text);
  const result: ConfigFile = { file, text: source, index, problems: [] };
  const deep = tooDeep(text);
  if (deep !== undefined) {
    const span = { start: deep, end: deep + 1 };
    result.problems.push({
      file,
      path: [],
      message: `nested more than ${MAX_JSON_NESTING} levels deep; a configuration is a few levels of objects and lists`,
      severity: 'error',
      span,
      range: index.rangeOf(span),
    });
    return result;
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  result.tree = tree;
  if (errors.length > 0) {
    for (const error of errors) {
      const code = printParseErrorCode(error.error);
      const span = { start: error.offset, end: error.offset + Math.max(error.length, 0) };
      result.problems.push({ file, path: [], message: `not valid JSON: ${PARSE_ERRORS[code] ?? code}`, severity: 'error', span, range: index.rangeOf(span) });
    }
    return result;
  }
  if (tree) result.problems.push(...duplicateKeys(result, tree));
  const parsed = configSchema.safeParse(tree ? jsonValue(tree) : {});
  if (!parsed.success) {
    result.problems.push(...parsed.error.issues.flatMap((issue) => issueProblems(result, issue)));
    return result;
  }
  if (!result.problems.some((problem) => problem.severity === 'error')) result.config = parsed.data;
  return result;
}

/** The offset of the first bracket or brace past MAX_JSON_NESTING, found with the parser's own scanner (strings and comments skipped). */
// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

function tooDeep(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token: number = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > MAX_JSON_NESTING) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

/** A problem at `path` in the file, placed at the nearest JSON node that exists. */
export function problemAt(
  file: ConfigFile,
  path: JsonPath,
  message: string,
  severity: ConfigProblem['severity'] = 'error',
  at: 'key' | 'value' = 'value',
): ConfigProblem {
  const span = spanOf(file, path, at);
  return { file: file.file, path, message, severity, span, range: span && file.index.rangeOf(span) };
}

function issueProblems(file: ConfigFile, issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const messages = issue.message.split('\n');
    return issue.keys.map((key, position) => problemAt(file, [...path, key], messages[position] ?? messages[0], 'error', 'key'));
  }
  return [problemAt(file, path, issue.message)];
}

function spanOf(file: ConfigFile, path: JsonPath, at: 'key' | 'value'): { start: number; end: number } | undefined {
  if (!file.tree) return undefined;
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(file.tree, path.slice(0, length));
    if (!node) continue;
    const missing = length < path.length;
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    // A missing child is reported at its parent's key, or the parent's first character, not across the whole object.
    const target = (at === 'key' && !missing) || (missing && (node.type === 'object' || node.type === 'array')) ? (key ?? node) : node;
    if (missing && target === node && (node.type === 'object' || node.type === 'array')) return { start: node.offset, end: node.offset + 1 };
    return { start: target.offset, end: target.offset + target.length };
  }
  return undefined;
}

/** Duplicate keys parse (the later wins) but are almost always a mistake. */
function duplicateKeys(file: ConfigFile, tree: Node): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (node: Node, path: JsonPath): void => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, value] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        if (seen.has(key)) {
          const span = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
          problems.push({
            file: file.file,
            path: [...path, key],
            message: `duplicate key "${key}"; only the last one counts, so remove the others`,
            severity: 'warning',
            span,
            range: file.index.rangeOf(span),
          });
        }
        seen.add(key);
        if (value) visit(value, [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, position) => visit(child, [...path, position]));
    }
  };
  visit(tree, []);
  return problems;
}

/** The node's value; unlike jsonc-parser's getNodeValue, keeps "__proto__" an ordinary key. */
function jsonValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = Object.create(null);
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) Object.defineProperty(object, String(key.value), { value: jsonValue(value), enumerable: true, writable: true, configurable: true });
      }
      return { ...object };
    }
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}
