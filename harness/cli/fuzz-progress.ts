// The progress bar of `mailflow fuzz`: runs done of the shard's runs, failures so far and the rate, on stderr. The
// rate reads the wall clock, which is why it lives here and not in the campaign's runs.
import { performance } from 'node:perf_hooks';
import { SingleBar } from 'cli-progress';
import type { PartProgress } from '../fuzz/fuzz-runner.js';
import type { ProgressStream } from './progress.js';
import { LineStream } from './line-stream.js';

/** Without a terminal the bar is printed as a line this often. */
const LINE_INTERVAL_MS = 1_000;

export class FuzzProgressBar {
  private readonly startedMs = performance.now();
  private readonly bar: SingleBar;
  private lastLineMs = 0;
  /** Off a terminal only: the lines go through here. */
  private readonly lines: LineStream | null;

  constructor(private readonly stream: ProgressStream, total: number) {
    this.lines = stream.isTTY === true ? null : new LineStream(stream);
    this.bar = new SingleBar({
      stream: (this.lines ?? stream) as NodeJS.WritableStream, format: 'fuzzing [{bar}] {value}/{total} runs | {failures} failed | {rate} runs/s',
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

  /** Ends the bar; off a terminal the last state is printed unless it already was. Safe to call twice. */
  stop(): void {
    if (this.lines === null) this.bar.stop();
    else this.lines.whileStopping(() => this.bar.stop());
  }
}
