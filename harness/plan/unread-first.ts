// `order: unread-first`, and the mail a plan loses that it would save. At the switch the router stops for the whole
// organisation (R14). The mailboxes it read itself, the queues and the users on Email Router access (R4), are then read
// by nobody until server-side sync enables them in their batch, and what is filed out of their Inbox meanwhile is never
// tracked (S6). The users on the forward mailbox are covered: the forward mailbox's own record, enabled in the first
// batch, tracks the copies their rules forward (R2, S1) until their own batch removes the rule. So the order that
// loses least enables the queues and the forward mailbox first (S14), then the users on Email Router access, then the
// users on the forward mailbox: the order harness/world/cutover-order.ts gives a scenario's cutover and a plan's alike.
import { counted } from '../../sim/check/counted.js';
import { inCutoverOrder, type CutoverMailbox } from '../world/cutover-order.js';
import type { CompiledPlan } from './compile-plan.js';
import type { Plan } from './plan-schema.js';
import { forwardMailboxOf, queueAddresses, userAddresses } from './plan-population.js';

export interface UnreadMailboxes {
  /** The plan's mailboxes `unread-first` enables in an earlier batch than the plan does (queues, or users on Email Router access). */
  readonly queues: number;
  readonly users: number;
  /** The sites of those users. */
  readonly sites: readonly string[];
  /** The plan's batches (1-based) they are in. */
  readonly batches: readonly number[];
  /** How much sooner `unread-first` enables them, at most. */
  readonly soonerMs: number;
  /** The untracked mail of theirs that was filed out of the Inbox before they were enabled (S6). */
  readonly filed: number;
}

/**
 * The mailboxes that `unread-first` would enable sooner than the plan's own order does, and what of theirs was filed
 * and never tracked; null when it would enable none sooner (the plan uses it already, or has no mailbox the router read
 * itself behind a user on the forward mailbox). `batches` are the plan's, from compilePlan.
 */
export function unreadMailboxesOf(plan: Plan, batches: CompiledPlan['batches'], untrackedByMailbox: ReadonlyMap<string, Readonly<Record<string, number>>> = new Map()): UnreadMailboxes | null {
  if (plan.cutover.order === 'unread-first') return null;
  const mailboxOf = cutoverMailboxes(plan);
  const planned = batches.flatMap((batch, k) => batch.mailboxes.map((mailbox) => ({ mailbox, k })));
  // The same mailboxes in `unread-first` order, each group in the plan's own order (site order, which compilePlan
  // gives the users under `unread-first` too), and cut into batches again: what compilePlan makes of the plan with it.
  const reordered = inCutoverOrder(planned, 'unread-first', ({ mailbox }) => mailboxOf(mailbox));
  const interval = plan.cutover.batchInterval;
  // The mailboxes the router read itself (R4): queues and users on Email Router access, not the forward mailbox.
  const readByRouter = (mailbox: string) => { const m = mailboxOf(mailbox); return (!m.user || m.routerRead) && mailbox !== forwardMailboxOf(plan); };
  const moved = reordered
    .map(({ mailbox, k }, i) => ({ mailbox, k, sooner: k - Math.floor(i / plan.cutover.batchSize) }))
    .filter(({ mailbox, sooner }) => sooner > 0 && readByRouter(mailbox));
  if (moved.length === 0) return null;
  const siteOf = new Map(plan.sites.flatMap((site) => userAddresses(plan, site).map((address) => [address, site.name] as const)));
  const userSites = moved.flatMap(({ mailbox }) => { const site = siteOf.get(mailbox); return site === undefined ? [] : [site]; });
  return {
    queues: moved.length - userSites.length,
    users: userSites.length,
    sites: [...new Set(userSites)],
    batches: [...new Set(moved.map(({ k }) => k + 1))].sort((a, b) => a - b),
    soonerMs: Math.max(...moved.map(({ sooner }) => sooner)) * interval,
    filed: moved.reduce((n, { mailbox }) => n + (untrackedByMailbox.get(mailbox)?.['not-in-root-inbox'] ?? 0), 0),
  };
}

/** The plan with `order: unread-first`. */
export function withUnreadFirst(plan: Plan): Plan {
  return { ...plan, cutover: { ...plan.cutover, order: 'unread-first' } };
}

/** What the moved mailboxes are, in words: "12 queues and 200 users on Email Router access (anna-team)". */
export function unreadMailboxesSaid(unread: UnreadMailboxes): string {
  const users = unread.users === 0 ? '' : `${counted(unread.users, 'user')} on Email Router access (${unread.sites.join(', ')})`;
  const queues = counted(unread.queues, 'queue');
  return unread.queues === 0 ? users : users === '' ? queues : `${queues} and ${users}`;
}

/** Batch numbers in words: "batch 4", "batches 4 and 5", "batches 21 to 25", "batches 2, 4 and 7". */
export function batchesSaid(batches: readonly number[]): string {
  const [first] = batches;
  const last = batches.at(-1);
  if (first === undefined || last === undefined || batches.length === 1) return `batch ${first ?? '-'}`;
  if (batches.length > 2 && last - first === batches.length - 1) return `batches ${first} to ${last}`;
  return `batches ${batches.slice(0, -1).join(', ')} and ${last}`;
}

/** What the cutover order needs to know of each of the plan's mailboxes: the forward mailbox and the queues are no users. */
function cutoverMailboxes(plan: Plan): (mailbox: string) => CutoverMailbox {
  const queues = new Set([forwardMailboxOf(plan), ...plan.sites.flatMap((site) => queueAddresses(plan, site))]);
  const routerUsers = new Set(plan.sites.filter((site) => site.access === 'email-router').flatMap((site) => userAddresses(plan, site)));
  return (mailbox) => ({ user: !queues.has(mailbox), routerRead: routerUsers.has(mailbox) });
}
