// Runs a plan: compile it into its scenario, run that in virtual time, and turn the ledger into the plan's figures,
// grade and recommendations (the `mailflow plan --json` contract, docs/plan.md).
import { runScenario } from '../run/run-scenario.js';
import type { RunOptions } from '../run/run-scenario.js';
import { compilePlan, lastEnabledAt, type CompiledPlan } from './compile-plan.js';
import { gradeOf, type Grade } from './grade.js';
import { planFigures, type BatchFigures, type PlanCounts } from './plan-metrics.js';
import type { Plan } from './plan-schema.js';
import { recommendationsFor, type VariantRun } from './recommendations.js';
import { variantsOf, whatIfLine, withHalvedInterval, type Variant } from './what-if.js';
import { unreadMailboxesOf } from './unread-first.js';
import type { Scenario } from '../scenario/schema.js';

export interface PlanResult {
  readonly plan: string;
  readonly seed: number;
  readonly mailboxes: number;
  readonly messages: number;
  readonly batches: number;
  readonly batchTimeline: BatchFigures[];
  /** From the switch to the last mailbox enabled (its batch, or a retry). */
  readonly durationMs: number;
  readonly counts: PlanCounts;
  readonly grade: Grade;
  readonly recommendations: string[];
}

export interface PlanRunOptions {
  readonly onProgress?: RunOptions['onProgress'];
  /** Also run the plan with one lever moved at a time and say in the recommendations what each would change. */
  readonly whatIf?: boolean;
  /** The plan's file, for errors found only once it is compiled. */
  readonly file?: string;
  /** Called before each run: '' for the plan itself, the lever for a --what-if variant (for a progress bar's label). */
  readonly onRunStart?: (variant: string) => void;
  /** Called with each run's compiled scenario before it runs (the CLI checks it fits this Node's heap). */
  readonly beforeRun?: (scenario: Scenario) => void;
}

export function runPlan(plan: Plan, seed: number = plan.seed, options: PlanRunOptions = {}): PlanResult {
  options.onRunStart?.('');
  const { result, advise, compiled } = runOnce(plan, seed, options, 'refuse');
  if (options.whatIf !== true) return result;
  const runs: Partial<Record<Variant['lever'], VariantRun>> = {};
  const lines = variantsOf(plan, compiled.batches).map(({ label, plan: variant, lever }) => {
    options.onRunStart?.(`what if ${label}`);
    const run = runOnce(variant, seed, options, 'extend').result;
    const [base, moved] = [result.counts.untracked, run.counts.untracked];
    runs[lever] = moved < base ? 'fewer' : moved === base ? 'as-many' : 'more';
    return whatIfLine(label, result, run);
  });
  // The advice must not recommend what its own what-if run shows to be worse.
  return { ...result, recommendations: [...advise({ halvedRun: runs['halved-interval'] ?? null, unreadFirstRun: runs['unread-first'] ?? null }), ...lines] };
}

/** What --what-if's runs found of the levers the advice offers (null: not run). */
interface VariantRuns {
  readonly halvedRun: VariantRun;
  readonly unreadFirstRun: VariantRun;
}

/** How long the cutover would take with the interval halved: its schedule alone, as --what-if's run finds it. */
function halvedDurationMs(plan: Plan, compiled: CompiledPlan): number | null {
  const halved = withHalvedInterval(plan);
  if (halved === null) return null;
  return lastEnabledAt(plan, compiled.batches, compiled.failing, halved.cutover.batchInterval) - plan.cutover.switchAt;
}

/** The plan's figures, and its advice given what --what-if found of the halved interval (null: not run). */
function runOnce(plan: Plan, seed: number, options: PlanRunOptions, lateFaults: 'refuse' | 'extend'): {
  result: PlanResult; advise: (runs: VariantRuns) => string[]; compiled: CompiledPlan;
} {
  const { onProgress, file } = options;
  const compiled = compilePlan(plan, seed, file, lateFaults);
  options.beforeRun?.(compiled.scenario);
  const outcome = runScenario(compiled.scenario, onProgress === undefined ? {} : { onProgress });
  const disabled = outcome.disabledMailboxes ?? [];
  const { batches, counts, untrackedByMailbox } = planFigures(outcome.ledger, outcome.counts, compiled, new Set(disabled.map((m) => m.address)));
  const durationMs = compiled.lastEnabledAtMs - plan.cutover.switchAt;
  const unread = unreadMailboxesOf(plan, compiled.batches, untrackedByMailbox);
  const advise = (runs: VariantRuns) => recommendationsFor({
    plan, counts, batches, durationMs, halvedDurationMs: halvedDurationMs(plan, compiled),
    disabled: disabled.filter((m) => !compiled.failing.has(m.address)), ...runs,
    failingDisabledAtEnd: disabled.filter((m) => compiled.failing.has(m.address)).length, unread,
  });
  const result: PlanResult = {
    plan: plan.name, seed,
    mailboxes: compiled.batches.reduce((n, b) => n + b.mailboxes.length, 0),
    messages: outcome.counts.sent,
    batches: compiled.batches.length,
    batchTimeline: batches,
    durationMs,
    counts,
    grade: gradeOf(counts),
    recommendations: advise({ halvedRun: null, unreadFirstRun: null }),
  };
  return { result, advise, compiled };
}
