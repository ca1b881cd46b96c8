// `mailflow fuzz merge`: combines the results of a campaign's shards (each `--json` output of `--shard i/n`) into the
// campaign's result: runs and failures add up, the counterexample is the shards' smallest failing run, and the rate
// is the shards' rates together (they ran side by side).
import type { FuzzResult } from './fuzz-result.js';

export function mergeResults(results: readonly FuzzResult[]): FuzzResult | string {
  const first = results[0];
  if (first === undefined) return 'nothing to merge';
  const seeds = new Set(results.map((r) => r.seed));
  if (seeds.size > 1) return `the shards come from different campaigns (seeds ${[...seeds].join(', ')})`;
  const bugs = new Set(results.map((r) => r.injectBug));
  if (bugs.size > 1) return `the shards come from different campaigns (injected defects ${[...bugs].join(', ')})`;
  const shards = results.map((r) => r.shard);
  const duplicate = shards.find((s, i) => shards.indexOf(s) !== i);
  if (duplicate !== undefined && duplicate !== '1/1') return `shard ${duplicate} is there twice`;
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
  };
}

function sum(results: readonly FuzzResult[], of: (r: FuzzResult) => number): number {
  return results.reduce((total, r) => total + of(r), 0);
}
