// What `npm pack` ships (package.json's files): the docs the README links to (they were left out, so the published
// README's links led nowhere), source maps that carry their sources (they pointed at ../../harness/*.ts, which no
// installation has), and not the benchmarks' build. Lists what is built: `npm test` builds first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Packed {
  readonly size: number;
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0] as Packed;
const paths = new Set(packed.files.map((f) => f.path));

describe('the package as npm packs it', () => {
  it('holds every page the README links to', () => {
    const linked = [...readFileSync('README.md', 'utf8').matchAll(/\]\((docs\/[^)#]+)/g)].map((m) => m[1] ?? '');
    expect(linked.length).toBeGreaterThan(10);
    expect(linked.filter((page) => !paths.has(page))).toEqual([]);
    expect(paths.has('docs/library.md')).toBe(true);
  });

  it('holds the shipped scenarios and the library, not the benchmarks', () => {
    expect(paths.has('scenarios/wire-exchange-outage.yaml')).toBe(true);
    expect(paths.has('dist/harness/index.js')).toBe(true);
    expect(paths.has('dist/harness/testing/vitest-matchers.d.ts')).toBe(true);
    expect([...paths].filter((p) => p.startsWith('dist/bench/'))).toEqual([]);
  });

  it('ships source maps with their sources inline, so stack frames and debuggers show the code', () => {
    for (const map of ['dist/harness/index.js.map', 'dist/sim/core/engine.js.map']) {
      expect(paths.has(map)).toBe(true);
      const { sources, sourcesContent } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[]; sourcesContent?: string[] };
      expect(sourcesContent?.length).toBe(sources.length);
      expect(sourcesContent?.[0]).toContain('//');
    }
  });

  it('stays small: under 2 MB packed', () => {
    expect(packed.size).toBeLessThan(2_000_000);
  });
});
