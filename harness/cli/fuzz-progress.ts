// The progress bar of `mailflow fuzz`: runs done of the shard's runs, failures so far and the rate, on stderr. The
// rate reads the wall clock, which is why it lives here and not in the campaign's runs.
import { performance } from 'node:perf_hooks';
import { SingleBar } from 'cli-progress';
import type { PartProgress } from '../fuzz/fuzz-runner.js';
import type { ProgressStream } from './progress.js';

/** Without a terminal the bar is printed as a line this often. */
const LINE_INTERVAL_MS = 1_000;

export class FuzzProgressBar {
  private readonly startedMs = performance.now();
  private readonly bar: SingleBar;
  private lastLineMs = 0;

  constructor(private readonly stream: ProgressStream, total: number) {
    this.bar = new SingleBar({
      stream, format: 'fuzzing [{bar}] {value}/{total} runs | {failures} failed | {rate} runs/s',
      barsize: 20, clearOnComplete: true, noTTYOutput: true, linewrap: true, gracefulExit: false, hideCursor: false,
    });
    this.bar.start(Math.max(total, 1), 0, { failures: 0, rate: 0 });
  }

  readonly update = (progress: PartProgress): void => {
    const nowMs = performance.now();
    const rate = Math.round(progress.runs / Math.max((nowMs - this.startedMs) / 1000, 1e-3));
    this.bar.update(progress.runs, { failures: progress.failures, rate });
    if (this.stream.isTTY !== true && nowMs - this.lastLineMs >= LINE_INTERVAL_MS) {
      this.lastLineMs = nowMs;
      this.bar.render();
    }
  };

  stop(): void {
    this.bar.stop();
  }
}
