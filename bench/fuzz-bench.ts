// fuzz: how many generated scenarios (about 20 messages and up to 2 fault windows each, the default arbitrary) a
// campaign runs and judges per second, with one worker thread per core, and its speed-up over one worker. Each
// measurement is a fresh `mailflow fuzz` process, so both start equally cold (a warmed-up main thread against cold
// worker threads would understate the speed-up). Goal (issue 8): 500 runs per second per core, near-linear speed-up.
//
// The rate is a long campaign's (20,000 runs): a fuzz run executes much of the code base a few times each, so V8
// keeps optimising functions for several thousand runs, and a short campaign measures mostly that warm-up (runs
// 1-500 go at about a third of the rate of runs 5,000-5,500 in one process; on one core per worker, as with two
// workers on two cores, a 3,000-run campaign is nearly all warm-up). The warm-up is not hidden: `coldRunsPerSec` is
// a default-size campaign (1,000 runs, one worker), what a short local run gets.
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FuzzResult } from '../harness/fuzz/fuzz-result.js';
import { DEFAULT_RUNS } from '../harness/fuzz/fuzz-campaign.js';

export interface FuzzBench {
  runsPerSec: number;
  workers: number;
  speedup: number;
  /** Runs per campaign behind runsPerSec and speedup. */
  runs: number;
  /** A default-size campaign (DEFAULT_RUNS) on one worker: the rate a short run gets while V8 warms up. */
  coldRunsPerSec: number;
}

const RUNS = 20_000;
const SEED = 2026;
const CLI = fileURLToPath(new URL('../harness/cli/main.js', import.meta.url));

function rate(workers: number, runs: number, outDir: string): number {
  const args = [CLI, 'fuzz', '--seed', String(SEED), '--runs', String(runs), '--workers', String(workers), '--json', '--no-progress', '--out', outDir];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  // A failing run would be shrunk inside the measurement and means the model has a bug: say so instead.
  if (child.status !== 0) throw new Error(`fuzz benchmark: mailflow fuzz exited ${child.status ?? child.signal}; run it with the same options to see why`);
  return (JSON.parse(child.stdout) as FuzzResult).runsPerSec;
}

export function benchFuzz(): FuzzBench {
  const workers = Math.max(2, availableParallelism());
  const outDir = mkdtempSync(join(tmpdir(), 'mailflow-fuzz-bench-'));
  try {
    const cold = rate(1, DEFAULT_RUNS, outDir);
    const one = rate(1, RUNS, outDir);
    const many = rate(workers, RUNS, outDir);
    return { runsPerSec: many, workers, speedup: Math.round((many / one) * 100) / 100, runs: RUNS, coldRunsPerSec: cold };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
