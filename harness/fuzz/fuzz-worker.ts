// A worker thread of `mailflow fuzz --workers N`: runs the run numbers it was given and reports progress and its
// part of the result to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { runPart, type FuzzSettings } from './fuzz-runner.js';

export interface WorkerInput {
  readonly settings: FuzzSettings;
  readonly runNumbers: number[];
}

export type WorkerMessage =
  | { readonly kind: 'progress'; readonly runs: number; readonly failures: number }
  | { readonly kind: 'done'; readonly runs: number; readonly failures: number; readonly firstFailure: number | null };

const { settings, runNumbers } = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error('fuzz-worker runs in a worker thread');
const result = runPart(settings, runNumbers, (progress) => port.postMessage({ kind: 'progress', ...progress } satisfies WorkerMessage));
port.postMessage({ kind: 'done', ...result } satisfies WorkerMessage);
