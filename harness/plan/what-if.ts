// `--what-if`: the plan run again with one lever moved, so the advice says how much it would save, not only that it
// would: the batch interval halved (the cutover finishes in about half the time; S6 loses less filed mail), and
// Process Email From a week earlier (S2a: more of the mail that waited is pulled), and for a plan with faults, the
// mailboxes they disabled tested again once the last is over (S3, S4: nothing re-enables them by itself), and when it
// would enable some sooner, the mailboxes nobody reads between the switch and their batch first (`order: unread-first`,
// R14, S6). A plan of one batch has no interval to halve.
import { formatDurationMs } from '../scenario/duration.js';
import type { Plan } from './plan-schema.js';
import { batchCountOf, lastBatchAtMs, type CompiledPlan } from './compile-plan.js';
import type { PlanCounts } from './plan-metrics.js';
import { unreadMailboxesOf, unreadMailboxesSaid, withUnreadFirst } from './unread-first.js';

export interface Variant {
  readonly label: string;
  readonly plan: Plan;
  /** Which lever it moves (the advice checks its own suggestions against the runs of the halved interval and of `unread-first`). */
  readonly lever: 'halved-interval' | 'earlier-process-email-from' | 'retest-disabled' | 'unread-first';
}

/** How long after a plan's last fault the retest variant tests the disabled mailboxes again. */
export const RETEST_AFTER_MS = 10 * 60_000;

const WEEK_MS = 7 * 86_400_000;

/** A plan's (and a scenario cutover's) shortest step between batches but 0: a minute (check-plan.ts, check-sss.ts). */
const SHORTEST_INTERVAL_MS = 60_000;

/**
 * The plan with its batch interval halved, or null when it has none to halve: one batch, or half of it would be
 * under the shortest step a plan or scenario takes (a 1-minute interval).
 */
export function withHalvedInterval(plan: Plan): Plan | null {
  const { cutover } = plan;
  const halved = Math.round(cutover.batchInterval / 2);
  if (halved < SHORTEST_INTERVAL_MS || batchCountOf(plan) <= 1) return null;
  return { ...plan, cutover: { ...cutover, batchInterval: halved } };
}

/** `batches`: the plan's own (compilePlan), which say whether `unread-first` would enable any mailbox sooner. */
export function variantsOf(plan: Plan, batches: CompiledPlan['batches']): Variant[] {
  const { cutover } = plan;
  const variants: Variant[] = [];
  const halved = withHalvedInterval(plan);
  if (halved !== null) {
    variants.push({ label: `a batch interval of ${formatDurationMs(halved.cutover.batchInterval)} instead of ${formatDurationMs(cutover.batchInterval)}`, plan: halved, lever: 'halved-interval' });
  }
  // R14, S6: the queues and the users the router read itself, unread from the switch until their batch, go first.
  const unread = unreadMailboxesOf(plan, batches);
  if (unread !== null) {
    const afterQueues = unread.queues === 0 && plan.sites.some((site) => site.queues > 0);
    const who = `the ${unreadMailboxesSaid(unread)} went ${afterQueues ? 'right after the queues' : 'first'}`;
    variants.push({ label: `${who} (\`unread-first\` order)`, plan: withUnreadFirst(plan), lever: 'unread-first' });
  }
  const pef = cutover.processEmailFrom;
  const earlier = typeof pef === 'object' ? { before: pef.before + WEEK_MS } : pef - WEEK_MS;
  variants.push({ label: 'Process Email From a week earlier', plan: { ...plan, cutover: { ...cutover, processEmailFrom: earlier } }, lever: 'earlier-process-email-from' });
  // S3, S4: an administrator's Test & Enable of the mailboxes with errors, once the plan's last fault is over; not when
  // that would come after the plan's traffic ends (the run would be lengthened, and compared on other mail).
  const retestAt = plan.faults.length === 0 ? null : Math.max(...plan.faults.map((f) => f.at)) + RETEST_AFTER_MS;
  if (retestAt !== null && retestAt <= lastBatchAtMs(plan) + (cutover.testAndEnable.retryAfter ?? 0) + cutover.settle) {
    const at = retestAt;
    variants.push({
      label: `the disabled mailboxes tested again ${formatDurationMs(RETEST_AFTER_MS)} after the plan's last fault`,
      plan: { ...plan, faults: [...plan.faults, { at, verb: 'testAndEnable', target: 'sss', onlyDisabled: true }] },
      lever: 'retest-disabled',
    });
  }
  return variants;
}

/** One line per variant: what it would have left untracked and how long it would have taken, against the plan. */
export function whatIfLine(label: string, base: { counts: PlanCounts; durationMs: number }, variant: { counts: PlanCounts; durationMs: number }): string {
  const saved = base.counts.untracked - variant.counts.untracked;
  const n = (value: number) => value.toLocaleString('en-US');
  const verb = saved > 0 ? `would have saved ${n(saved)} of the ${n(base.counts.untracked)} untracked messages` : saved < 0 ? `would have left ${n(-saved)} more untracked` : 'would have changed nothing untracked';
  const finishing = variant.durationMs === base.durationMs ? `finishing as planned, in ${formatDurationMs(base.durationMs)}`
    : `finishing in ${formatDurationMs(variant.durationMs)} instead of ${formatDurationMs(base.durationMs)}`;
  return `What if ${label}: it ${verb} (${n(variant.counts.untracked)} untracked, ${n(variant.counts.duplicates)} duplicates), ${finishing}.`;
}
