// `mailflow demo [SCENARIO] [--out demo.html] [--lane router|sss] [--json] [--narrate [--auto]] [--seed N]`: the
// trainer view. Runs a lesson's two lanes and writes the page, or prints one lane's run (the `mailflow run --json`
// contract), or tells the story in the terminal. Without a scenario it shows the first lesson.
import { isAbsolute, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { loadLesson, type Lesson } from '../demo/lane-variants.js';
import { buildDemo, runLane } from '../demo/build-demo.js';
import { narrationBeats, narrationEnding, clockOf } from '../demo/narration.js';
import { renderDemoPage } from '../demo/page/render-demo-page.js';
import type { DemoData, LaneId } from '../demo/demo-data.js';
import { EXIT } from './exit-codes.js';
import { packagePath } from '../package-root.js';
import { checkWritable, writeOutput } from './output-path.js';
import { refuseOverwritingInputs } from './input-overwrite.js';
import { formatSummary } from './print-summary.js';
import { toRunJson } from './run-json.js';
import { toJunitXml } from './junit-xml.js';
import { formatDurationMs } from '../scenario/duration.js';

export const DEFAULT_LESSON = packagePath('scenarios/lesson-1-forward-mailbox.yaml');
export const DEFAULT_DEMO_OUT = 'demo.html';
const PAGE = 'the demo page';
const JUNIT = 'the JUnit report';

export interface DemoCommandOptions {
  readonly out?: string;
  readonly lane?: LaneId;
  readonly json?: boolean;
  readonly narrate?: boolean;
  /** With --narrate: tell the whole story without waiting for Enter. */
  readonly auto?: boolean;
  readonly seed?: number;
  /** With --lane: the lane's run as JUnit XML, as `mailflow run --junit` writes it. */
  readonly junit?: string;
}

export async function demoCommand(file: string | undefined, options: DemoCommandOptions): Promise<number> {
  // The default lesson is named as a user would write it when it lies under the working directory (as in a checkout).
  const path = file ?? shownPath(DEFAULT_LESSON);
  const lesson = await loadLesson(path);
  if (options.lane !== undefined) return laneCommand(lesson, path, options.lane, options);
  if (options.narrate === true) {
    const { data } = buildDemo(lesson, seedOf(options));
    warnLateCaptions(data, path);
    await narrate(data, options.auto === true);
    return verdictOf(data);
  }
  const out = options.out ?? DEFAULT_DEMO_OUT;
  refuseOverwritingInputs([{ option: '--out', path: out }], lesson.files);
  checkWritable(out, PAGE);
  const { data } = buildDemo(lesson, { ...seedOf(options), onLaneDone: (lane) => process.stderr.write(`mailflow demo: ${lane} lane done\n`) });
  warnLateCaptions(data, path);
  writeOutput(out, PAGE, () => renderDemoPage(data));
  if (options.json === true) {
    process.stdout.write(JSON.stringify({ scenario: data.scenario, out, lanes: Object.fromEntries(data.lanes.map((l) => [l.id, { ...l.run, counters: l.counters }])) }) + '\n');
  } else {
    process.stderr.write(`mailflow demo: wrote ${out}\n`);
    for (const line of narrationEnding(data)) process.stderr.write(`  ${line}\n`);
  }
  return verdictOf(data);
}

function shownPath(absolute: string): string {
  const relativePath = relative(process.cwd(), absolute);
  return relativePath.startsWith('..') || isAbsolute(relativePath) ? absolute : relativePath;
}

/**
 * A caption after both lanes have ended never shows: the lesson is valid (how long the drain runs is known only once
 * it has run), but its author should hear of it.
 */
function warnLateCaptions(data: DemoData, file: string): void {
  for (const caption of data.captions) {
    if (caption.atMs <= data.endMs) continue;
    process.stderr.write(`mailflow demo: warning: ${file}: the caption at ${formatDurationMs(caption.atMs)} comes after the lesson ends (${formatDurationMs(data.endMs)}) and never shows\n`);
  }
}

/** One lane's variant, run as `mailflow run` runs a file: its summary, or with --json the run contract. */
function laneCommand(lesson: Lesson, file: string, lane: LaneId, options: DemoCommandOptions): number {
  // As `mailflow run` does: the JUnit file's path is checked before the run, and written whole after it.
  refuseOverwritingInputs([{ option: '--junit', path: options.junit }], lesson.files);
  if (options.junit !== undefined) checkWritable(options.junit, JUNIT);
  const started = performance.now();
  const outcome = runLane(lesson, lane, options.seed);
  const run = toRunJson(outcome, file, Math.round(performance.now() - started));
  writeOutput(options.junit, JUNIT, () => toJunitXml(run, `mailflow demo ${file} --lane ${lane} --seed ${run.seed}`));
  process.stdout.write((options.json === true ? JSON.stringify(run) : formatSummary(run)) + '\n');
  return run.verdict === 'pass' ? EXIT.pass : EXIT.fail;
}

function seedOf(options: DemoCommandOptions): { seed?: number } {
  return options.seed === undefined ? {} : { seed: options.seed };
}

function verdictOf(data: DemoData): number {
  return data.lanes.every((lane) => lane.run.verdict === 'pass') ? EXIT.pass : EXIT.fail;
}

/** Prints the story a beat at a time: each Enter on stdin shows the next; when stdin ends (or --auto), the rest. */
async function narrate(data: DemoData, auto: boolean): Promise<void> {
  const write = (text: string): void => {
    process.stdout.write(text + '\n');
  };
  write(`${data.title}`);
  if (data.description !== '') write(data.description);
  write(auto ? '' : '(Enter: next step; Ctrl-D: tell the rest)\n');
  const reader = auto ? null : enterReader();
  try {
    for (const beat of narrationBeats(data)) {
      await reader?.next();
      write(`[${clockOf(data, beat.atMs)}]`);
      for (const line of beat.lines) write(`  ${line}`);
    }
  } finally {
    reader?.close();
  }
  write('\nAt the end:');
  for (const line of narrationEnding(data)) write(`  ${line}`);
}

/** `next` resolves once per line typed on stdin; after stdin closes, at once. */
function enterReader(): { next: () => Promise<void>; close: () => void } {
  const lines = createInterface({ input: process.stdin });
  let waiting: (() => void) | null = null;
  let buffered = 0;
  let closed = false;
  lines.on('line', () => {
    if (waiting !== null) {
      const resume = waiting;
      waiting = null;
      resume();
    } else {
      buffered++;
    }
  });
  lines.on('close', () => {
    closed = true;
    waiting?.();
    waiting = null;
  });
  const next = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (buffered > 0) {
      buffered--;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      waiting = resolve;
    });
  };
  return { next, close: () => lines.close() };
}
