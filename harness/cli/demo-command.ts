// `mailflow demo [SCENARIO] [--out demo.html] [--lane router|sss|sync] [--json] [--narrate [--auto]] [--seed N]`: the
// trainer view. Runs a lesson's two lanes and writes the page, or prints one lane's run (the `mailflow run --json`
// contract), or tells the story in the terminal. Without a scenario it shows the first lesson; a shipped lesson may
// be named (`lesson-2`) instead of its file.
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { loadLesson, type Lesson } from '../demo/lane-variants.js';
import { buildDemo, runLane } from '../demo/build-demo.js';
import { NARRATION_KEYS, narrationBeats, narrationEnding, narrationMove, clockOf } from '../demo/narration.js';
import { renderDemoPage } from '../demo/page/render-demo-page.js';
import type { DemoData, LaneId } from '../demo/demo-data.js';
import { EXIT } from './exit-codes.js';
import { SHIPPED_SCENARIOS } from '../package-root.js';
import { checkWritable, writeOutput, writeOutputs } from './output-path.js';
import { recordFaults, renderReport } from '../report/render-report.js';
import { refuseOverwritingInputs } from './input-overwrite.js';
import { formatSummary } from './print-summary.js';
import { toRunJson } from './run-json.js';
import { shellQuoted } from '../fuzz/shell-quote.js';
import { toJunitXml } from './junit-xml.js';
import { formatDurationMs } from '../scenario/duration.js';
import { oneLineText } from '../scenario/terminal-text.js';
import { sayErr, sayOut, writeData } from './say.js';

export const DEFAULT_LESSON = join(SHIPPED_SCENARIOS, 'lesson-1-forward-mailbox.yaml');
export const DEFAULT_DEMO_OUT = 'demo.html';
const PAGE = 'the demo page';
const JUNIT = 'the JUnit report';
const REPORT = 'the report';

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
  /** With --lane: the lane's run as the HTML report `mailflow run --report` writes (the sync lane's has no file of its own to run). */
  readonly report?: string;
}

export async function demoCommand(file: string | undefined, options: DemoCommandOptions): Promise<number> {
  // The default lesson is named as a user would write it when it lies under the working directory (as in a checkout).
  const path = file === undefined ? shownPath(DEFAULT_LESSON) : lessonFile(file);
  if (path === null) {
    sayErr(`mailflow demo: no file ${oneLineText(file ?? '')}, and no shipped lesson of that name; the lessons are ${shippedLessons().join(', ')} (in ${shownPath(SCENARIOS)})`);
    return EXIT.badInput;
  }
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
  const { data } = buildDemo(lesson, { ...seedOf(options), onLaneDone: (lane) => sayErr(`mailflow demo: ${lane} lane done`) });
  warnLateCaptions(data, path);
  writeOutput(out, PAGE, () => renderDemoPage(data));
  if (options.json === true) {
    writeData(JSON.stringify({ scenario: data.scenario, out, lanes: Object.fromEntries(data.lanes.map((l) => [l.id, { ...l.run, counters: l.counters }])) }) + '\n');
  } else {
    sayErr(`mailflow demo: wrote ${oneLineText(out)}`);
    for (const line of narrationEnding(data)) sayErr(`  ${oneLineText(line)}`);
  }
  return verdictOf(data);
}

const SCENARIOS = SHIPPED_SCENARIOS;

/** The shipped lessons by name (`lesson-1-forward-mailbox`), in order. */
export function shippedLessons(): string[] {
  return readdirSync(SCENARIOS).filter((f) => /^lesson-.*\.yaml$/.test(f)).sort().map((f) => f.slice(0, -'.yaml'.length));
}

/**
 * The file to read for what the command line names: the file itself when it exists, or any path; else, for a bare
 * name, the shipped scenario of that name (`lesson-2-exchange-outage`, with or without `.yaml`) or the one lesson it
 * begins (`lesson-2`); null when there is none.
 */
function lessonFile(named: string): string | null {
  // A path is read as given: one that is not there is said by the reader, with the shipped copy of that name if
  // there is one (`scenarios/lesson-2-exchange-outage.yaml` from a project of one's own).
  if (existsSync(named) || /[\\/]/.test(named)) return named;
  const name = named.replace(/\.ya?ml$/, '');
  const exact = join(SCENARIOS, `${name}.yaml`);
  if (name !== '' && existsSync(exact)) return shownPath(exact);
  const lessons = shippedLessons().filter((lesson) => lesson.startsWith(`${name}-`));
  return lessons.length === 1 && lessons[0] !== undefined ? shownPath(join(SCENARIOS, `${lessons[0]}.yaml`)) : null;
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
    sayErr(`mailflow demo: warning: ${oneLineText(file)}: the caption at ${formatDurationMs(caption.atMs)} comes after the lesson ends (${formatDurationMs(data.endMs)}) and never shows`);
  }
}

/** One lane's variant, run as `mailflow run` runs a file: its summary, or with --json the run contract. */
function laneCommand(lesson: Lesson, file: string, lane: LaneId, options: DemoCommandOptions): number {
  // As `mailflow run` does: the outputs' paths are checked before the run, and written whole (all or none) after it.
  refuseOverwritingInputs([{ option: '--junit', path: options.junit }, { option: '--report', path: options.report }], lesson.files);
  if (options.junit !== undefined) checkWritable(options.junit, JUNIT);
  if (options.report !== undefined) checkWritable(options.report, REPORT);
  const faults = options.report === undefined ? undefined : recordFaults();
  const started = performance.now();
  const outcome = runLane(lesson, lane, options.seed, faults);
  const run = toRunJson(outcome, file, Math.round(performance.now() - started));
  const scenario = lesson.lanes[lane];
  writeOutputs([
    { path: options.junit, what: JUNIT, content: () => toJunitXml(run, `mailflow demo ${shellQuoted(file)} --lane ${lane} --seed ${run.seed}`) + '\n' },
    { path: options.report, what: REPORT, content: () => renderReport({ outcome, file, scenario, applied: faults?.applied ?? [] }) + '\n' },
  ]);
  if (options.json === true) writeData(JSON.stringify(run) + '\n');
  else sayOut(formatSummary(run));
  return run.verdict === 'pass' ? EXIT.pass : EXIT.fail;
}

function seedOf(options: DemoCommandOptions): { seed?: number } {
  return options.seed === undefined ? {} : { seed: options.seed };
}

function verdictOf(data: DemoData): number {
  return data.lanes.every((lane) => lane.run.verdict === 'pass') ? EXIT.pass : EXIT.fail;
}

/**
 * Prints the story a beat at a time: each line on stdin asks for the next beat (Enter), the next caption or operation
 * (`n`), or a jump to a time (`9:30`, `+20m`; narration.ts narrationMove); when stdin ends (or --auto), the rest.
 * The lines quote the lesson's subjects, addresses, Message-IDs and captions: sayOut shows their control characters
 * as escapes, and a step, the title and the closing lines are kept to one line each (oneLineText), so a subject
 * cannot add a line that reads as a clock, a lane or a verdict. The description is prose and keeps its line breaks.
 */
async function narrate(data: DemoData, auto: boolean): Promise<void> {
  const write = sayOut;
  write(oneLineText(data.title));
  if (data.description !== '') write(data.description);
  write(auto ? '' : `(${NARRATION_KEYS})\n`);
  const beats = narrationBeats(data);
  const reader = auto ? null : lineReader();
  try {
    let nowMs = 0;
    for (let next = 0; next < beats.length;) {
      let to = next;
      const line = reader === null ? null : await reader.next();
      if (line !== null) {
        const move = narrationMove(line, beats, next, nowMs, data);
        if (move.kind === 'say') {
          write(`  (${move.text})`);
          continue;
        }
        to = move.to;
      }
      if (to > next) write(`  (skipped ${to - next === 1 ? 'one step' : `${to - next} steps`}, ${clockOf(data, beats[next]?.atMs ?? 0)} to ${clockOf(data, beats[to - 1]?.atMs ?? 0)})`);
      const beat = beats[to];
      if (beat === undefined) break;
      write(`[${clockOf(data, beat.atMs)}]`);
      for (const text of beat.lines) write(`  ${oneLineText(asOneLine(text))}`);
      nowMs = beat.atMs;
      next = to + 1;
    }
  } finally {
    reader?.close();
  }
  write('\nAt the end:');
  for (const line of narrationEnding(data)) write(`  ${oneLineText(line)}`);
}

/**
 * A caption written over several lines (YAML `|` or `>`) read as one: its line breaks become spaces. Escaped as `\n`
 * by oneLineText they read as garbage in a trainer's terminal; kept, they would let a step's subject start a line.
 */
function asOneLine(text: string): string {
  return text.includes('\n') ? text.split('\n').map((part) => part.trim()).filter((part) => part !== '').join(' ') : text;
}

/** `next` resolves with each line typed on stdin, in order; once stdin has closed and nothing is left, with null. */
function lineReader(): { next: () => Promise<string | null>; close: () => void } {
  const lines = createInterface({ input: process.stdin });
  let waiting: ((line: string | null) => void) | null = null;
  const buffered: string[] = [];
  let closed = false;
  lines.on('line', (line) => {
    if (waiting !== null) {
      const resume = waiting;
      waiting = null;
      resume(line);
    } else {
      buffered.push(line);
    }
  });
  lines.on('close', () => {
    closed = true;
    waiting?.(null);
    waiting = null;
  });
  const next = (): Promise<string | null> => {
    const line = buffered.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (closed) return Promise.resolve(null);
    return new Promise<string | null>((resolve) => {
      waiting = resolve;
    });
  };
  return { next, close: () => lines.close() };
}
