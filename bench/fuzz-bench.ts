// fuzz: how many generated scenarios (about 20 messages and up to 2 fault windows each, the default arbitrary) a
// campaign runs and judges per second, with one worker thread per core, and its speed-up over one worker. Each
// measurement is a fresh `mailflow fuzz` process, so both start equally cold (a warmed-up main thread against cold
// worker threads would understate the speed-up). Goal (issue 8): 500 runs per second per core, near-linear speed-up.
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FuzzResult } from '../harness/fuzz/fuzz-result.js';

export interface FuzzBench {
  runsPerSec: number;
  workers: number;
  speedup: number;
}

const RUNS = 3_000;
const SEED = 2026;
const CLI = fileURLToPath(new URL('../harness/cli/main.js', import.meta.url));

function rate(workers: number, outDir: string): number {
  const args = [CLI, 'fuzz', '--seed', String(SEED), '--runs', String(RUNS), '--workers', String(workers), '--json', '--no-progress', '--out', outDir];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  // A failing run would be shrunk inside the measurement and means the model has a bug: say so instead.
  if (child.status !== 0) throw new Error(`fuzz benchmark: mailflow fuzz exited ${child.status ?? child.signal}; run it with the same options to see why`);
  return (JSON.parse(child.stdout) as FuzzResult).runsPerSec;
}

export function benchFuzz(): FuzzBench {
  const workers = Math.max(2, availableParallelism());
  const outDir = mkdtempSync(join(tmpdir(), 'mailflow-fuzz-bench-'));
  try {
    const one = rate(1, outDir);
    const many = rate(workers, outDir);
    return { runsPerSec: many, workers, speedup: Math.round((many / one) * 100) / 100 };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
