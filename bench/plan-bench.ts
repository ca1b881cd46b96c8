// plan: `scenarios/plans/naive-24h.yaml` (5,000 mailboxes, its full duration of traffic) planned end to end: compile,
// run, per-batch figures, grade. Goal (issue 9): under a minute on this machine.
import { performance } from 'node:perf_hooks';
import { loadPlanFile } from '../harness/plan/load-plan.js';
import { runPlan } from '../harness/plan/run-plan.js';
import { packagePath } from '../harness/package-root.js';

export interface PlanBench {
  mailboxes: number;
  messages: number;
  wallMs: number;
}

export const PLAN_FILE = packagePath('scenarios/plans/naive-24h.yaml');

export function benchPlan(file: string = PLAN_FILE): PlanBench {
  const started = performance.now();
  const result = runPlan(loadPlanFile(file));
  return { mailboxes: result.mailboxes, messages: result.messages, wallMs: Math.round(performance.now() - started) };
}
