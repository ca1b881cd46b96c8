// A plan compiles into the scenario it describes: its population, the router's forward mailbox and rules, the
// cutover's batches in S14 order, Test & Enable failures at the plan's rate and their retries.
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../harness/plan/compile-plan.js';
import { smallPlan } from './plan-fixtures.js';

describe('compilePlan', () => {
  it('builds the population, the forward mailbox and the forward rules of users on it', () => {
    const { scenario } = compilePlan(smallPlan({ access: 'forward-mailbox', users: 5, queues: 2 }));
    const mailboxes = scenario.exchange?.mailboxes ?? [];
    expect(mailboxes.filter((m) => m.kind === 'user').map((m) => m.address)).toEqual(['hq1', 'hq2', 'hq3', 'hq4', 'hq5'].map((u) => `${u}@contoso.example`));
    expect(mailboxes.filter((m) => m.kind === 'queue')).toHaveLength(2);
    expect(mailboxes.filter((m) => m.kind === 'forward').map((m) => m.address)).toEqual(['crm@contoso.example']);
    expect(scenario.exchange?.rules[0]?.users).toHaveLength(5);
    const direct = compilePlan(smallPlan({ access: 'email-router', users: 5 })).scenario;
    expect(direct.exchange?.rules).toEqual([]);
  });

  it('puts the queues and the forward mailbox in the first batch when queues go first (S14), users in site order after', () => {
    const { batches } = compilePlan(smallPlan({ users: 6, queues: 1, batchSize: 4 }));
    expect(batches.map((b) => b.mailboxes.length)).toEqual([4, 4]);
    expect(batches[0]?.mailboxes.slice(0, 2)).toEqual(['hq-queue1@contoso.example', 'crm@contoso.example']);
    expect(batches[1]?.atMs).toBe((batches[0]?.atMs ?? 0) + 4 * 3_600_000);
    const listed = compilePlan(smallPlan({ users: 6, queues: 1, batchSize: 4, order: 'as-listed' })).batches;
    expect(listed[0]?.mailboxes[0]).toBe('hq1@contoso.example');
  });

  it('draws Test & Enable failures from the seed at the plan\'s rate, and schedules their retries', () => {
    const none = compilePlan(smallPlan({ users: 40, failureRate: 0 }));
    expect(none.failing.size).toBe(0);
    const some = compilePlan(smallPlan({ users: 40, failureRate: 0.3, retryAfter: '1h' }));
    expect(some.failing.size).toBeGreaterThan(3);
    expect(some.failing.size).toBeLessThan(30);
    expect(compilePlan(smallPlan({ users: 40, failureRate: 0.3 })).failing).toEqual(some.failing);
    const retries = some.scenario.faults.filter((f) => f.verb === 'grantMailboxAccess');
    expect(retries.flatMap((f) => f.mailboxes ?? []).sort()).toEqual([...some.failing].sort());
    expect(some.lastEnabledAtMs).toBe(Math.max(...some.batches.map((b) => b.atMs + (b.mailboxes.some((m) => some.failing.has(m)) ? 3_600_000 : 0))));
    expect(some.scenario.horizon).toBe(some.lastEnabledAtMs + 4 * 3_600_000);
  });

  it('knows its drawn failures in a domain written in capitals: the scenario\'s addresses are lower case (S4)', () => {
    // With `domain: Contoso.com` the failures were drawn as Contoso.com and the batches held contoso.com: no retry was
    // scheduled, and the failed mailboxes were counted as disabled by a fault.
    const some = compilePlan(smallPlan({ users: 40, failureRate: 0.3, retryAfter: '1h', domain: 'Contoso.COM' }));
    expect(some.failing.size).toBeGreaterThan(3);
    const batched = new Set(some.batches.flatMap((b) => b.mailboxes));
    expect([...some.failing].filter((m) => !batched.has(m))).toEqual([]);
    expect(some.scenario.faults.filter((f) => f.verb === 'grantMailboxAccess').flatMap((f) => f.mailboxes ?? []).sort()).toEqual([...some.failing].sort());
  });
});
