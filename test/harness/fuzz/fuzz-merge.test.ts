// `fuzz merge` combines only the shards of one campaign: the same seed, defect and campaign options, every slice once,
// each with all the runs its slice holds. Anything else would print a result no campaign gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { campaignShape, generatorFingerprint } from '../../../harness/fuzz/fuzz-campaign.js';
import { mergeResults } from '../../../harness/fuzz/fuzz-merge.js';
import type { CampaignShape, FuzzResult } from '../../../harness/fuzz/fuzz-result.js';
import { runSeed, shardRuns, sliceSize } from '../../../harness/fuzz/fuzz-seed.js';

const SHAPE: CampaignShape = campaignShape({ seed: 5, runs: 100, shard: { index: 1, count: 1 }, checkDeterminism: false, arb: {} });

/** Shard i/n of a 100-run campaign that passed, as `mailflow fuzz --json` prints it. */
function shard(index: number, count: number, campaign: Partial<CampaignShape> | null = {}): FuzzResult {
  const shape = { ...SHAPE, ...campaign };
  const runs = shardRuns(shape.runs, { index, count }).length;
  return {
    runs, failures: 0, seed: 5, failingSeed: null, runsPerSec: 100, counterexample: null, failingRun: null, problems: [],
    firstOffender: [], shrinkSteps: null, shard: `${index}/${count}`, workers: 1, injectBug: null, wallMs: 10,
    ...(campaign === null ? {} : { campaign: shape }),
  };
}

describe('fuzz merge', () => {
  it('fills the defaults into the campaign options a result records, with a fingerprint of what the generator draws', () => {
    const { generator, ...options } = SHAPE;
    expect(options).toEqual({ runs: 100, paths: ['router', 'sss', 'cutover'], maxMessages: 20, maxFaults: 2, allFaults: false, habits: false, checkDeterminism: false });
    expect(generator).toMatch(/^[0-9a-f]{16}$/);
    // The same options draw the same; other options (here: habits) draw other scenarios.
    expect(generatorFingerprint({})).toBe(generator);
    expect(generatorFingerprint({ habits: true })).not.toBe(generator);
  });

  it('merges the shards of one campaign, keeping its options', () => {
    const merged = mergeResults([shard(1, 3), shard(2, 3), shard(3, 3)]);
    expect(merged).toMatchObject({ runs: 100, failures: 0, shard: '1/3,2/3,3/3', campaign: SHAPE });
  });

  it('refuses shards that ran with different options, naming the option and the shards', () => {
    expect(mergeResults([shard(1, 2), shard(2, 2, { habits: true })])).toBe('the shards come from different campaigns (habits: false in shard 1/2, true in shard 2/2)');
    expect(mergeResults([shard(1, 2), shard(2, 2, { paths: ['router'] })])).toMatch(/paths: \["router","sss","cutover"\] in shard 1\/2, \["router"\] in shard 2\/2/);
    expect(mergeResults([shard(1, 2), shard(2, 2, { allFaults: true })])).toMatch(/allFaults/);
    expect(mergeResults([shard(1, 2), shard(2, 2, { maxMessages: 40 })])).toMatch(/maxMessages/);
    expect(mergeResults([shard(1, 2), shard(2, 2, { checkDeterminism: true })])).toMatch(/checkDeterminism/);
    // Another --runs leaves gaps or overlaps in the run numbers, even when every slice is there.
    expect(mergeResults([shard(1, 2), shard(2, 2, { runs: 50 })])).toMatch(/runs: 100 in shard 1\/2, 50 in shard 2\/2/);
    // A version that generates differently, with the same options.
    expect(mergeResults([shard(1, 2), shard(2, 2, { generator: '0123456789abcdef' })])).toMatch(/generator: /);
    // An option one shard does not state differs as well, whichever shard comes first.
    const { habits: _habits, ...partial } = SHAPE;
    const lacking = { ...shard(1, 2), campaign: partial as CampaignShape };
    expect(mergeResults([lacking, shard(2, 2)])).toBe('the shards come from different campaigns (habits: nothing in shard 1/2, false in shard 2/2)');
    expect(mergeResults([shard(2, 2), lacking])).toMatch(/habits: false in shard 2\/2, nothing in shard 1\/2/);
  });

  it('counts a slice without listing it, as shardRuns lists it (an empty slice too)', () => {
    fc.assert(fc.property(fc.nat({ max: 300 }), fc.integer({ min: 1, max: 12 }), fc.nat(), (runs, count, i) => {
      const shardOf = { index: (i % count) + 1, count };
      expect(sliceSize(runs, shardOf)).toBe(shardRuns(runs, shardOf).length);
    }));
    expect(mergeResults([shard(1, 3, { runs: 2 }), shard(2, 3, { runs: 2 }), shard(3, 3, { runs: 2 })])).toMatchObject({ runs: 2 });
  });

  it('refuses a shard with fewer runs than its slice holds (a file cut short or edited)', () => {
    const short = { ...shard(2, 2), runs: 10 };
    expect(mergeResults([shard(1, 2), short])).toBe('shard 2/2 made 10 runs, but its slice of a 100-run campaign holds 50');
  });

  it('merges results from before the options were recorded only with others like them', () => {
    expect(mergeResults([shard(1, 2, null), shard(2, 2, null)])).toMatchObject({ runs: 100 });
    expect(mergeResults([shard(1, 2), shard(2, 2, null)])).toMatch(/shard 2\/2 does not say which campaign options it ran with/);
    // Options without a generator fingerprint (the version before it): alike, they merge; with newer ones, not.
    const { generator: _generator, ...unprinted } = SHAPE;
    const old = (index: number) => ({ ...shard(index, 2), campaign: unprinted as CampaignShape });
    expect(mergeResults([old(1), old(2)])).toMatchObject({ runs: 100 });
    expect(mergeResults([shard(1, 2), old(2)])).toBe('shard 2/2 has no generator fingerprint (an older mailflow-sim wrote it): run it again');
  });

  it('names a few missing slices, however many a result claims', () => {
    const huge = { ...shard(1, 1), shard: '1/5000000000' };
    expect(mergeResults([huge])).toBe('shards 2/5000000000, 3/5000000000, 4/5000000000, 5/5000000000, 6/5000000000 and 4999999994 more are missing');
    expect(mergeResults([shard(1, 2)])).toBe('shard 2/2 is missing');
  });

  it('refuses a shard whose failure fields disagree with each other or with its slice (the engineer review)', () => {
    // Shard 2/2 makes the odd runs; run 11 failed, and its seed is the one run 11 draws.
    const failed = (run: number, more: Partial<FuzzResult> = {}): FuzzResult => ({
      ...shard(2, 2), failures: 1, failingRun: run, failingSeed: runSeed(5, run), counterexample: `fuzz-out/run-${run}.yaml`, ...more,
    });
    expect(mergeResults([shard(1, 2), failed(11)])).toMatchObject({ failingRun: 11, failingSeed: runSeed(5, 11), failures: 1 });
    expect(mergeResults([shard(1, 2), failed(4)])).toBe('shard 2/2 names failing run 4, which is not one of its runs (shard 2/2 makes run numbers 1, 3, ... below the campaign\'s runs)');
    // A run number of the wrong type is said so, not as another shard's run.
    expect(mergeResults([shard(1, 2), failed(11, { failingRun: '11' as unknown as number })])).toBe('shard 2/2\'s failingRun is "11", not a run number');
    expect(mergeResults([shard(1, 2), failed(101)])).toMatch(/^shard 2\/2 names failing run 101, which is not one of its runs/);
    expect(mergeResults([shard(1, 2), failed(11, { failingSeed: 7 })])).toBe(`shard 2/2 says failing seed 7, but run 11 of seed 5 draws ${runSeed(5, 11)}`);
    expect(mergeResults([shard(1, 2), failed(11, { failures: 0 })])).toBe('shard 2/2 names failing run 11 but says no failures');
    expect(mergeResults([shard(1, 2), { ...shard(2, 2), failures: 8 }])).toBe('shard 2/2 says 8 failures but names no failing run');
    expect(mergeResults([shard(1, 2), { ...shard(2, 2), failures: 51 }])).toBe('shard 2/2 says 51 failures in 50 runs');
    expect(mergeResults([shard(1, 2), { ...shard(2, 2), failingSeed: 3 }])).toBe('shard 2/2 names a failing seed or counterexample but no failing run');
  });
});
