import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../../sim/core/rng.js';

function stream(rng: Rng, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(rng.uniform(), rng.uniformInt(-5, 5), rng.exponentialMs(1000));
  return out;
}

describe('Rng', () => {
  it('replays the same stream from the same seed', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (seed) => {
      expect(stream(new Rng(seed), 50)).toEqual(stream(new Rng(seed), 50));
    }));
  });

  it('gives different streams for different seeds', () => {
    expect(stream(new Rng(1), 20)).not.toEqual(stream(new Rng(2), 20));
  });

  it('is random from the very first draw: the first draws over many seeds spread evenly over [0, 1)', () => {
    // A run's first draw sets, for example, when a sender's first message leaves: it must not depend on the seed's size.
    for (const position of [0, 1, 2]) {
      const draws = Array.from({ length: 2000 }, (_, seed) => {
        const rng = new Rng(seed);
        for (let i = 0; i < position; i++) rng.uniform();
        return rng.uniform();
      });
      const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
      expect(mean).toBeGreaterThan(0.47);
      expect(mean).toBeLessThan(0.53);
      expect(draws.filter((d) => d > 0.999).length).toBeLessThan(10);
    }
  });

  it('keeps uniformInt within its bounds, both ends reachable', () => {
    const rng = new Rng(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.uniformInt(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('draws exponential gaps as whole milliseconds with about the requested mean', () => {
    const rng = new Rng(5);
    const n = 20_000;
    const gaps = Array.from({ length: n }, () => rng.exponentialMs(1000));
    expect(gaps.every((gap) => Number.isInteger(gap) && gap >= 0)).toBe(true);
    const sum = gaps.reduce((a, b) => a + b, 0);
    expect(sum / n).toBeGreaterThan(950);
    expect(sum / n).toBeLessThan(1050);
  });

  it('shuffles into a permutation without touching the input', () => {
    fc.assert(fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 40 }), (seed, items) => {
      const copy = items.slice();
      const shuffled = new Rng(seed).shuffle(items);
      expect(items).toEqual(copy);
      expect(shuffled.slice().sort((a, b) => a - b)).toEqual(copy.sort((a, b) => a - b));
    }));
  });

  it('samples k distinct members (all of them when k is larger), reproducibly, roughly uniformly', () => {
    fc.assert(fc.property(fc.integer(), fc.uniqueArray(fc.integer(), { maxLength: 40 }), fc.nat(45), (seed, items, k) => {
      const sample = new Rng(seed).sample(items, k);
      expect(sample).toHaveLength(Math.min(k, items.length));
      expect(new Set(sample).size).toBe(sample.length);
      for (const item of sample) expect(items).toContain(item);
      expect(new Rng(seed).sample(items, k)).toEqual(sample);
    }));
    const counts = new Array<number>(10).fill(0);
    const rng = new Rng(5);
    for (let i = 0; i < 10_000; i++) for (const j of rng.sample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2)) counts[j] = (counts[j] ?? 0) + 1;
    for (const n of counts) expect(Math.abs(n - 2_000)).toBeLessThan(200);
  });

  it('picks members and refuses an empty list', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 50; i++) expect(['a', 'b', 'c']).toContain(rng.pick(['a', 'b', 'c']));
    expect(() => rng.pick([])).toThrow(/empty/);
  });

  it('forks independent, reproducible streams', () => {
    const a = new Rng(11).fork();
    const b = new Rng(11).fork();
    expect(stream(a, 10)).toEqual(stream(b, 10));
    expect(stream(new Rng(11).fork(), 10)).not.toEqual(stream(new Rng(11), 10));
  });
});
