// `order: unread-first` and the advice that names it. At the switch the router stops (R14): the queues and the users
// on Email Router access are read by nobody until their batch, and what their people file meanwhile is never tracked
// (S6); the users on the forward mailbox are covered by its record from the first batch on. So they go first, and the
// planner says so when most of the untracked mail is theirs.
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../harness/plan/compile-plan.js';
import { recommendationsFor } from '../../../harness/plan/recommendations.js';
import { runPlan } from '../../../harness/plan/run-plan.js';
import { batchesSaid, unreadMailboxesOf, withUnreadFirst } from '../../../harness/plan/unread-first.js';
import { formatDurationMs } from '../../../harness/scenario/duration.js';
import { forwardThenRouterPlan, smallPlan } from './plan-fixtures.js';

const THREE_SITES = [
  { name: 'hq', users: 3, queues: 1, access: 'forward-mailbox' as const },
  { name: 'anna', users: 2, access: 'email-router' as const },
  { name: 'east', users: 2, queues: 1, access: 'forward-mailbox' as const },
  { name: 'west', users: 2, access: 'email-router' as const },
];
const kindOf = (mailbox: string) => (mailbox.startsWith('crm@') ? 'forward' : mailbox.includes('-queue') ? 'queue' : /^(anna|west)\d/.test(mailbox) ? 'router-user' : 'forward-user');

describe('order: unread-first', () => {
  it('batches the queues and the forward mailbox, then the users on Email Router access, then those on the forward mailbox (R14, S6)', () => {
    const { batches } = compilePlan(smallPlan({ sites: THREE_SITES, batchSize: 4, order: 'unread-first' }));
    expect(batches.map((b) => b.mailboxes)).toEqual([
      ['hq-queue1', 'east-queue1', 'crm', 'anna1'],
      ['anna2', 'west1', 'west2', 'hq1'],
      ['hq2', 'hq3', 'east1', 'east2'],
    ].map((batch) => batch.map((m) => `${m}@contoso.example`)));
    // The default order is unchanged: the users in site order after the queues.
    const queuesFirst = compilePlan(smallPlan({ sites: THREE_SITES, batchSize: 4 })).batches.flatMap((b) => b.mailboxes);
    expect(queuesFirst.map(kindOf)).toEqual(['queue', 'queue', 'forward', 'forward-user', 'forward-user', 'forward-user', 'router-user', 'router-user', 'forward-user', 'forward-user', 'router-user', 'router-user']);
  });

  it('is what the advice reckons with: each mailbox moves to the batch compilePlan gives it under unread-first', () => {
    for (const order of ['queues-first', 'as-listed'] as const) {
      const plan = smallPlan({ sites: THREE_SITES, batchSize: 3, batchInterval: '1h', order });
      const own = compilePlan(plan).batches;
      const reordered = compilePlan(withUnreadFirst(plan)).batches;
      const batchOf = (batches: typeof own, m: string) => batches.findIndex((b) => b.mailboxes.includes(m));
      const sooner = own.flatMap((b) => b.mailboxes).filter((m) => ['queue', 'router-user'].includes(kindOf(m)) && batchOf(reordered, m) < batchOf(own, m));
      const unread = unreadMailboxesOf(plan, own);
      expect(unread).not.toBeNull();
      expect((unread?.queues ?? 0) + (unread?.users ?? 0)).toBe(sooner.length);
      expect(unread?.soonerMs).toBe(Math.max(...sooner.map((m) => batchOf(own, m) - batchOf(reordered, m))) * 3_600_000);
    }
    // Nothing to move: every user on the forward mailbox, or the order already in use.
    expect(unreadMailboxesOf(smallPlan({ access: 'forward-mailbox' }), compilePlan(smallPlan({ access: 'forward-mailbox' })).batches)).toBeNull();
    const already = smallPlan({ sites: THREE_SITES, order: 'unread-first' });
    expect(unreadMailboxesOf(already, compilePlan(already).batches)).toBeNull();
  });
});

describe('the advice on mail nobody reads until its batch', () => {
  // Batches 1 to 4: the queues, the forward mailbox and hq's 37 users (forward mailbox); 5 and 6: anna-team's 20 (R4:
  // Email Router access), unread from the switch (R14) for 20 and 25 hours.
  const plan = forwardThenRouterPlan();
  const result = runPlan(plan, plan.seed, { whatIf: true });

  it('names where the untracked mail is, with the run\'s figures, and the order that saves it', () => {
    expect(result.batchTimeline.slice(4).every((b) => b.mailboxes === 10)).toBe(true);
    const filed = result.batchTimeline.slice(4).reduce((n, b) => n + (b.untrackedByReason['not-in-root-inbox'] ?? 0), 0);
    expect(filed * 2).toBeGreaterThanOrEqual(result.counts.untracked);
    const line = result.recommendations.find((r) => r.includes('order: unread-first'));
    expect(line).toBe(`${filed} of the ${result.counts.untracked} untracked messages were filed out of the Inbox of 20 users on Email Router access (anna-team) in batches 5 and 6 (enabled 20h to 1d 1h after the switch), `
      + 'which nobody reads between the switch and their batch: the router stops at the switch (R14) and server-side sync never sees what left the Inbox before it enabled them (S6). '
      + '`order: unread-first` enables the queues and the forward mailbox first, then the users on Email Router access, then those on the forward mailbox '
      + '(whose forwarded copies the forward mailbox tracks from the first batch on): these 20 up to 20h sooner.');
    // Without --what-if the line says --what-if runs it.
    expect(runPlan(plan).recommendations.find((r) => r.includes('order: unread-first'))).toMatch(/up to 20h sooner \(--what-if runs it\)\.$/);
  });

  it('runs the order as a --what-if variant, which leaves fewer untracked than the plan', () => {
    const reordered = runPlan(withUnreadFirst(plan));
    expect(reordered.counts.untracked).toBeLessThan(result.counts.untracked);
    const line = result.recommendations.find((r) => r.startsWith('What if the 20 users on Email Router access (anna-team) went right after the queues (`unread-first` order)'));
    expect(line).toBe(`What if the 20 users on Email Router access (anna-team) went right after the queues (\`unread-first\` order): it would have saved ${result.counts.untracked - reordered.counts.untracked} `
      + `of the ${result.counts.untracked} untracked messages (${reordered.counts.untracked} untracked, 0 duplicates), finishing as planned, in ${formatDurationMs(result.durationMs)}.`);
    // Run that way, the plan has nothing left to move: neither the advice nor the variant.
    expect(runPlan(withUnreadFirst(plan), plan.seed, { whatIf: true }).recommendations.join('\n')).not.toContain('unread-first');
  });

  it('is not given to a plan whose users are all on the forward mailbox: their mail is read from the switch on', () => {
    const forward = forwardThenRouterPlan({ sites: [{ name: 'hq', users: 37, queues: 2, access: 'forward-mailbox' }, { name: 'east', users: 20, access: 'forward-mailbox' }] });
    const advice = runPlan(forward, forward.seed, { whatIf: true }).recommendations;
    expect(advice.some((r) => r.startsWith('What if a batch interval'))).toBe(true);
    expect(advice.join('\n')).not.toContain('unread-first');
    expect(advice.join('\n')).not.toContain('Email Router access');
  });

  it('is given only when their mail is a large share of the untracked, and not against its own --what-if run', () => {
    const unread = unreadMailboxesOf(plan, compilePlan(plan).batches);
    if (unread === null) throw new Error('anna-team moves sooner');
    const inputs = { plan, batches: result.batchTimeline, durationMs: result.durationMs, halvedDurationMs: null };
    const counts = (untracked: number) => ({ ...result.counts, untracked, untrackedByReason: { 'not-in-root-inbox': untracked } });
    const advice = (filed: number, untracked: number, unreadFirstRun: 'fewer' | 'as-many' | 'more' | null = null) =>
      recommendationsFor({ ...inputs, counts: counts(untracked), unread: { ...unread, filed }, unreadFirstRun }).find((r) => r.includes('unread-first'));
    expect(advice(50, 100)).toMatch(/^50 of the 100 untracked messages were filed/);
    expect(advice(49, 100)).toBeUndefined();
    expect(advice(0, 0)).toBeUndefined();
    expect(advice(50, 100, 'fewer')).toMatch(/these 20 up to 20h sooner\.$/);
    expect(advice(50, 100, 'as-many')).toMatch(/Yet --what-if's run of `order: unread-first` leaves as many untracked \(below\): enabling them sooner is no remedy here\.$/);
    expect(advice(50, 100, 'more')).toContain('leaves more untracked (below)');
  });
});

describe('batchesSaid', () => {
  it('says one batch, two, a run and a list', () => {
    expect([[4], [4, 5], [21, 22, 23, 24, 25], [2, 4, 7]].map(batchesSaid)).toEqual(['batch 4', 'batches 4 and 5', 'batches 21 to 25', 'batches 2, 4 and 7']);
  });
});
