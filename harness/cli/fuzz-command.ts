// `mailflow fuzz` and `mailflow fuzz merge`: random scenarios against every checker, a shrunk counterexample on
// failure, and the shards of a campaign combined. Exit code 1 when a run failed, 2 for bad input.
import { accessSync, constants, lstatSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { runCampaign, type CampaignOptions } from '../fuzz/fuzz-campaign.js';
import { checkWritable, writeOutput } from './output-path.js';
import { refuseOverwritingInputs } from './input-overwrite.js';
import { FUZZ_RESULT_LIMIT, readInputFile } from '../scenario/read-input-file.js';
import { toFuzzJunitXml } from './fuzz-junit-xml.js';
import { mergeResults } from '../fuzz/fuzz-merge.js';
import { inDocumentedOrder, type FuzzResult } from '../fuzz/fuzz-result.js';
import { sliceSize } from '../fuzz/fuzz-seed.js';
import { InputError } from '../scenario/input-error.js';
import { EXIT } from './exit-codes.js';
import { SHIPPED_SCENARIOS } from '../package-root.js';
import { FuzzProgressBar } from './fuzz-progress.js';
import type { ProgressStream } from './progress.js';
import { sayOut, writeData } from './say.js';
import { replayCommand } from '../fuzz/shell-quote.js';
import { counterexamplePathProblem } from '../fuzz/counterexample-path.js';
import { oneLineText } from '../scenario/terminal-text.js';

export interface FuzzCommandOptions extends Omit<CampaignOptions, 'onProgress' | 'onShrinking'> {
  readonly json: boolean;
  /** true: always show the progress bar; false: never; default: when stderr is a terminal. */
  readonly progress?: boolean;
  /** Write the campaign as JUnit XML here (fuzz-junit-xml.ts). */
  readonly junit?: string;
}

function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}


/** The counterexample directory must be usable before any run (exit 2), and never under scenarios/ (design.md). */
function checkOutDir(outDir: string): void {
  const problem = (message: string) => new InputError([{ file: outDir, line: 0, column: 0, path: '', message }]);
  // The shipped scenarios of this installation (this repository's, run from a checkout), wherever the command runs
  // from; a project's own `scenarios/` is its own to fill (a regression folder, say).
  const target = resolve(outDir);
  const under = (dir: string) => target === dir || target.startsWith(dir + sep);
  if (under(SHIPPED_SCENARIOS)) throw problem('counterexamples never go under scenarios/ (every file there must run green)');
  // Checked without making it: a campaign that finds nothing leaves no empty directory (a failure's file makes it).
  try {
    // lstat, not exists: a dangling symlink is there (and unusable), not missing.
    let existing = target;
    while (!isThere(existing)) existing = dirname(existing);
    if (!statSync(existing).isDirectory()) throw new Error(`${existing} is not a directory`);
    accessSync(existing, constants.W_OK);
  } catch (error) {
    throw problem(`cannot write counterexamples here: ${(error as Error).message}`);
  }
}

export async function fuzzCommand(options: FuzzCommandOptions, stream: ProgressStream = process.stderr): Promise<number> {
  checkOutDir(options.outDir);
  if (options.junit !== undefined) checkWritable(options.junit, JUNIT);
  const show = options.progress ?? stream.isTTY === true;
  const bar = show ? new FuzzProgressBar(stream, sliceSize(options.runs, options.shard)) : null;
  let result: FuzzResult;
  try {
    result = await runCampaign({
      ...options,
      ...(bar === null ? {} : { onProgress: bar.update }),
      onShrinking: () => {
        bar?.stop();
        if (options.json !== true) stream.write('a run failed: shrinking the smallest failing run\n');
      },
    });
  } finally {
    bar?.stop();
  }
  writeJunit(options.junit, result);
  printResult(result, options.json);
  return result.failures > 0 ? EXIT.fail : EXIT.pass;
}

export function fuzzMergeCommand(files: readonly string[], json: boolean, junit?: string): number {
  refuseOverwritingInputs([{ option: '--junit', path: junit }], files.map((file) => ({ path: file, what: 'the fuzz result' })));
  if (junit !== undefined) checkWritable(junit, JUNIT);
  const results = files.map(readResult);
  const merged = mergeResults(results);
  if (typeof merged === 'string') throw new InputError([{ file: files.join(', '), line: 0, column: 0, path: '', message: merged }]);
  writeJunit(junit, merged);
  printResult(merged, json);
  return merged.failures > 0 ? EXIT.fail : EXIT.pass;
}

const JUNIT = 'the JUnit report';

function printResult(result: FuzzResult, json: boolean): void {
  if (json) writeData(JSON.stringify(inDocumentedOrder(result)) + '\n');
  else sayOut(formatFuzzSummary(result));
}

function writeJunit(path: string | undefined, result: FuzzResult): void {
  writeOutput(path, JUNIT, () => toFuzzJunitXml(result));
}

function readResult(file: string): FuzzResult {
  const problem = (message: string, path = '') => new InputError([{ file, line: 0, column: 0, path, message }]);
  let data: unknown;
  try {
    data = JSON.parse(readInputFile(file, FUZZ_RESULT_LIMIT).toString('utf8'));
  } catch (error) {
    throw problem(`cannot read a fuzz result: ${(error as Error).message}`);
  }
  const fields: Array<[keyof FuzzResult, string]> = [['runs', 'number'], ['failures', 'number'], ['seed', 'number'], ['runsPerSec', 'number'], ['shard', 'string'], ['workers', 'number']];
  for (const [field, type] of fields) {
    if (typeof (data as Record<string, unknown> | null)?.[field] !== type) throw problem(`not the --json output of mailflow fuzz: ${field} should be a ${type}`);
  }
  const counts = countsProblem(data as Record<string, unknown>);
  if (counts !== null) throw problem(`not the --json output of mailflow fuzz: ${counts}`);
  const campaign = (data as { campaign?: unknown }).campaign;
  if (campaign !== undefined) {
    const bad = campaignProblem(campaign);
    if (bad !== null) throw problem(`not the --json output of mailflow fuzz: ${bad}`);
  }
  // The fields the summary prints: a shard is a file anyone may have handed over (counterexample-path.ts).
  const counterexample = counterexamplePathProblem((data as Record<string, unknown>)['counterexample']);
  if (counterexample !== null) throw problem(counterexample, 'counterexample');
  if (!isTextList((data as Record<string, unknown>)['problems'])) throw problem('not the --json output of mailflow fuzz: problems should be a list of text');
  // Results written before firstOffender existed merge too.
  const result = data as FuzzResult;
  if (Array.isArray(result.firstOffender) && !isTextList(result.firstOffender)) throw problem('not the --json output of mailflow fuzz: firstOffender should be a list of text');
  return { ...result, firstOffender: Array.isArray(result.firstOffender) ? result.firstOffender : [] };
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Runs and failures are counts, and a shard cannot fail more runs than it made (merge adds them up and believes them). */
function countsProblem(result: Record<string, unknown>): string | null {
  const { runs, failures } = result;
  if (!Number.isSafeInteger(runs) || (runs as number) < 0) return `runs should be a whole number, got ${String(runs)}`;
  if (!Number.isSafeInteger(failures) || (failures as number) < 0 || (failures as number) > (runs as number)) {
    return `failures should be a whole number from 0 to runs (${String(runs)}), got ${String(failures)}`;
  }
  return null;
}

/** What is wrong with a result's `campaign` field, or null (fuzz-result.ts, CampaignShape). */
function campaignProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'campaign should be an object with the campaign\'s options';
  const campaign = value as Record<string, unknown>;
  const count = (field: string) => Number.isSafeInteger(campaign[field]) && (campaign[field] as number) >= 0;
  for (const field of ['runs', 'maxMessages', 'maxFaults']) if (!count(field)) return `campaign.${field} should be a whole number`;
  for (const field of ['allFaults', 'habits', 'checkDeterminism']) if (typeof campaign[field] !== 'boolean') return `campaign.${field} should be true or false`;
  if (!Array.isArray(campaign['paths']) || !campaign['paths'].every((p) => typeof p === 'string')) return 'campaign.paths should be a list of paths';
  // Results of the version before the fingerprint have none: merge tells them apart (fuzz-merge.ts).
  if (campaign['generator'] !== undefined && typeof campaign['generator'] !== 'string') return 'campaign.generator should be text';
  return null;
}

/** `shard 1/1, 2 workers`; merged shards (`fuzz merge`) say their workers are summed over the shards. */
function shardsAndWorkers(result: FuzzResult): string {
  const merged = result.shard.includes(',');
  const workers = `${result.workers} worker${result.workers === 1 ? '' : 's'}`;
  return merged ? `shards ${result.shard}, ${workers} in all` : `shard ${result.shard}, ${workers}`;
}

export function formatFuzzSummary(result: FuzzResult): string {
  const lines = [
    `fuzz: ${result.runs} run${result.runs === 1 ? '' : 's'} (seed ${result.seed}, ${shardsAndWorkers(result)}${result.injectBug === null ? '' : `, injected defect ${result.injectBug}`}), ${result.failures} failed; ${result.runsPerSec} runs/s`,
  ];
  if (result.failingRun === null) {
    lines.push(result.runs === 0 ? 'no runs in this shard' : 'every run passed every checker');
    return lines.join('\n');
  }
  const steps = result.shrinkSteps ?? 0;
  lines.push(`smallest failing run: ${result.failingRun} (seed ${result.failingSeed ?? '?'}), shrunk in ${steps} step${steps === 1 ? '' : 's'}; it fails:`);
  for (const problem of result.problems) lines.push(`  ${problem}`);
  if (result.firstOffender.length > 0) lines.push('the first offending message and its path:', ...result.firstOffender);
  // Quoted for the shell it is pasted into: --out may hold a space (`My Runs/fuzz-out`).
  if (result.counterexample !== null) lines.push(`counterexample: ${result.counterexample}`, `replay it: ${replayCommand(result.counterexample)}`);
  // The problems and the offender are a shard's text when merged (a file anyone may hand over): one line each, their
  // control characters shown, not obeyed.
  return lines.map(oneLineText).join('\n');
}
