// Finds where a field path sits in a parsed YAML document, so schema errors can name line and column. A path that
// does not exist (a missing field) resolves to the nearest enclosing node that does.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * @param atKey point at the key of the last segment rather than its value (for unknown or misspelt keys).
 */
export function positionOf(doc: Document, lines: LineCounter, path: ReadonlyArray<PropertyKey>, atKey = false): Position {
  let node: Node | null = doc.contents;
  let best: Node | null = node;
  for (let i = 0; i < path.length && node !== null; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (pair === undefined) break;
      const key = pair.key as Node;
      node = last && atKey ? key : ((pair.value as Node | null) ?? key);
    } else if (isSeq(node) && typeof segment === 'number') {
      node = (node.items[segment] as Node | undefined) ?? null;
    } else {
      break;
    }
    if (node !== null) best = node;
  }
  const offset = best?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
