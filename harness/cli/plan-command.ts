// `mailflow plan FILE [--compare FILE...] [--sweep N] [--seed N] [--json] [--report FILE]`: runs cutover plans and
// grades them. Exit code 1 when a plan grades below what its file expects (`expect.grade`), 2 for bad input.
import { loadPlanFile } from '../plan/load-plan.js';
import { meetsGrade } from '../plan/grade.js';
import type { Plan } from '../plan/plan-schema.js';
import { runPlan, type PlanResult } from '../plan/run-plan.js';
import { summariseSweep, sweepSeeds, type SweepResult } from '../plan/plan-sweep.js';
import { formatComparison, formatPlan, formatSweep } from '../plan/format-plan.js';
import { renderPlanReport, type PlanReportInput } from '../plan/plan-report.js';
import { EXIT } from './exit-codes.js';
import { checkWritable, writeOutputs } from './output-path.js';
import { outputError } from '../run/output-error.js';
import { outputTarget } from '../run/output-target.js';
import { refuseOverwritingInputs } from './input-overwrite.js';
import { progressBarFor } from './progress.js';
import { toPlanJunitXml, type JudgedPlan } from './plan-junit-xml.js';
import { resolve } from 'node:path';
import { InputError } from '../scenario/input-error.js';
import { shownPlanNames } from '../plan/shown-plan-names.js';
import { checkHeapFits } from './heap-preflight.js';
import { shellQuoted } from '../fuzz/shell-quote.js';
import { sayOut, writeData } from './say.js';

const REPORT = 'the report';
const JUNIT = 'the JUnit report';

export interface PlanCommandOptions {
  readonly compare?: readonly string[];
  readonly sweep?: number;
  readonly seed?: number;
  readonly json?: boolean;
  readonly progress?: boolean;
  readonly whatIf?: boolean;
  /** Write a self-contained HTML report here. */
  readonly report?: string;
  /** Write the plans' grades as JUnit XML here (plan-junit-xml.ts). */
  readonly junit?: string;
}

export function planCommand(file: string, options: PlanCommandOptions): number {
  const files = [file, ...(options.compare ?? [])];
  const twice = files.find((f, i) => files.findIndex((g) => resolve(g) === resolve(f)) < i);
  if (twice !== undefined) throw new InputError([{ file: twice, line: 0, column: 0, path: '', message: 'given twice: compare each plan file once (the same plan and seed run the same)' }]);
  // Every file is read and validated before anything runs: a typo in the third plan fails at once.
  const loaded = files.map((f) => ({ file: f, plan: loadPlanFile(f) }));
  const shown = shownPlanNames(loaded.map(({ file: f, plan }) => ({ file: f, name: plan.name })));
  // `shown`: what the table, the bars and the report call the plan; `--json` and JUnit keep its name and file.
  const plans = loaded.map((p, i) => ({ ...p, shown: shown[i] ?? p.plan.name }));
  const asShown = <R extends { plan: string }>(result: R, name: string): R => ({ ...result, plan: name });
  // And the report's path is checked before the runs, so a typo there does not cost the runs' time.
  refuseOverwritingInputs([{ option: '--report', path: options.report }, { option: '--junit', path: options.junit }], files.map((f) => ({ path: f, what: 'the plan file' })));
  if (options.report !== undefined) checkWritable(options.report, REPORT);
  if (options.junit !== undefined) checkWritable(options.junit, JUNIT);
  if (options.junit !== undefined && options.report !== undefined && outputTarget(options.junit).path === outputTarget(options.report).path) {
    throw outputError(options.junit, JUNIT, new Error('the report goes to this file too; give each output its own'));
  }
  const met = (plan: Plan, grade: PlanResult['grade']) => plan.expect.grade === undefined || meetsGrade(grade, plan.expect.grade);
  // In --json, what the file expects and whether the grade meets it: the reason for exit 1, for a pipeline to read.
  const judged = (plan: Plan, grade: PlanResult['grade']) => ({ expectedGrade: plan.expect.grade ?? null, met: met(plan, grade) });
  if (options.sweep !== undefined) {
    const sweeps = plans.map(({ file: f, plan, shown: name }) => ({ file: f, plan, name, result: sweep(plan, f, options.seed ?? plan.seed, options.sweep ?? 1, options.progress, options.whatIf === true, plans.length > 1 ? name : '') }));
    writeReports(options, { kind: 'sweeps', plans: sweeps.map((s) => ({ file: s.file, result: asShown(s.result, s.name), expected: s.plan.expect.grade })) }, sweeps.map((s) => ({
      file: s.file, plan: s.result.plan, grade: s.result.grade, ...judged(s.plan, s.result.grade), seeds: `seeds ${s.result.seeds.join(', ')}`,
      counts: { tracked: s.result.counts.tracked.median, untracked: s.result.counts.untracked.median, duplicates: s.result.counts.duplicates.median, lost: s.result.counts.lost.median },
      recommendations: s.result.recommendations, reproduce: `mailflow plan ${shellQuoted(s.file)} --sweep ${s.result.seeds.length} --seed ${options.seed ?? s.plan.seed}`,
    })));
    const sweepJson = sweeps.map((s) => ({ ...s.result, ...judged(s.plan, s.result.grade) }));
    if (options.json === true) writeData(JSON.stringify(sweepJson.length === 1 ? sweepJson[0] : sweepJson) + '\n');
    else sayOut(sweeps.map((s) => formatSweep(asShown(s.result, s.name), s.file, s.plan.expect.grade)).join('\n\n'));
    return sweeps.every((s) => met(s.plan, s.result.grade)) ? EXIT.pass : EXIT.fail;
  }
  const runs = plans.map(({ file: f, plan, shown: name }) => ({
    file: f, plan, name, result: runWithProgress(plan, f, options.seed ?? plan.seed, options.progress, options.whatIf === true, plans.length > 1 ? name : ''),
  }));
  writeReports(options, { kind: 'runs', plans: runs.map((r) => ({ file: r.file, result: asShown(r.result, r.name), expected: r.plan.expect.grade })) }, runs.map((r) => ({
    file: r.file, plan: r.result.plan, grade: r.result.grade, ...judged(r.plan, r.result.grade), seeds: `seed ${r.result.seed}`,
    counts: { tracked: r.result.counts.tracked, untracked: r.result.counts.untracked, duplicates: r.result.counts.duplicates, lost: r.result.counts.lost },
    recommendations: r.result.recommendations, reproduce: `mailflow plan ${shellQuoted(r.file)} --seed ${r.result.seed}`,
  })));
  if (options.json === true) {
    const runJson = runs.map((r) => ({ ...r.result, ...judged(r.plan, r.result.grade) }));
    writeData(JSON.stringify(runJson.length === 1 ? runJson[0] : runJson) + '\n');
  } else {
    sayOut(runs.length === 1 ? runs.map((r) => formatPlan(r.result, r.file, r.plan.expect.grade)).join('')
      : formatComparison(runs.map((r) => ({ file: r.file, result: asShown(r.result, r.name), expected: r.plan.expect.grade }))));
  }
  return runs.every((r) => met(r.plan, r.result.grade)) ? EXIT.pass : EXIT.fail;
}

/** `name`: the plan as the bar calls it, when there are several (empty for one). */
function sweep(plan: Plan, file: string, baseSeed: number, count: number, progress: boolean | undefined, whatIf: boolean, name: string): SweepResult {
  const seeds = sweepSeeds(baseSeed, count);
  return summariseSweep(plan, seeds.map((seed, k) => runWithProgress(plan, file, seed, progress, whatIf, `${name === '' ? '' : `${name}, `}seed ${k + 1} of ${count}`)));
}

/** One plan's run (and its --what-if variants) under one bar, each run named when there are several: `label`. */
function runWithProgress(plan: Plan, file: string, seed: number, progress: boolean | undefined, whatIf: boolean, label: string): PlanResult {
  const bar = progressBarFor(progress);
  // With --what-if the bar shows several runs: the plan's own is named too, not left blank before its variants.
  const own = label === '' && whatIf ? plan.name : label;
  const onRunStart = (variant: string): void => bar?.setLabel([own, variant].filter((part) => part !== '').join(', '));
  try {
    return runPlan(plan, seed, { whatIf, file, onRunStart, beforeRun: (scenario) => checkHeapFits(scenario, file), ...(bar === null ? {} : { onProgress: bar.update }) });
  } finally {
    bar?.stop();
  }
}

/** The HTML report and the JUnit file asked for, written together: a full disk leaves neither. */
function writeReports(options: PlanCommandOptions, report: PlanReportInput, plans: readonly JudgedPlan[]): void {
  writeOutputs([
    { path: options.report, what: REPORT, content: () => renderPlanReport(report) + '\n' },
    { path: options.junit, what: JUNIT, content: () => toPlanJunitXml(plans) + '\n' },
  ]);
}
