// The progress bar of `mailflow run`: on stderr (never stdout, which --json keeps for its one object), and only once a
// run has taken a second of wall time, so short runs and the tests' captured output stay quiet. It shows virtual time
// done against the horizon, then against the longest drain, then that the checks have begun, then that an output is
// being written (the report takes seconds at scale), and the events so far. It reads the wall clock, which is
// why it lives in the CLI: the run loop only reports virtual progress (RunOptions.onProgress) and stays deterministic.
import { performance } from 'node:perf_hooks';
import { SingleBar } from 'cli-progress';
import type { RunProgress } from '../run/run-scenario.js';
import { formatDurationMs } from '../scenario/duration.js';
import { LineStream } from './line-stream.js';
import { InputError } from '../scenario/input-error.js';
import { oneLineText } from '../scenario/terminal-text.js';

/** Runs shorter than this (wall time) show no bar. */
export const PROGRESS_DELAY_MS = 1_000;
/** Without a terminal (--progress into a pipe or file) the bar is printed as a line this often. */
const LINE_INTERVAL_MS = 1_000;

export interface ProgressStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export class RunProgressBar {
  private readonly startedMs = performance.now();
  private bar: SingleBar | null = null;
  /** Which run this is, when a command makes several (a plan's seeds and what-if variants); '' for one. */
  private label = '';
  private lastLineMs = 0;
  /** Off a terminal only: the lines go through here. */
  private readonly lines: LineStream | null;
  /** The run's last report, for the lines drawn after it (writing the outputs). */
  private last: RunProgress | null = null;

  constructor(private readonly stream: ProgressStream, private readonly delayMs = PROGRESS_DELAY_MS) {
    this.lines = stream.isTTY === true ? null : new LineStream(stream);
  }

  /** For RunOptions.onProgress. */
  readonly update = (progress: RunProgress): void => {
    this.last = progress;
    const nowMs = performance.now();
    const [doneMs, totalMs] = progress.phase === 'run' ? [progress.nowMs, progress.horizonMs]
      : progress.phase === 'drain' ? [progress.nowMs - progress.horizonMs, progress.drainEndMs - progress.horizonMs]
      : [1, 1];
    if (this.bar === null) {
      if (nowMs - this.startedMs < this.delayMs) return;
      this.bar = this.createBar();
      this.lastLineMs = nowMs;
      this.bar.start(Math.max(totalMs, 1), doneMs, payloadOf(progress, this.label));
      return;
    }
    this.bar.setTotal(Math.max(totalMs, 1));
    this.bar.update(doneMs, payloadOf(progress, this.label));
    // On a terminal cli-progress redraws from update() at most every 200 ms; elsewhere it waits for a timer, which a
    // synchronous run never lets fire, so print the line here once a second. The checks' line is drawn at once
    // either way: it is the last report, and the checks take seconds at scale.
    if (progress.phase === 'check' || (this.lines !== null && nowMs - this.lastLineMs >= LINE_INTERVAL_MS)) {
      this.lastLineMs = nowMs;
      this.bar.render();
    }
  };

  /**
   * After the checks: an output is being written (`the report`), drawn at once (it is the bar's last state until the
   * summary). Shown only once the command has taken its delay, as the rest of the bar.
   */
  writing(what: string): void {
    const last = this.last;
    if (last === null) return;
    const payload = { ...payloadOf(last, this.label), phase: 'writing', virtual: `simulated ${shown(last.nowMs, last.nowMs)}, writing ${what}` };
    this.lastLineMs = performance.now();
    if (this.bar === null) {
      if (this.lastLineMs - this.startedMs < this.delayMs) return;
      this.bar = this.createBar();
      this.bar.start(1, 1, payload);
      return;
    }
    this.bar.setTotal(1);
    this.bar.update(1, payload);
    this.bar.render();
  }

  /**
   * Names the run the next reports are about: `recommended, seed 2 of 4`. The label holds a plan's name: cli-progress
   * writes it raw beside its own cursor commands, so its control characters are escaped here (a line break would
   * break the bar's redraw too).
   */
  setLabel(label: string): void {
    const shown = oneLineText(label);
    if (shown === this.label) return;
    this.label = shown;
    // The next report of the new run is drawn at once: off a terminal a short run would otherwise show no line.
    this.lastLineMs = -Infinity;
  }

  /**
   * Ends the bar (a terminal's line is cleared, so the summary follows cleanly; off a terminal the last state is
   * printed unless it already was); safe to call when none was shown.
   */
  stop(): void {
    const bar = this.bar;
    if (bar === null) return;
    this.bar = null;
    if (this.lines === null) bar.stop();
    else this.lines.whileStopping(() => bar.stop());
  }

  private createBar(): SingleBar {
    return new SingleBar({
      stream: (this.lines ?? this.stream) as NodeJS.WritableStream,
      format: '{label}{phase} [{bar}] {percentage}% | {virtual} | {events} events',
      barsize: 20,
      clearOnComplete: true,
      noTTYOutput: true,
      // Trim to the terminal's width instead of switching line wrapping off, which an interrupted run would leave off.
      linewrap: true,
      // The bar's own SIGINT listener would exit without the command's clean-up: `run` hears the signal (interrupt.ts),
      // and `plan`, whose runs never yield, is ended by it at once.
      gracefulExit: false,
      hideCursor: false,
    });
  }
}

const PHASE_NAMES: Readonly<Record<RunProgress['phase'], string>> = { run: 'running', drain: 'draining', check: 'checking' };

function payloadOf(progress: RunProgress, label: string): { label: string; phase: string; virtual: string; events: string } {
  const drainTotalMs = progress.drainEndMs - progress.horizonMs;
  const virtual = progress.phase === 'run'
    ? `virtual ${shown(progress.nowMs, progress.horizonMs)} of ${shown(progress.horizonMs, progress.horizonMs)}`
    : progress.phase === 'drain'
      ? `drain ${shown(progress.nowMs - progress.horizonMs, drainTotalMs)} of at most ${shown(drainTotalMs, drainTotalMs)}`
      : `simulated ${shown(progress.nowMs, progress.nowMs)}, counting and checking`;
  return { label: label === '' ? '' : `${label}: `, phase: PHASE_NAMES[progress.phase], virtual, events: progress.events.toLocaleString('en-US') };
}

/** Virtual time to the minute (to the second when the whole is under an hour), so the line fits and does not flicker. */
function shown(ms: number, wholeMs: number): string {
  const unit = wholeMs >= 3_600_000 ? 60_000 : 1_000;
  return formatDurationMs(Math.floor(ms / unit) * unit);
}

/**
 * The bar for a run, or null: `--progress` forces it (a pipe or file gets one line per second), `--no-progress`
 * turns it off, and by default it shows only when stderr is a terminal.
 */
export function progressBarFor(
  wanted: boolean | undefined, stream: ProgressStream = process.stderr, env: NodeJS.ProcessEnv = process.env,
): RunProgressBar | null {
  // Read first: a bad value is refused whether or not this run shows a bar.
  const delayMs = progressDelayMs(env);
  const show = wanted ?? stream.isTTY === true;
  return show ? new RunProgressBar(stream, delayMs) : null;
}

/**
 * `MAILFLOW_PROGRESS_DELAY_MS` replaces the one-second delay: a test (or a demo) can see the bar on a run of any
 * length, instead of relying on a run being slow enough on the machine of the day.
 */
export function progressDelayMs(env: NodeJS.ProcessEnv): number {
  const text = env[PROGRESS_DELAY_VARIABLE];
  if (text === undefined || text === '') return PROGRESS_DELAY_MS;
  if (!/^\d+$/.test(text)) {
    throw new InputError([{ file: PROGRESS_DELAY_VARIABLE, line: 0, column: 0, path: '', message: `expected a whole number of milliseconds, got '${text}'` }]);
  }
  return Number(text);
}

const PROGRESS_DELAY_VARIABLE = 'MAILFLOW_PROGRESS_DELAY_MS';
