// A scenario's cutover in `order: unread-first` (harness/world/cutover-order.ts): the queues and forward mailboxes,
// then the users on Email Router access, whose Inbox nobody reads between the switch and their batch (R14, S6), then
// the users on the forward mailbox, whose copies the forward mailbox's record tracks meanwhile (R2, S1). The same
// order the planner gives a plan, and the untracked mail it saves where the router's users would come last.
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../harness/plan/compile-plan.js';
import { withUnreadFirst } from '../../../harness/plan/unread-first.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { parseScenarioData } from '../../../harness/scenario/load-scenario.js';
import { inCutoverOrder, type CutoverOrder } from '../../../harness/world/cutover-order.js';
import { smallPlan } from '../plan/plan-fixtures.js';
import { routerSection, runCrm } from '../../helpers/crm-scenario.js';

const HOUR = 3_600_000;

describe('the cutover order', () => {
  const mailboxes = [
    { name: 'f1', user: true, routerRead: false },
    { name: 'q1', user: false, routerRead: true },
    { name: 'r1', user: true, routerRead: true },
    { name: 'f2', user: true, routerRead: false },
    { name: 'fwd', user: false, routerRead: false },
    { name: 'r2', user: true, routerRead: true },
  ];
  const ordered = (order: CutoverOrder) => inCutoverOrder(mailboxes, order, (m) => m).map((m) => m.name);

  it('takes queues and forward mailboxes first (S14), under unread-first the router\'s users next (R14), each group as listed', () => {
    expect(ordered('as-listed')).toEqual(['f1', 'q1', 'r1', 'f2', 'fwd', 'r2']);
    expect(ordered('queues-first')).toEqual(['q1', 'fwd', 'f1', 'r1', 'f2', 'r2']);
    expect(ordered('unread-first')).toEqual(['q1', 'fwd', 'r1', 'r2', 'f1', 'f2']);
  });
});

describe('a scenario\'s cutover with order: unread-first', () => {
  it('batches as the planner batches the plan with that order', () => {
    // The plan compiled in its default order lists the CRM users site by site: the router's users (anna, west) among
    // the others. Its scenario, told `order: unread-first`, must regroup them as the planner does.
    const sites = [
      { name: 'hq', users: 3, queues: 1, access: 'forward-mailbox' as const },
      { name: 'anna', users: 2, access: 'email-router' as const },
      { name: 'east', users: 2, queues: 1, access: 'forward-mailbox' as const },
      { name: 'west', users: 2, access: 'email-router' as const },
    ];
    const plan = smallPlan({ sites, batchSize: 4, batchInterval: '1h' });
    const { input } = compilePlan(plan);
    const sss = input['sss'] as { cutover: Record<string, unknown> };
    const scenario = parseScenarioData({ ...input, sss: { ...sss, cutover: { ...sss.cutover, order: 'unread-first' } } }, 'unread-first.yaml');
    const run = runScenario(scenario);
    const planned = compilePlan(withUnreadFirst(plan)).batches;
    expect(run.cutover?.batches).toEqual(planned);
    // Not the order the scenario lists them in: the default order keeps hq's users before anna's.
    expect(compilePlan(plan).batches.map((b) => b.mailboxes)).not.toEqual(planned.map((b) => b.mailboxes));
    expect(planned.map((b) => b.mailboxes)).toEqual([
      ['hq-queue1', 'east-queue1', 'crm', 'anna1'],
      ['anna2', 'west1', 'west2', 'hq1'],
      ['hq2', 'hq3', 'east1', 'east2'],
    ].map((batch) => batch.map((m) => `${m}@contoso.example`)));
  });

  it('leaves less mail untracked than the default order when the router\'s user would come last (R14, S6)', () => {
    // Paul is on Forward Mailbox (listed first), Anna on Email Router access: one mailbox a batch, 4 hours apart.
    const run = (order: string) => runCrm({
      seed: 5, horizon: '12h', router: routerSection(), rules: '[{ to: crm@contoso.example, users: [paul@contoso.example] }]',
      users: `
    - { address: paul@contoso.example, incoming: forward-mailbox, filter: all }
    - { address: anna@contoso.example, incoming: email-router, filter: all }`,
      traffic: '{ generators: [{ name: carol, sender: fabrikam, ratePerHour: 12, to: all-users, until: 11h }] }',
      people: '{ file: { probability: 0.3, meanDelay: 1h } }',
      sss: `
  profiles: [{ name: exchange, server: ex1 }]
  mailboxes: [{ address: crm@contoso.example, deleteAfterProcessing: true }]
  cutover: { at: 1h, batchSize: 1, batchInterval: 4h, ${order} }`,
    });
    const enabledAtMs = (outcome: ReturnType<typeof run>, address: string) => outcome.cutover?.batches.find((b) => b.mailboxes.includes(address))?.atMs;
    const [queuesFirstRun, unreadFirstRun] = [run('queuesFirst: true'), run('order: unread-first')];
    // The forward mailbox first; then Paul, then Anna 8 hours after the switch; unread-first, Anna 4 hours after it.
    expect(enabledAtMs(queuesFirstRun, 'anna@contoso.example')).toBe(9 * HOUR);
    expect(enabledAtMs(unreadFirstRun, 'anna@contoso.example')).toBe(5 * HOUR);
    const [queuesFirst, unreadFirst] = [queuesFirstRun.counts, unreadFirstRun.counts];
    // What she filed before her batch nobody read (S6); sooner, less of it.
    expect(queuesFirst.untrackedByReason['not-in-root-inbox'] ?? 0).toBeGreaterThan(0);
    expect(unreadFirst.untracked).toBeLessThan(queuesFirst.untracked);
    // The same traffic, the same people: only the order differs.
    expect(unreadFirst.sent).toBe(queuesFirst.sent);
    expect({ lost: unreadFirst.lost, duplicates: unreadFirst.duplicates }).toEqual({ lost: 0, duplicates: 0 });
  });
});
