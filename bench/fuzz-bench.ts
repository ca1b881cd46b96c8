// fuzz: how many generated scenarios (about 10 messages and up to 2 fault windows each, the default arbitrary) a
// campaign runs and judges per second, with one thread per core, and its speed-up over one thread. Each
// measurement is a fresh `mailflow fuzz` process, so both start equally cold (a warmed-up main thread against cold
// worker threads would understate the speed-up). Goal (issue 8): 500 runs per second per core, near-linear speed-up.
//
// The rate is a long campaign's (20,000 runs): a fuzz run executes much of the code base a few times each, so V8
// keeps optimising functions for several thousand runs, and a short campaign measures mostly that warm-up (runs
// 1-500 go at about a third of the rate of runs 5,000-5,500 in one process; on one core per worker, as with two
// workers on two cores, a 3,000-run campaign is nearly all warm-up). The warm-up is not hidden: `coldRunsPerSec` is
// a default-size campaign (1,000 runs, one worker), what a short local run gets.
//
// `independentSpeedup` is what the machine itself allows: as many separate one-worker `mailflow fuzz` processes as
// there are workers, each running one shard of the same campaign (`--shard i/n`: the runs one worker of the pool
// gets), started together; all their runs over the slowest one's time, against the one-worker rate. Nothing is shared
// between them but the hardware, so where `speedup` and it both stay well below the worker count, the limit is the
// machine (cores that V8's background threads also need, shared caches and memory), not the pool.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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
  /** Separate one-worker processes, one shard of the campaign each, run at once: their combined rate over the one-worker rate. */
  independentSpeedup: number;
}

const RUNS = 20_000;
const SEED = 2026;
const CLI = fileURLToPath(new URL('../harness/cli/main.js', import.meta.url));

function fuzzArgs(workers: number, outDir: string, runs: number, shard = '1/1'): string[] {
  return [CLI, 'fuzz', '--seed', String(SEED), '--runs', String(runs), '--workers', String(workers), '--shard', shard, '--json', '--no-progress', '--out', outDir];
}

function resultOf(args: readonly string[], status: number | null, signal: string | null, stdout: string): FuzzResult {
  const command = `mailflow ${args.slice(1).join(' ')}`;
  // A failing run would be shrunk inside the measurement and means the model has a bug: say so instead.
  if (status !== 0) throw new Error(`fuzz benchmark: \`${command}\` exited ${status ?? signal}; run it to see why`);
  try {
    return JSON.parse(stdout) as FuzzResult;
  } catch (error) {
    throw new Error(`fuzz benchmark: \`${command}\` printed no JSON result (${(error as Error).message})`);
  }
}

function rate(workers: number, runs: number, outDir: string): number {
  const args = fuzzArgs(workers, outDir, runs);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return resultOf(args, child.status, child.signal, child.stdout).runsPerSec;
}

/**
 * The campaign of `runs` runs as `count` one-worker processes started together, one shard each: all their runs over
 * the slowest one's time (each process times its own runs, as the pool does, so process start-up is left out).
 */
async function independentRate(count: number, runs: number, outDir: string): Promise<number> {
  const children: ChildProcess[] = [];
  const results = Promise.all(Array.from({ length: count }, (_, i) => new Promise<FuzzResult>((resolve, reject) => {
    const args = fuzzArgs(1, outDir, runs, `${i + 1}/${count}`);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.on('error', reject);
    child.on('close', (status, signal) => {
      try {
        resolve(resultOf(args, status, signal, stdout));
      } catch (error) {
        reject(error as Error);
      }
    });
  })));
  try {
    const all = await results;
    const slowestMs = Math.max(...all.map((r) => r.wallMs));
    return all.reduce((sum, r) => sum + r.runs, 0) / (slowestMs / 1000);
  } catch (error) {
    // One failed: stop the others before the caller removes the folder they write to.
    for (const child of children) child.kill();
    throw error;
  }
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

export async function benchFuzz(): Promise<FuzzBench> {
  const workers = Math.max(2, availableParallelism());
  const outDir = mkdtempSync(join(tmpdir(), 'mailflow-fuzz-bench-'));
  try {
    const cold = rate(1, DEFAULT_RUNS, outDir);
    const one = rate(1, RUNS, outDir);
    const many = rate(workers, RUNS, outDir);
    const independent = await independentRate(workers, RUNS, outDir);
    return { runsPerSec: many, workers, speedup: ratio(many, one), runs: RUNS, coldRunsPerSec: cold, independentSpeedup: ratio(independent, one) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
