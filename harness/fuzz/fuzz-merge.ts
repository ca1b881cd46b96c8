// `mailflow fuzz merge`: combines the results of a campaign's shards (each `--json` output of `--shard i/n`) into the
// campaign's result: runs and failures add up, the counterexample is the shards' smallest failing run, and the rate
// is the shards' rates together (they ran side by side). Shards of different campaigns (another seed, defect, run
// count or generator option) would merge into a result no campaign gives: they are refused, naming what differs.
import type { CampaignShape, FuzzResult } from './fuzz-result.js';
import { parseShard, runSeed, sliceSize, type Shard } from './fuzz-seed.js';

export function mergeResults(results: readonly FuzzResult[]): FuzzResult | string {
  const first = results[0];
  if (first === undefined) return 'nothing to merge';
  const seeds = new Set(results.map((r) => r.seed));
  if (seeds.size > 1) return `the shards come from different campaigns (seeds ${[...seeds].join(', ')})`;
  const bugs = new Set(results.map((r) => r.injectBug));
  if (bugs.size > 1) return `the shards come from different campaigns (injected defects ${[...bugs].map((bug) => bug ?? 'none').join(', ')})`;
  const shards = results.map((r) => r.shard);
  const problem = shardProblem(shards) ?? shapeProblem(results) ?? results.map(failureProblem).find((p) => p !== null) ?? null;
  if (problem !== null) return problem;
  const failing = results.filter((r) => r.failingRun !== null).sort((a, b) => (a.failingRun ?? 0) - (b.failingRun ?? 0))[0];
  return {
    runs: sum(results, (r) => r.runs),
    failures: sum(results, (r) => r.failures),
    seed: first.seed,
    failingSeed: failing?.failingSeed ?? null,
    runsPerSec: sum(results, (r) => r.runsPerSec),
    counterexample: failing?.counterexample ?? null,
    failingRun: failing?.failingRun ?? null,
    problems: failing?.problems ?? [],
    firstOffender: failing?.firstOffender ?? [],
    shrinkSteps: failing?.shrinkSteps ?? null,
    shard: shards.join(','),
    workers: sum(results, (r) => r.workers),
    injectBug: first.injectBug,
    wallMs: Math.max(...results.map((r) => r.wallMs)),
    ...(first.campaign === undefined ? {} : { campaign: first.campaign }),
  };
}

/**
 * Every shard must state the same campaign options, and have made all the runs its slice of that campaign holds.
 * Results written before the options were recorded merge only with others like them (nothing to compare).
 */
function shapeProblem(results: readonly FuzzResult[]): string | null {
  const stated = results.filter((r) => r.campaign !== undefined);
  if (stated.length === 0) return null;
  const unstated = results.find((r) => r.campaign === undefined);
  if (unstated !== undefined) return `shard ${unstated.shard} does not say which campaign options it ran with (an older mailflow-sim wrote it): run it again`;
  const first = stated[0] as FuzzResult & { campaign: CampaignShape };
  const fingerprinted = stated.filter((r) => r.campaign?.generator !== undefined);
  const unprinted = stated.find((r) => r.campaign?.generator === undefined);
  if (fingerprinted.length > 0 && unprinted !== undefined) {
    return `shard ${unprinted.shard} has no generator fingerprint (an older mailflow-sim wrote it): run it again`;
  }
  for (const result of stated) {
    const campaign = result.campaign as CampaignShape;
    // Every option either names (a field one of them lacks differs too).
    const keys = [...new Set([...Object.keys(first.campaign), ...Object.keys(campaign)])] as Array<keyof CampaignShape>;
    const field = keys.find((key) => JSON.stringify(campaign[key]) !== JSON.stringify(first.campaign[key]));
    if (field !== undefined) {
      const shown = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
      return `the shards come from different campaigns (${field}: ${shown(first.campaign[field])} in shard ${first.shard}, ${shown(campaign[field])} in shard ${result.shard})`;
    }
    const expected = sliceSize(campaign.runs, parseShard(result.shard) as Shard);
    if (result.runs !== expected) return `shard ${result.shard} made ${result.runs} runs, but its slice of a ${campaign.runs}-run campaign holds ${expected}`;
  }
  return null;
}

/**
 * A shard's failure fields must agree with each other and with its slice: a failing run among its own runs, its seed
 * the one that run draws, failures only with a failing run. Hand-edited or mixed-up results otherwise merged into a
 * failing run that no shard made, beside another run's seed and counterexample (the engineer review).
 */
function failureProblem(result: FuzzResult): string | null {
  const { shard: text, runs, failures, failingRun, failingSeed, seed } = result;
  const shard = parseShard(text) as Shard;
  if (failures > runs) return `shard ${text} says ${failures} failures in ${runs} runs`;
  if (failingRun === null) {
    if (failures > 0) return `shard ${text} says ${failures} ${failures === 1 ? 'failure' : 'failures'} but names no failing run`;
    return failingSeed === null && result.counterexample === null ? null : `shard ${text} names a failing seed or counterexample but no failing run`;
  }
  if (!Number.isSafeInteger(failingRun)) return `shard ${text}'s failingRun is ${JSON.stringify(failingRun)}, not a run number`;
  if (failures === 0) return `shard ${text} names failing run ${failingRun} but says no failures`;
  const ownRun = failingRun >= shard.index - 1 && (failingRun - (shard.index - 1)) % shard.count === 0
    && (result.campaign === undefined || failingRun < result.campaign.runs);
  if (!ownRun) return `shard ${text} names failing run ${failingRun}, which is not one of its runs (shard ${text} makes run numbers ${shard.index - 1}, ${shard.index - 1 + shard.count}, ... below the campaign's runs)`;
  const drawn = runSeed(seed, failingRun);
  return failingSeed === drawn ? null : `shard ${text} says failing seed ${String(failingSeed)}, but run ${failingRun} of seed ${seed} draws ${drawn}`;
}

/** How many missing slices a refusal names. */
const MISSING_NAMED = 5;

/** The shards must be one campaign's: the same n, and each i from 1 to n exactly once. */
function shardProblem(shards: readonly string[]): string | null {
  const parsed = shards.map((text) => ({ text, shard: parseShard(text) }));
  const bad = parsed.find((p) => typeof p.shard === 'string');
  if (bad !== undefined) return `shard ${bad.text} is not i/n`;
  const counts = new Set(parsed.map((p) => (p.shard as Shard).count));
  if (counts.size > 1) return `the shards split the campaign differently (${shards.join(', ')})`;
  const n = [...counts][0] ?? 1;
  const seen = new Set<number>();
  for (const { text, shard } of parsed) {
    const index = (shard as Shard).index;
    if (seen.has(index)) return `shard ${text} is there twice`;
    seen.add(index);
  }
  if (seen.size === n) return null;
  // Name the first few missing slices only: a result may claim any number of them.
  const missing: number[] = [];
  for (let i = 1; i <= n && missing.length < MISSING_NAMED; i++) if (!seen.has(i)) missing.push(i);
  const more = n - seen.size - missing.length;
  const several = missing.length + more > 1;
  return `${several ? 'shards' : 'shard'} ${missing.map((i) => `${i}/${n}`).join(', ')}${more > 0 ? ` and ${more} more` : ''} ${several ? 'are' : 'is'} missing`;
}

function sum(results: readonly FuzzResult[], of: (r: FuzzResult) => number): number {
  return results.reduce((total, r) => total + of(r), 0);
}
