// Spreads a shard's runs over worker threads: worker w takes every W-th run of the shard. Results combine by sums
// and a minimum, so the outcome is the same for any number of workers.
import { Worker } from 'node:worker_threads';
import { combineParts, EMPTY_PART, runPart, type FuzzSettings, type PartProgress, type PartResult } from './fuzz-runner.js';
import type { WorkerInput, WorkerMessage } from './fuzz-worker.js';

export async function runRuns(
  settings: FuzzSettings, runNumbers: readonly number[], workers: number, onProgress?: (progress: PartProgress) => void,
): Promise<PartResult> {
  if (workers <= 1 || runNumbers.length < 2) return runPart(settings, runNumbers, onProgress);
  // Only the settings cross to the workers (a caller's object may carry callbacks, which cannot be cloned).
  const { seed, runs, shard, checkDeterminism, arb } = settings;
  const plain: FuzzSettings = { seed, runs, shard, checkDeterminism, arb };
  const slices = Array.from({ length: Math.min(workers, runNumbers.length) }, (_, w) => runNumbers.filter((_, i) => i % workers === w));
  const progress = slices.map((): PartProgress => ({ runs: 0, failures: 0 }));
  const report = () => onProgress?.(progress.reduce((a, b) => ({ runs: a.runs + b.runs, failures: a.failures + b.failures })));
  const parts = await Promise.all(slices.map((slice, w) => new Promise<PartResult>((resolve, reject) => {
    const worker = new Worker(new URL('./fuzz-worker.js', import.meta.url), { workerData: { settings: plain, runNumbers: slice } satisfies WorkerInput });
    let result: PartResult | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') {
        progress[w] = message;
        report();
      } else {
        result = { runs: message.runs, failures: message.failures, firstFailure: message.firstFailure };
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result === null ? reject(new Error(`fuzz worker ${w + 1} exited with code ${code} before it finished`)) : resolve(result)));
  })));
  return parts.reduce(combineParts, EMPTY_PART);
}
