// Run seeds and shards (design.md, "Fuzzing and scale-out stay deterministic").
import { describe, expect, it } from 'vitest';
import { parseShard, runSeed, shardRuns } from '../../../harness/fuzz/fuzz-seed.js';

describe('fuzz seeds and shards', () => {
  it('derives run k\'s seed from (seed, k) alone, as a 32-bit whole number, different for neighbours', () => {
    const seeds = Array.from({ length: 1000 }, (_, k) => runSeed(7, k));
    expect(new Set(seeds).size).toBe(1000);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s <= 0xffff_ffff)).toBe(true);
    expect(runSeed(7, 3)).toBe(seeds[3]);
    expect(runSeed(8, 3)).not.toBe(runSeed(7, 3));
    // Pinned: a campaign's seeds must not change between versions, or old seeds stop reproducing.
    expect(runSeed(42, 0)).toBe(3261428930);
  });

  it('splits runs over shards: k mod n = i - 1, 1-based, each run in exactly one shard', () => {
    expect(shardRuns(10, { index: 1, count: 3 })).toEqual([0, 3, 6, 9]);
    expect(shardRuns(10, { index: 3, count: 3 })).toEqual([2, 5, 8]);
    const all = [1, 2, 3, 4].flatMap((index) => shardRuns(25, { index, count: 4 })).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 25 }, (_, k) => k));
  });

  it('reads i/n and refuses anything else with a reason', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('0/8')).toMatch(/1 to n/);
    expect(parseShard('9/8')).toMatch(/1 to n/);
    expect(parseShard('2-8')).toMatch(/i\/n/);
    // A count past exact whole numbers (here: Infinity once read) is refused, not taken.
    expect(parseShard(`1/${'9'.repeat(400)}`)).toMatch(/whole number/);
    expect(parseShard('1/9007199254740992')).toMatch(/whole number/);
  });
});
