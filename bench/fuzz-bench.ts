// fuzz: how many generated scenarios (about 20 messages and up to 2 fault windows each, the default arbitrary) a
// campaign runs and judges per second, with one worker thread and with one per core, and the speed-up between them.
// Goal (issue 8): 500 runs per second per core, and a near-linear speed-up.
import { availableParallelism } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCampaign } from '../harness/fuzz/fuzz-campaign.js';
import { WHOLE_CAMPAIGN } from '../harness/fuzz/fuzz-seed.js';

export interface FuzzBench {
  runsPerSec: number;
  workers: number;
  speedup: number;
}

const RUNS = 2_000;
const SEED = 2026;

async function rate(workers: number, outDir: string): Promise<number> {
  const result = await runCampaign({
    seed: SEED, runs: RUNS, shard: WHOLE_CAMPAIGN, workers, checkDeterminism: false, arb: {}, outDir, command: 'npm run bench',
  });
  // A failing run would be shrunk inside the measurement and means the model has a bug: say so instead.
  if (result.failures > 0) throw new Error(`fuzz benchmark: ${result.failures} runs failed; replay ${result.counterexample ?? '?'}`);
  return result.runsPerSec;
}

export async function benchFuzz(): Promise<FuzzBench> {
  const workers = Math.max(2, availableParallelism());
  const outDir = mkdtempSync(join(tmpdir(), 'mailflow-fuzz-bench-'));
  try {
    // One round first, so both measured rounds run on a warmed-up process.
    await rate(1, outDir);
    const one = await rate(1, outDir);
    const many = await rate(workers, outDir);
    return { runsPerSec: many, workers, speedup: Math.round((many / one) * 100) / 100 };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
