import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { scanSource, scanTree } from './banned-apis.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('determinism ban', () => {
  it('finds no banned API in sim/ and fakes/ (fakes/wire/ may touch real time)', () => {
    const violations = scanTree(root, ['sim', 'fakes'], ['fakes/wire']);
    expect(violations.map((v) => `${v.file}:${v.line}: ${v.api}: ${v.text}`)).toEqual([]);
  });

  it('catches each banned API in a known-bad source', () => {
    const bad = [
      'const t = Date.now();',
      'const d = new Date();',
      'const r = Math.random();',
      "import { randomUUID } from 'node:crypto';",
      'const p = performance.now();',
      'setTimeout(() => {}, 10);',
      'process.nextTick(f);',
      'const h = os.hostname();',
      "import dns from 'node:dns';",
      'const [s] = process.hrtime();',
      'const d = new Date;',
      'const s = Date();',
      "const r = Math['random']();",
      'const { random } = Math;',
    ].join('\n');
    expect(scanSource('bad.ts', bad).map((v) => v.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('allows dated constructors and comments that name the ban', () => {
    expect(scanSource('ok.ts', 'const d = new Date(startMs + nowMs); // not Date.now()')).toEqual([]);
    expect(scanSource('ok.ts', 'const iso = startDate(); const n = toDate(x);')).toEqual([]);
  });
});
