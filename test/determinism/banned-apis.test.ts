import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { scanSource, scanTree } from './banned-apis.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('determinism ban', () => {
  it('finds no banned API in sim/ and fakes/, nor in the harness that reads a scenario and builds and runs its world', () => {
    // On the wire, real time is the point (fakes/wire, the wire driver); temporary file names may be random.
    const wire = ['fakes/wire', 'harness/run/wire-driver.ts', 'harness/run/wire-outbound.ts', 'harness/run/atomic-write.ts'];
    const violations = scanTree(root, ['sim', 'fakes', 'harness/scenario', 'harness/world', 'harness/run'], wire);
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
      'const home = process.env.HOME;',
      "import { cpus } from 'node:os'; import { getHeapStatistics } from 'v8';",
      'names.sort((a, b) => a.localeCompare(b));',
      'const shown = n.toLocaleString();',
      "const f = new Intl.NumberFormat('en-US');",
      'const hour = new Date(ms).getHours();',
      'const s = Date(ms);',
      "const t = Date.parse('2026-01-05 08:00');",
      'const ref = new WeakRef(world);',
    ].join('\n');
    expect(scanSource('bad.ts', bad).map((v) => v.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });

  it('allows dated constructors and comments that name the ban', () => {
    expect(scanSource('ok.ts', 'const d = new Date(startMs + nowMs); // not Date.now()')).toEqual([]);
    expect(scanSource('ok.ts', 'const iso = startDate(); const n = toDate(x);')).toEqual([]);
    expect(scanSource('ok.ts', "const h = new Date(ms).getUTCHours(); const s = n.toLocaleString('en-US');")).toEqual([]);
    // A use shown safe where it stands, and saying why.
    expect(scanSource('ok.ts', "return Date.parse(iso); // deterministic: the schema takes only an instant ending in Z")).toEqual([]);
  });
});
