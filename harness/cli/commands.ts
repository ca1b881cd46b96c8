// The CLI's commands. Each returns an exit code; input problems surface as InputError and become exit code 2.
import { sayWarnings } from './say-warnings.js';
import { sayErr, sayOut, writeData } from './say.js';
import { oneLineText } from '../scenario/terminal-text.js';
import { performance } from 'node:perf_hooks';
import type { TraceRecord } from '../../sim/core/trace.js';
import { loadScenario, loadScenarioWithFiles, readTextFile } from '../scenario/load-scenario.js';
import { loadPlanFile } from '../plan/load-plan.js';
import { loadLesson } from '../demo/lane-variants.js';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../scenario/input-error.js';
import { AtomicLineWriter, commitAll } from '../run/atomic-write.js';
import { outputTarget } from '../run/output-target.js';
import { startRun, type RunInProgress } from '../run/run-scenario.js';
import { endBy, Interrupted, stoppedOutputs, watchInterrupt, type InterruptWatch } from './interrupt.js';
import { checkHeapFits } from './heap-preflight.js';
import { formatDurationMs } from '../scenario/duration.js';
import { EXIT } from './exit-codes.js';
import { formatSummary } from './print-summary.js';
import { toRunJson } from './run-json.js';
import { toJunitXml } from './junit-xml.js';
import { progressBarFor } from './progress.js';
import { checkWritable } from './output-path.js';
import { refuseOverwritingInputs } from './input-overwrite.js';
import { FAULT_RECORD_KINDS, recordFaults, renderReport } from '../report/render-report.js';
import { runWireCommand } from './wire-commands.js';
import { outboundWarnings } from '../run/wire-outbound-target.js';

export interface RunCommandOptions {
  readonly seed?: number;
  readonly json?: boolean;
  readonly trace?: string;
  readonly junit?: string;
  /** Write a self-contained HTML report here. */
  readonly report?: string;
  /** true: always show the progress bar (on stderr); false: never; default: when stderr is a terminal. */
  readonly progress?: boolean;
  /** Run over real sockets (docs/wire.md), virtual time following the wall clock times `timeScale`. */
  readonly wire?: boolean;
  readonly timeScale?: number;
  /** With --wire: CRM's outbound goes to this real SMTP server (docs/wire.md). */
  readonly outboundSmtp?: string;
}

export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  if (options.wire === true) return runWireCommand(file, options);
  if (options.timeScale !== undefined) throw new InputError([{ file, line: 0, column: 0, path: '', message: '--time-scale goes with --wire' }]);
  if (options.outboundSmtp !== undefined) throw new InputError([{ file, line: 0, column: 0, path: '', message: '--outbound-smtp goes with --wire' }]);
  const { scenario, files, warnings } = await loadScenarioWithFiles(file);
  sayWarnings(warnings);
  refuseOverwritingInputs([{ option: '--trace', path: options.trace }, { option: '--junit', path: options.junit }, { option: '--report', path: options.report }], files);
  checkHeapFits(scenario, file, { report: options.report !== undefined });
  // Output files are opened before the run, so a path that cannot be written fails at once (exit 2), not after it.
  const outputs: Output[] = [];
  let interrupt: InterruptWatch | null = null;
  let run: RunInProgress | null = null;
  try {
    const traceWriter = options.trace === undefined ? null : openOutput(outputs, options.trace, 'the trace');
    const junitWriter = options.junit === undefined ? null : openOutput(outputs, options.junit, 'the JUnit report');
    const reportWriter = options.report === undefined ? null : openOutput(outputs, options.report, 'the report');
    // Listened for once the outputs are open: opening a FIFO may wait for its reader, and Ctrl-C must end that wait.
    const watch = watchInterrupt();
    interrupt = watch;
    const traceSink = traceWriter === null ? undefined : (r: TraceRecord) => traceWriter.line(JSON.stringify(r));
    // The report's bands need the faults as applied; watching the trace sees them all (scheduled by models too).
    const faults = reportWriter === null ? null : recordFaults(traceSink);
    const progress = progressBarFor(options.progress);
    const started = performance.now();
    let json;
    try {
      run = startRun(scenario, {
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(faults !== null ? { traceSink: faults.sink } : traceSink === undefined ? {} : { traceSink }),
        // With no --trace file, the report's recorder is the only reader: make only the records it reads.
        ...(faults !== null && traceSink === undefined ? { traceKinds: FAULT_RECORD_KINDS } : {}),
        ...(progress === null ? {} : { onProgress: progress.update }),
      }, true);
      await watch.play(run);
      const outcome = run.conclude();
      // The wall time of the run and its checks (README: wallMs); writing the outputs, which follows, is not in it.
      json = toRunJson(outcome, file, Math.round(performance.now() - started));
      junitWriter?.line(toJunitXml(json));
      if (faults !== null && reportWriter !== null) {
        progress?.writing('the report');
        reportWriter.line(renderReport({ outcome, file, scenario, applied: faults.applied }));
      }
      // Counting, checking and the report take seconds at scale: a Ctrl-C meanwhile still stops before any rename.
      await watch.checkpoint();
      commitAll(outputs);
    } finally {
      progress?.stop();
    }
    if (options.json === true) writeData(JSON.stringify(json) + '\n');
    else sayOut(formatSummary(json));
    // A signal that came after the last checkpoint: the outputs are whole, but a job runner's SIGTERM still ends it.
    const late = await watch.settle();
    watch.dispose();
    if (late !== null) return endBy(late);
    return json.verdict === 'pass' ? EXIT.pass : EXIT.fail;
  } catch (error) {
    for (const { writer } of outputs) writer.discard();
    if (!(error instanceof Interrupted)) throw error;
    const where = run === null ? '' : ` at ${formatDurationMs(run.nowMs())} of virtual time (horizon ${formatDurationMs(scenario.horizon)})`;
    sayErr(`mailflow run: stopped by ${error.signal}${where}${stoppedOutputs(outputs)}`);
    interrupt?.dispose();
    return endBy(error.signal);
  } finally {
    interrupt?.dispose();
  }
}

/** An output being written: `what` names it in messages (`the trace`); `inPlace`: not a regular file (output-target.ts). */
export interface Output {
  readonly writer: AtomicLineWriter;
  readonly path: string;
  readonly what: string;
  readonly inPlace: boolean;
}

/**
 * An output file that cannot be written is bad input (exit 2), found before the run; so is one path given for two
 * outputs, whose renames would clobber each other (a JUnit file ending in trace lines). The writer names the output
 * in any error of its own: a full disk during the run is exit 2 too.
 */
export function openOutput(outputs: Output[], path: string, what: string): AtomicLineWriter {
  checkWritable(path, what);
  const target = outputTarget(path);
  const clash = outputs.find((o) => outputTarget(o.path).path === target.path);
  if (clash !== undefined) {
    throw new InputError([{ file: path, line: 0, column: 0, path: '', message: `cannot write ${what} there too: ${clash.what} goes to this file; give each output its own` }]);
  }
  const writer = new AtomicLineWriter(path, what);
  outputs.push({ writer, path, what, inPlace: target.inPlace });
  return writer;
}

/** The top-level `kind:` of a YAML text, when it has one (syntax errors surface when the file is loaded). */
function kindOf(text: string): unknown {
  try {
    const data: unknown = parseYaml(text, { logLevel: 'silent' });
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['kind'] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks scenario and plan files without running them: every file (a pre-commit hook passes many), each valid one
 * named on stdout, each problem on stderr; exit 2 when any file has one. One file's problems stop nothing else.
 */
export async function validateCommand(files: readonly string[]): Promise<number> {
  let invalid = 0;
  for (const file of files) {
    try {
      await validateFile(file);
    } catch (error) {
      if (!(error instanceof InputError) || files.length === 1) throw error;
      sayErr(error.message);
      invalid++;
    }
  }
  if (invalid > 0) sayErr(`mailflow validate: ${invalid} of ${files.length} files have problems`);
  return invalid > 0 ? EXIT.badInput : EXIT.pass;
}

/** Checks a scenario or a plan file (told apart by their top-level `kind:`, design.md) without running it. */
async function validateFile(file: string): Promise<void> {
  if (kindOf(readTextFile(file)) === 'plan') {
    // Reading it compiles it too: that finds what only the whole plan shows (a fault's target, two sites of one name).
    const plan = loadPlanFile(file);
    // One line per file, a name's line break shown: a name cannot add a line saying another file is valid.
    sayOut(oneLineText(`${file}: valid plan '${plan.name}'`));
    return;
  }
  const { scenario, warnings, locate } = await loadScenarioWithFiles(file);
  // Only validate says this one: run --wire and serve refuse the file instead (unless told where), a virtual run
  // never sends CRM's email anywhere.
  sayWarnings([...warnings, ...outboundWarnings(scenario).map(({ path, message }) => locate(path, message))]);
  // A lesson's lanes are scenarios of their own: a mistake in `demo.sss` is found here, not in front of a class.
  if (scenario.demo !== undefined) await loadLesson(file);
  sayOut(oneLineText(`${file}: valid scenario '${scenario.name}'${scenario.demo === undefined ? '' : ' with its demo lanes'}`));
}
