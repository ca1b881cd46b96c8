// The fuzz pool's failure paths (harness/fuzz/fuzz-pool.ts): this thread runs one slice and worker threads the others,
// and the first failure anywhere stops every thread at once instead of letting the rest finish their slices. Worker
// threads need the compiled code, so the test loads the pool from dist/ (npm test builds it first).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli.js';
import type * as Pool from '../../../harness/fuzz/fuzz-pool.js';
import { PROGRESS_EVERY_RUNS, type FuzzSettings, type PartProgress } from '../../../harness/fuzz/fuzz-runner.js';

const compiled = join(repoRoot, 'dist/harness/fuzz/fuzz-pool.js');

async function pool(): Promise<typeof Pool> {
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run 'npm run build' first (npm test does)`);
  return (await import(pathToFileURL(compiled).href)) as typeof Pool;
}

const RUNS = 4_000;
const runNumbers = Array.from({ length: RUNS }, (_, i) => i + 1);

function settings(arb: FuzzSettings['arb']): FuzzSettings {
  return { seed: 5, runs: RUNS, shard: { index: 1, count: 1 }, checkDeterminism: false, arb };
}

/** Every progress report seen. */
function progressLog() {
  const seen: PartProgress[] = [];
  return {
    onProgress: (p: PartProgress) => seen.push(p),
    runsSeen: () => Math.max(0, ...seen.map((p) => p.runs)),
  };
}

describe('fuzz pool: a failure stops every thread', () => {
  it('a worker thread that cannot start stops this thread after its first chunk, and the error comes back', async () => {
    const { runRuns } = await pool();
    const log = progressLog();
    // A function cannot be handed to a worker thread (structured clone): the worker fails before its first run, while
    // this thread (which never clones) would happily run its 2,000.
    const arb = { maxMessages: 3, notCloneable: () => 0 } as FuzzSettings['arb'];
    await expect(runRuns(settings(arb), runNumbers, 2, log.onProgress)).rejects.toThrow(/could not be cloned/);
    expect(log.runsSeen()).toBeGreaterThan(0);
    expect(log.runsSeen()).toBeLessThan(RUNS / 2);
  });

  it('a failure in this thread terminates the worker threads: nothing reports progress after the error', async () => {
    const { runRuns } = await pool();
    let calls = 0;
    let callsAtError: number | null = null;
    // The caller's progress display breaks on its first report, which comes from this thread's first runs (the worker
    // threads are still loading their code then). Workers left running would keep calling it.
    const onProgress = () => {
      calls++;
      if (calls === 1) throw new Error('the progress display broke');
    };
    const run = runRuns(settings({ maxMessages: 3 }), runNumbers, 3, onProgress);
    await expect(run.finally(() => { callsAtError = calls; })).rejects.toThrow(/the progress display broke/);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(calls).toBe(callsAtError);
  });

  it('a progress display that fails on a worker thread\'s report ends the campaign with its error, not the process', async () => {
    const { runRuns } = await pool();
    // Twenty runs on two threads, ten each; a thread reports every ten runs. This thread's report comes first (the
    // worker is still loading its code), so the total past ten comes in the worker's message, where the display
    // breaks. A throw there used to be an uncaught exception.
    const twenty = runNumbers.slice(0, 2 * PROGRESS_EVERY_RUNS);
    const onProgress = (p: PartProgress) => {
      if (p.runs > PROGRESS_EVERY_RUNS) throw new Error('the progress display broke on a worker report');
    };
    await expect(runRuns(settings({ maxMessages: 3 }), twenty, 2, onProgress)).rejects.toThrow(/broke on a worker report/);
  });
});
