// What a plan's schema cannot say, found when the file is read so that `plan` (every file of a --compare) and
// `validate` refuse it before anything runs, each problem at its line and column: two sites that would make the same
// mailboxes, a plan without a single user, and whatever only compiling shows (a fault's unknown target, a fault after
// the run ends). Compiling makes a scenario; its problems are about the plan's own fields only for `faults` (passed
// through as they are), anything else is said once rather than once per generated mailbox.
import type { FieldProblem } from '../scenario/load-scenario.js';
import { InputError, parsePath } from '../scenario/input-error.js';
import { compilePlan, lastBatchAtMs } from './compile-plan.js';
import { DEFAULT_DRAIN_MS } from '../scenario/schema.js';
import { GENERATOR_REMEDY } from '../scenario/traffic-volume.js';
import { MAX_DURATION_MS, MAX_DURATION_SAID } from '../scenario/time-bounds.js';
import { formatDurationMs } from '../scenario/duration.js';
import type { Plan } from './plan-schema.js';
import { queueAddresses, userAddresses } from './plan-population.js';

export function planProblems(plan: Plan, file: string): FieldProblem[] {
  const problems = [...siteProblems(plan), ...scheduleProblems(plan), ...lengthProblems(plan)];
  if (!plan.sites.some((site) => site.users > 0)) {
    problems.push({ path: ['sites'], message: 'no site has users: CRM needs at least one user (queues alone make no cutover to plan)' });
  }
  return problems.length > 0 ? problems : compileProblems(plan, file);
}

/** Under a minute, a batch interval, a retry or the settle time is a bare number meant as hours or minutes. */
const SHORTEST_STEP_MS = 60_000;

/**
 * A bare number is milliseconds (as everywhere in the language): `batchInterval: 3` is 3 ms, which no cutover means
 * (S14: batches hours apart; a sync cycle alone is 5 minutes, S5). Said at the field, with the unit to write.
 */
function scheduleProblems(plan: Plan): FieldProblem[] {
  const { cutover } = plan;
  const steps: Array<[PropertyKey[], number | undefined]> = [
    [['cutover', 'batchInterval'], cutover.batchInterval], [['cutover', 'settle'], cutover.settle],
    [['cutover', 'testAndEnable', 'retryAfter'], cutover.testAndEnable.retryAfter],
  ];
  return steps.filter(([, ms]) => ms !== undefined && ms > 0 && ms < SHORTEST_STEP_MS)
    .map(([path, ms]) => ({ path, message: `${formatDurationMs(ms ?? 0)} is under a minute, where a cutover's steps are minutes to hours apart (a bare number is milliseconds: write a unit, like 5h or 30m)` }));
}

/**
 * The plan runs until its last batch, the retry after it and the settle time, then drains as a scenario does: each is
 * bounded, but together they must stay within the latest instant a scenario may reach too (time-bounds.ts).
 */
function lengthProblems(plan: Plan): FieldProblem[] {
  const { testAndEnable, settle } = plan.cutover;
  const endMs = lastBatchAtMs(plan) + (testAndEnable.retryAfter ?? 0) + settle + DEFAULT_DRAIN_MS;
  if (endMs <= MAX_DURATION_MS) return [];
  return [{
    path: ['cutover'],
    message: `the plan would run until ${formatDurationMs(endMs)} (the last batch at ${formatDurationMs(lastBatchAtMs(plan))}, its retry, the settle time and ${formatDurationMs(DEFAULT_DRAIN_MS)} of drain): a run lasts at most ${MAX_DURATION_SAID}`,
  }];
}

/** Each site's mailboxes must be its own: `north` twice, or `north` and `north1` (north11@ is both), collide. */
function siteProblems(plan: Plan): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ownerOf = new Map<string, number>();
  plan.sites.forEach((site, j) => {
    const earlier = plan.sites.findIndex((other, i) => i < j && other.name === site.name);
    if (earlier !== -1) {
      problems.push({ path: ['sites', j, 'name'], message: `'${site.name}' names sites[${earlier}] too: each site needs a name of its own` });
      return;
    }
    for (const address of [...userAddresses(plan, site), ...queueAddresses(plan, site)]) {
      const i = ownerOf.get(address);
      if (i !== undefined) {
        problems.push({ path: ['sites', j, 'name'], message: `site '${site.name}' makes ${address}, as site '${plan.sites[i]?.name}' (sites[${i}]) does: choose a name with which no other site's mailbox addresses begin` });
        return;
      }
      ownerOf.set(address, j);
    }
  });
  return problems;
}

/**
 * Compiling stops at the first stage that fails, so a fault with an unknown target hides a late fault in the same file.
 * Compiled again without the faults it refused, the plan shows the rest: one round of fixing, not one per problem.
 */
function compileProblems(plan: Plan, file: string): FieldProblem[] {
  const problems = compileOnce(plan, file);
  const refused = new Set(problems.flatMap((p) => (p.path[0] === 'faults' && typeof p.path[1] === 'number' ? [p.path[1]] : [])));
  if (refused.size === 0) return problems;
  const kept = plan.faults.flatMap((fault, i) => (refused.has(i) ? [] : [{ fault, i }]));
  const rest = compileOnce({ ...plan, faults: kept.map(({ fault }) => fault) }, file)
    .filter((p) => p.path[0] === 'faults' && typeof p.path[1] === 'number')
    .map((p) => ({ ...p, path: ['faults', kept[p.path[1] as number]?.i ?? -1, ...p.path.slice(2)] }));
  return [...problems, ...rest].sort((a, b) => faultIndex(a) - faultIndex(b));
}

function faultIndex(problem: FieldProblem): number {
  return problem.path[0] === 'faults' && typeof problem.path[1] === 'number' ? problem.path[1] : Number.MAX_SAFE_INTEGER;
}

function compileOnce(plan: Plan, file: string): FieldProblem[] {
  try {
    compilePlan(plan, plan.seed, file);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const own = error.problems.filter((p) => p.path.startsWith('faults['));
    // The generators are the plan's traffic: too much of it is said at the rate that makes it.
    const traffic = error.problems.filter((p) => p.path.startsWith('traffic.generators['));
    const others = error.problems.filter((p) => !p.path.startsWith('faults[') && !traffic.includes(p));
    const first = others[0];
    return [
      ...own.map((p) => ({ path: parsePath(p.path), message: p.message })),
      ...traffic.slice(0, 1).map((p) => ({ path: ['traffic', 'perMailboxPerDay'], message: p.message.replace(GENERATOR_REMEDY, 'fewer messages per mailbox, fewer users, or a shorter cutover') })),
      ...(first === undefined ? [] : [{
        path: [], message: `the plan makes a scenario that is not valid (${first.path}: ${first.message}${others.length > 1 ? `, and ${others.length - 1} more` : ''})`,
      }]),
    ];
  }
}
