// Ctrl-C (or SIGTERM from a job runner) during a long run. A synchronous run never lets a signal listener run, and
// with no listener Node dies at once, leaving a trace's temporary file (up to gigabytes at scale) beside the target.
// So the run command listens for the signals, yields to the event loop now and then to hear them, and when one
// came, discards its outputs, says where the run was and what became of its outputs, and ends by the same signal, as
// a shell expects.
import { performance } from 'node:perf_hooks';
import type { RunInProgress } from '../run/run-scenario.js';

/** How long a run goes between chances for a signal to be heard: short for a person, long for the run. */
const YIELD_EVERY_MS = 100;

export class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

export interface InterruptWatch {
  /** Yields to the event loop, then throws Interrupted if a signal came meanwhile. */
  checkpoint(): Promise<void>;
  /** Plays a run to its end, with checkpoints every YIELD_EVERY_MS of wall time. */
  play(run: RunInProgress): Promise<void>;
  /** Yields once more, then the signal that came and was not acted on (one after the last checkpoint), or null. */
  settle(): Promise<NodeJS.Signals | null>;
  /** Stops listening: from here on a signal ends the process as Node's default does. */
  dispose(): void;
}

export function watchInterrupt(): InterruptWatch {
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    received = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const checkpoint = async (): Promise<void> => {
    await yieldToEventLoop();
    if (received !== null) throw new Interrupted(received);
  };
  return {
    checkpoint,
    async play(run) {
      let lastYieldMs = performance.now();
      while (run.advance()) {
        if (performance.now() - lastYieldMs < YIELD_EVERY_MS) continue;
        await checkpoint();
        lastYieldMs = performance.now();
      }
    },
    async settle() {
      // A signal during the synchronous work after the last checkpoint is heard only once the event loop runs.
      await yieldToEventLoop();
      return received;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** An output of a stopped run: where it went, what it is (`the trace`), and whether it was written in place. */
export interface StoppedOutput {
  readonly path: string;
  readonly what: string;
  /** A FIFO, a device, `/dev/stdout` or `>(cmd)` (output-target.ts): written as the run went, with nothing to remove. */
  readonly inPlace: boolean;
}

/**
 * What a stopped run says of its outputs, after where it stopped. A regular file's temporary was removed, so nothing
 * reached it; an output written in place got what was written before the signal (the trace a megabyte at a time, a
 * report being written), and no one can take that back from a FIFO's reader: said so, not "nothing written".
 */
export function stoppedOutputs(outputs: readonly StoppedOutput[]): string {
  const removed = outputs.filter((o) => !o.inPlace).map((o) => o.path);
  const parts = removed.length === 0 ? [] : [`nothing written to ${removed.join(', ')}`];
  for (const o of outputs.filter((out) => out.inPlace)) {
    parts.push(`${o.path} is written in place (not a regular file) and may already have received part of ${o.what}, cut off where the run stopped`);
  }
  return parts.map((p) => `; ${p}`).join('');
}

/** Lets the event loop run once: the only moment a signal listener is called. */
function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Ends the process by the signal it was interrupted by, once nothing listens for it any more (a parent shell or job
 * runner then sees a death by SIGINT, and stops a script as it would for any program). The exit code is the
 * fallback should the signal not end it: 128 + its number, what a shell reports.
 */
export function endBy(signal: NodeJS.Signals): number {
  process.kill(process.pid, signal);
  return signal === 'SIGINT' ? 130 : 143;
}
