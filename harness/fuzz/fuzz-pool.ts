// Spreads a shard's runs over N threads: slice w takes every N-th run of the shard. This thread runs the first slice
// itself and N - 1 worker threads run the others: it has every module loaded already, while a worker thread takes
// about 0.6 s to load them before its first run. Results combine by sums and a minimum, so the outcome is the same
// for any number of workers.
import { Worker } from 'node:worker_threads';
import { caseGenerator } from './fuzz-generate.js';
import { combineParts, EMPTY_PART, runPart, type FuzzSettings, type PartProgress, type PartResult } from './fuzz-runner.js';
import type { WorkerInput, WorkerMessage } from './fuzz-worker.js';

/**
 * Runs this thread runs between chances for the event loop: the workers' progress messages, and with them the progress
 * bar, get through that often (about 50 ms of runs once warm).
 */
const OWN_CHUNK_RUNS = 50;

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
  const threads = slices.slice(1).map((slice, i) => runInWorker(plain, slice, (message) => {
    progress[i + 1] = message;
    report();
  }));
  // A worker that fails while this thread still runs is reported when this thread is done, not as an unhandled
  // rejection in between.
  const settled = Promise.allSettled(threads);
  const own = await runOwnSlice(settings, slices[0] ?? [], (message) => {
    progress[0] = message;
    report();
  });
  const parts = await settled;
  const failed = parts.find((p): p is PromiseRejectedResult => p.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return parts.reduce((sum, p) => combineParts(sum, (p as PromiseFulfilledResult<PartResult>).value), own);
}

function runInWorker(settings: FuzzSettings, runNumbers: number[], onProgress: (progress: PartProgress) => void): Promise<PartResult> {
  return new Promise<PartResult>((resolve, reject) => {
    const worker = new Worker(new URL('./fuzz-worker.js', import.meta.url), { workerData: { settings, runNumbers } satisfies WorkerInput });
    let result: PartResult | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message);
      else result = { runs: message.runs, failures: message.failures, firstFailure: message.firstFailure };
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result === null ? reject(new Error(`a fuzz worker thread exited with code ${code} before it finished`)) : resolve(result)));
  });
}

/** This thread's slice, in chunks with a turn of the event loop between them; progress counts the whole slice. */
async function runOwnSlice(settings: FuzzSettings, runNumbers: readonly number[], onProgress: (progress: PartProgress) => void): Promise<PartResult> {
  const generator = caseGenerator(settings.arb);
  let done = EMPTY_PART;
  for (let start = 0; start < runNumbers.length; start += OWN_CHUNK_RUNS) {
    const before = done;
    const chunk = runPart(settings, runNumbers.slice(start, start + OWN_CHUNK_RUNS),
      (p) => onProgress({ runs: before.runs + p.runs, failures: before.failures + p.failures }), generator);
    done = combineParts(done, chunk);
    onProgress(done);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return done;
}
