// What YAML allows and the harness's files never mean, refused where it is written instead of surfacing later as an
// unknown field at the top of the file (the adversarial review): keys that are not names (`1:`, `~:`, `? [a, b]`),
// merge keys (`<<`, which YAML 1.2 does not define), and tags (`!!binary`, `!custom`). Also the yaml library's own
// wording for several documents in one file and for alias bombs, said in the file's terms.
import { isAlias, isMap, isScalar, visit, type Document, type LineCounter, type Node, type YAMLError } from 'yaml';

export interface ShapeProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Tags that only restate what a plain value is (`!!str 5` is the text 5). */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Problems with the document's shape, in the file's order. */
export function yamlShapeProblems(doc: Document, lines: LineCounter): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const at = (node: Node | null | undefined, message: string): void => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    problems.push({ line, column: col, message });
  };
  // A tag on a list or map counts as much as one on a value: each kind of node is looked at for one.
  const tagged = (node: Node): void => {
    if (node.tag === undefined || PLAIN_TAGS.has(node.tag)) return;
    at(node, `YAML tags (${node.tag.replace('tag:yaml.org,2002:', '!!')}) are not read here: write the plain value`);
  };
  visit(doc, {
    Scalar(_key, node) {
      tagged(node);
    },
    Seq(_key, node) {
      tagged(node);
    },
    Map(_key, map) {
      if (!isMap(map)) return;
      tagged(map);
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (isAlias(key)) {
          at(key, `a key must be a name written out; this one is an alias (*${key.source})`);
        } else if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') {
          at(key, 'merge keys (<<) are not part of YAML 1.2 and not read here: write the fields out');
        } else if (!isScalar(key) || typeof key.value !== 'string') {
          if (!isScalar(key)) at(key, 'a key must be a name; this one is a list or map');
          else if (key.value === null || key.value === undefined) at(key, 'a key must be a name; this one is empty (~ or null)');
          else at(key, `a key must be a name; this one is the ${typeof key.value} ${String(key.value)}: quote it ('${String(key.value)}') if a name is meant`);
        }
      }
    },
  });
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The syntax errors worth saying, in the file's order: duplicate keys (each a mistake of its own) up to the first
 * other error, and that one. What the parser says after it is its losing its footing: one unquoted `{n}` in a flow
 * mapping made 293 lines.
 */
export function errorsToSay(errors: readonly YAMLError[]): YAMLError[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = sorted.findIndex((e) => e.code !== 'DUPLICATE_KEY');
  return first === -1 ? sorted : sorted.slice(0, first + 1);
}

/** Characters of an unquoted plain value in flow style (what a template such as `u{n}@contoso.example` is made of). */
const VALUE_CHAR = /[^\s"',[\]{}]/;
/** What may come just before an unquoted value: a space, a comma, an opening bracket or brace, a colon. */
const VALUE_START = /[\s,[{:]/;

/**
 * The first unquoted value on a line holding `{n}` (a count entry's template): `u{n}@contoso.example`, not
 * `"u{n}@contoso.example"`; undefined when there is none. Found from each `{n}` outwards: the one regular expression
 * that said this tried every start on the line against the rest of it, so a 300 KB line of `:a:a...` took most of a
 * minute before the syntax error was shown (the security review).
 */
export function unquotedTemplate(line: string): string | undefined {
  // Each search below stays between one `{n}` and the last (braces are not value characters): linear in the line.
  for (let at = line.indexOf('{n}'); at !== -1; at = line.indexOf('{n}', at + 3)) {
    let start = at;
    while (start > 0 && VALUE_CHAR.test(line[start - 1] as string)) start--;
    // Inside a run of value characters a value may also start after a colon (`key:u{n}`); before the run, only a
    // line start or a VALUE_START character opens one.
    if (start > 0 && !VALUE_START.test(line[start - 1] as string)) {
      const colon = line.slice(start, at).indexOf(':');
      if (colon === -1) continue;
      start += colon + 1;
    }
    let end = at + 3;
    while (end < line.length && VALUE_CHAR.test(line[end] as string)) end++;
    return line.slice(start, end);
  }
  return undefined;
}

/** The yaml library's error, said in the file's terms where its own wording is about its API; `text`: the file. */
export function syntaxMessage(error: YAMLError, text = ''): string {
  if (error.code === 'MULTIPLE_DOCS') return 'one YAML document per file: a second one starts here';
  if (isTooDeep(error)) return 'nested too deeply to read';
  const message = error.message.split('\n')[0] ?? error.message;
  // A template's braces are YAML's own in flow style: the error names a token, not the template to quote.
  const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', error.pos[0]);
  const template = unquotedTemplate(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
  if (template === undefined) return message;
  return `${message}: quote the {n} template, "${template}" (inside { ... } or [ ... ], or at the start of a value, YAML reads its braces as a mapping)`;
}

/** The parser ran out of stack (thousands of nested brackets): one problem, however many places it noticed it at. */
export function isTooDeep(error: YAMLError): boolean {
  return error.message.includes('Maximum call stack size exceeded');
}
