// Code that runs once per run or more must not build object literals with getters or setters: V8 keeps whatever
// such an accessor's closure reaches alive through every minor GC until the next full one, so one literal can keep a
// finished world (test/sim/core/engine-retention.test.ts measures it). Classes are fine. A TypeScript parser finds
// the literals (rolldown's, from oxc: the typescript package here is the native compiler, without a parser API), so
// comments and class accessors never count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** What a run executes (the engine, the ledger and checkers, the models) and the whole harness, which builds, parses and runs worlds. */
const SCANNED = ['sim', 'fakes', 'harness'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface AstNode {
  readonly type?: string;
  readonly kind?: string;
  readonly start?: number;
  readonly properties?: readonly AstNode[];
}

/** `file:line` of every getter or setter written inside an object literal. */
function literalAccessors(fileName: string, text: string): string[] {
  const found: string[] = [];
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as AstNode;
    if (node.type === 'ObjectExpression') {
      for (const property of node.properties ?? []) {
        if (property.kind === 'get' || property.kind === 'set') found.push(`${fileName}:${lineOf(property.start ?? 0)}`);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(parseAst(text, { lang: 'ts' }, fileName));
  return found;
}

describe('no object literal accessors in per-run code', () => {
  it('finds a literal getter and a setter, and leaves class accessors alone', () => {
    const text = [
      'const a = { get x() { return 1; } };',
      'const b = { set y(v: number) {} };',
      'class C { get z() { return 2; } }',
      '// { get w() {} } in a comment',
    ].join('\n');
    expect(literalAccessors('probe.ts', text)).toEqual(['probe.ts:1', 'probe.ts:2']);
  });

  it('none in what a run executes', () => {
    const found = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .flatMap((path) => literalAccessors(relative(ROOT, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });
});
