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
 * bar, get through that often (a few tens of ms of runs once warm; longer while cold or with --check-determinism).
 */
const OWN_CHUNK_RUNS = 50;

/**
 * The most threads --workers may ask for. Each worker thread loads and warms up the code on its own, some 40 MB apiece
 * (300 of them took 12.6 GB), and the result is the same for any number: past the cores they only cost memory. 64
 * is a large machine's cores and about 2.6 GB; it is fixed rather than taken from this machine, so that a campaign's
 * command line is accepted alike on every machine its shards run on (more than the cores gets a warning instead).
 */
export const MAX_WORKERS = 64;

/** Why a campaign stopped early: the first error from any thread or from the caller's progress display. */
interface Failure {
  readonly reason: unknown;
}

export async function runRuns(
  settings: FuzzSettings, runNumbers: readonly number[], workers: number, onProgress?: (progress: PartProgress) => void,
): Promise<PartResult> {
  if (workers <= 1 || runNumbers.length < 2) return runPart(settings, runNumbers, onProgress);
  // Only the settings cross to the workers (a caller's object may carry callbacks, which cannot be cloned).
  const { seed, runs, shard, checkDeterminism, arb } = settings;
  const plain: FuzzSettings = { seed, runs, shard, checkDeterminism, arb };
  const slices = Array.from({ length: Math.min(workers, runNumbers.length) }, (_, w) => runNumbers.filter((_, i) => i % workers === w));
  const progress = slices.map((): PartProgress => ({ runs: 0, failures: 0 }));
  let failed: Failure | null = null;
  const threads: Worker[] = [];
  // The first failure anywhere stops everything: the other threads' runs could no longer change the outcome.
  const stopAll = async (reason: unknown): Promise<never> => {
    failed ??= { reason };
    await Promise.allSettled(threads.map((t) => t.terminate()));
    throw failed.reason;
  };
  const report = () => {
    if (failed !== null) return;
    try {
      onProgress?.(progress.reduce((a, b) => ({ runs: a.runs + b.runs, failures: a.failures + b.failures })));
    } catch (error) {
      // The caller's progress display failed. Called from a worker's message, a throw would be an uncaught exception:
      // it is a failure like any other, and the campaign ends with it.
      stopAll(error).catch(() => {});
    }
  };
  const workerParts = slices.slice(1).map((slice, i) => runInWorker(plain, slice, threads, (message) => {
    progress[i + 1] = message;
    report();
  }).catch(stopAll));
  // Attached now, so a worker that fails while this thread runs is no unhandled rejection; this thread sees it
  // between chunks and stops.
  const settled = Promise.all(workerParts);
  settled.catch(() => {});
  let own: PartResult;
  try {
    own = await runOwnSlice(settings, slices[0] ?? [], () => failed !== null, (message) => {
      progress[0] = message;
      report();
    });
  } catch (error) {
    return stopAll(error);
  }
  const parts = await settled;
  // A progress report may have failed after the last worker's part came in (stopAll sets `failed`, out of sight of
  // TypeScript's narrowing).
  const failure = failed as Failure | null;
  if (failure !== null) throw failure.reason;
  return parts.reduce(combineParts, own);
}

function runInWorker(
  settings: FuzzSettings, runNumbers: number[], threads: Worker[], onProgress: (progress: PartProgress) => void,
): Promise<PartResult> {
  return new Promise<PartResult>((resolve, reject) => {
    const worker = new Worker(new URL('./fuzz-worker.js', import.meta.url), { workerData: { settings, runNumbers } satisfies WorkerInput });
    threads.push(worker);
    let result: PartResult | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message);
      else result = { runs: message.runs, failures: message.failures, firstFailure: message.firstFailure };
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result === null ? reject(new Error(`a fuzz worker thread exited with code ${code} before it finished`)) : resolve(result)));
  });
}

/**
 * This thread's slice, in chunks with a turn of the event loop between them (and a look at whether another thread
 * failed); progress counts the whole slice.
 */
async function runOwnSlice(
  settings: FuzzSettings, runNumbers: readonly number[], stopped: () => boolean, onProgress: (progress: PartProgress) => void,
): Promise<PartResult> {
  const generator = caseGenerator(settings.arb);
  let done = EMPTY_PART;
  for (let start = 0; start < runNumbers.length && !stopped(); start += OWN_CHUNK_RUNS) {
    const before = done;
    const chunk = runPart(settings, runNumbers.slice(start, start + OWN_CHUNK_RUNS),
      (p) => onProgress({ runs: before.runs + p.runs, failures: before.failures + p.failures }), generator);
    done = combineParts(done, chunk);
    onProgress(done);
    // A real turn of the event loop on purpose, so the workers' messages get through; no run sees it.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return done;
}
