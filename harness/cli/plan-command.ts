// `mailflow plan FILE [--compare FILE...] [--sweep N] [--seed N] [--json]`: runs cutover plans and grades them.
// Exit code 1 when a plan grades below what its file expects (`expect.grade`), 2 for bad input.
import { loadPlanFile } from '../plan/load-plan.js';
import { meetsGrade } from '../plan/grade.js';
import type { Plan } from '../plan/plan-schema.js';
import { runPlan, type PlanResult } from '../plan/run-plan.js';
import { summariseSweep, sweepSeeds, type SweepResult } from '../plan/plan-sweep.js';
import { formatComparison, formatPlan, formatSweep } from '../plan/format-plan.js';
import { EXIT } from './exit-codes.js';
import { progressBarFor } from './progress.js';

export interface PlanCommandOptions {
  readonly compare?: readonly string[];
  readonly sweep?: number;
  readonly seed?: number;
  readonly json?: boolean;
  readonly progress?: boolean;
  readonly whatIf?: boolean;
}

export function planCommand(file: string, options: PlanCommandOptions): number {
  const files = [file, ...(options.compare ?? [])];
  // Every file is read and validated before anything runs: a typo in the third plan fails at once.
  const plans = files.map((f) => ({ file: f, plan: loadPlanFile(f) }));
  const met = (plan: Plan, grade: PlanResult['grade']) => plan.expect.grade === undefined || meetsGrade(grade, plan.expect.grade);
  if (options.sweep !== undefined) {
    const sweeps = plans.map(({ file: f, plan }) => ({ file: f, plan, result: sweep(plan, options.sweep ?? 1, options.progress, options.whatIf === true) }));
    print(options.json === true ? JSON.stringify(sweeps.length === 1 ? sweeps[0]?.result : sweeps.map((s) => s.result))
      : sweeps.map((s) => formatSweep(s.result, s.file, s.plan.expect.grade)).join('\n\n'));
    return sweeps.every((s) => met(s.plan, s.result.grade)) ? EXIT.pass : EXIT.fail;
  }
  const runs = plans.map(({ file: f, plan }) => ({ file: f, plan, result: runWithProgress(plan, options.seed ?? plan.seed, options.progress, options.whatIf === true) }));
  if (options.json === true) {
    print(JSON.stringify(runs.length === 1 ? runs[0]?.result : runs.map((r) => r.result)));
  } else {
    print(runs.length === 1 ? runs.map((r) => formatPlan(r.result, r.file, r.plan.expect.grade)).join('') : formatComparison(runs));
  }
  return runs.every((r) => met(r.plan, r.result.grade)) ? EXIT.pass : EXIT.fail;
}

function sweep(plan: Plan, count: number, progress: boolean | undefined, whatIf: boolean): SweepResult {
  return summariseSweep(plan, sweepSeeds(plan, count).map((seed) => runWithProgress(plan, seed, progress, whatIf)));
}

function runWithProgress(plan: Plan, seed: number, progress: boolean | undefined, whatIf: boolean): PlanResult {
  const bar = progressBarFor(progress);
  try {
    return runPlan(plan, seed, { whatIf, ...(bar === null ? {} : { onProgress: bar.update }) });
  } finally {
    bar?.stop();
  }
}

function print(text: string): void {
  process.stdout.write(text + '\n');
}
