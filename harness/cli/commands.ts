// The CLI's commands. Each returns an exit code; input problems surface as InputError and become exit code 2.
import { performance } from 'node:perf_hooks';
import type { TraceRecord } from '../../sim/core/trace.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { InputError } from '../scenario/input-error.js';
import { AtomicLineWriter } from '../run/atomic-write.js';
import { runScenario } from '../run/run-scenario.js';
import { EXIT } from './exit-codes.js';
import { formatSummary } from './print-summary.js';
import { toRunJson } from './run-json.js';

export interface RunCommandOptions {
  readonly seed?: number;
  readonly json?: boolean;
  readonly trace?: string;
}

export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const scenario = await loadScenario(file);
  const traceWriter = options.trace === undefined ? null : openTrace(options.trace);
  const started = performance.now();
  let outcome;
  try {
    outcome = runScenario(scenario, {
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(traceWriter === null ? {} : { traceSink: (r: TraceRecord) => traceWriter.line(JSON.stringify(r)) }),
    });
    traceWriter?.commit();
  } catch (error) {
    traceWriter?.discard();
    throw error;
  }
  const run = toRunJson(outcome, file, Math.round(performance.now() - started));
  process.stdout.write(options.json === true ? JSON.stringify(run) + '\n' : formatSummary(run) + '\n');
  return run.verdict === 'pass' ? EXIT.pass : EXIT.fail;
}

/** A trace file that cannot be created is bad input (exit 2), not a crash. */
function openTrace(path: string): AtomicLineWriter {
  try {
    return new AtomicLineWriter(path);
  } catch (error) {
    throw new InputError([{ file: path, line: 0, column: 0, path: '', message: `cannot write the trace: ${(error as Error).message}` }]);
  }
}

export async function validateCommand(file: string): Promise<number> {
  const scenario = await loadScenario(file);
  process.stdout.write(`${file}: valid scenario '${scenario.name}'\n`);
  return EXIT.pass;
}
