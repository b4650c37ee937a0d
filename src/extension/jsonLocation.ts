/**
 * Where a problem of a JSON file sits in its text: `$.entities[3].name` → the range of that
 * property, a syntax error → where the parser stopped. No `vscode` import, so unit tests run it.
 * jsonc-parser (Microsoft's, the parser behind VS Code's own JSON support) gives node offsets
 * that JSON.parse does not.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError, type Segment } from 'jsonc-parser';

export interface LocatedProblem {
  /** UTF-16 offsets in the file's text. */
  start: number;
  end: number;
  /** The JSON path the problem names, if any (`$.figures[2].value`). */
  path?: string;
  /** The problem without its path prefix. */
  message: string;
}

/** Splits `$.a[2].b-c` into segments; undefined if it is not a JSON path. */
export function parseJsonPath(path: string): Segment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: Segment[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]/gy;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return undefined;
    segments.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  return segments;
}

const PATH_PREFIX = /^(\$(?:\.[^.[\]:\s]+|\[\d+\])*): ?/;

/** The range of a property (key and value) or of an array item. */
function spanOf(node: Node): { start: number; end: number } {
  const target = node.parent?.type === 'property' ? node.parent : node;
  return { start: target.offset, end: target.offset + target.length };
}

/**
 * Locates each problem (as the core words them: `"$.path: what"`) in the file's text. A path
 * that leads to nothing (a missing property) points at the nearest enclosing property's key;
 * a syntax error at the parser's first error; anything else at the first line.
 */
export function locateProblems(text: string, problems: readonly string[]): LocatedProblem[] {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const tree = parseTree(body, errors, { allowTrailingComma: false, disallowComments: true });
  const firstLine = () => {
    const nl = text.indexOf('\n');
    return { start: 0, end: nl < 0 ? text.length : nl };
  };
  return problems.map((problem) => {
    const m = PATH_PREFIX.exec(problem);
    const path = m?.[1];
    const message = m ? problem.slice(m[0].length) : problem;
    if (errors.length && /not valid JSON/.test(problem)) {
      const e = errors[0];
      return { start: e.offset, end: e.offset + Math.max(1, e.length), path, message: `${message} (${printParseErrorCode(e.error)})` };
    }
    const segments = path ? parseJsonPath(path) : undefined;
    if (tree && segments) {
      for (let n = segments.length; n >= 0; n--) {
        const node = n === 0 ? tree : findNodeAtLocation(tree, segments.slice(0, n));
        if (!node) continue;
        if (n === segments.length) return { ...spanOf(node), path, message };
        // Missing: point at the key of the nearest property that exists.
        const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
        const at = key ?? node;
        return { start: at.offset, end: at.offset + (key ? key.length : 1), path, message };
      }
    }
    return { ...firstLine(), path, message };
  });
}
