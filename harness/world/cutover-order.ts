// The order a cutover's Test & Enable batches take the mailboxes in, one function for a scenario's `sss.cutover`
// (build-sss-world.ts) and a plan's (harness/plan), so that `order: unread-first` means the same in both. Here, in
// the world builder, because the plan compiles into a scenario that this builder runs: the plan imports it from
// below, as it imports the builder already.
//   queues-first (S14): the queues and forward mailboxes first, they serve many users; then the users.
//   unread-first: the same, but the users the router read itself (Email Router access, R4) before the rest. At the
//     switch the router stops for the whole organisation (R14): nobody reads their Inbox until their batch, and what
//     they file out of it meanwhile is never tracked (S6). Users on the forward mailbox are covered: the forward
//     mailbox's own record, enabled with the queues, tracks the copies their rules forward (R2, S1).
//   as-listed: in the order given.
// Stable within each group: the order given decides within it.

export const CUTOVER_ORDERS = ['queues-first', 'unread-first', 'as-listed'] as const;
export type CutoverOrder = (typeof CUTOVER_ORDERS)[number];

/** What the order needs to know of a mailbox. */
export interface CutoverMailbox {
  /** A user's own mailbox (not a queue or a forward mailbox). */
  readonly user: boolean;
  /** Read by the router itself until the switch (Email Router access, R4). */
  readonly routerRead: boolean;
}

/** A mailbox's group under `order`: lower goes first. */
export function cutoverGroup(order: CutoverOrder, mailbox: CutoverMailbox): 0 | 1 | 2 {
  if (order === 'as-listed' || !mailbox.user) return 0;
  return order === 'unread-first' && !mailbox.routerRead ? 2 : 1;
}

/** The items in batch order under `order`; `mailboxOf` says what each one is. */
export function inCutoverOrder<T>(items: readonly T[], order: CutoverOrder, mailboxOf: (item: T) => CutoverMailbox): T[] {
  const groups: [T[], T[], T[]] = [[], [], []];
  for (const item of items) groups[cutoverGroup(order, mailboxOf(item))].push(item);
  return groups.flat();
}
