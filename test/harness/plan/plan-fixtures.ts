// Small plans for the planner's tests, as YAML text with the fields a test varies.
import { parsePlanText } from '../../../harness/plan/load-plan.js';
import type { Plan } from '../../../harness/plan/plan-schema.js';

export interface SmallPlanOptions {
  readonly access?: 'forward-mailbox' | 'email-router';
  readonly users?: number;
  readonly queues?: number;
  readonly batchSize?: number;
  readonly batchInterval?: string;
  readonly fileProbability?: number;
  readonly failureRate?: number;
  readonly retryAfter?: string;
  readonly forwardRules?: 'keep' | 'remove-per-batch' | 'remove-at-end';
  readonly order?: Plan['cutover']['order'];
  /** The sites, instead of the one site `hq` of `users`, `queues` and `access`. */
  readonly sites?: ReadonlyArray<{ readonly name: string; readonly users: number; readonly queues?: number; readonly access: 'forward-mailbox' | 'email-router' }>;
  readonly domain?: string;
}

export function smallPlan(o: SmallPlanOptions = {}): Plan {
  const retry = o.retryAfter === undefined ? '' : `, retryAfter: ${o.retryAfter}`;
  return parsePlanText(`
kind: plan
name: small
seed: 3
start: 2026-01-05T00:00:00Z
${o.domain === undefined ? '' : `domain: ${o.domain}\n`}sites:
${(o.sites ?? [{ name: 'hq', users: o.users ?? 12, queues: o.queues ?? 1, access: o.access ?? 'email-router' }])
    .map((site) => `  - { name: ${site.name}, users: ${site.users}, queues: ${site.queues ?? 0}, access: ${site.access} }`).join('\n')}
traffic: { perMailboxPerDay: 24 }
people:
  file: { probability: ${o.fileProbability ?? 0}, meanDelay: 2h }
cutover:
  switchAt: 2h
  batchSize: ${o.batchSize ?? 4}
  batchInterval: ${o.batchInterval ?? '4h'}
  order: ${o.order ?? 'queues-first'}
  forwardRules: ${o.forwardRules ?? 'remove-per-batch'}
  testAndEnable: { failureRate: ${o.failureRate ?? 0}${retry} }
  settle: 4h
`, 'small.yaml');
}

/**
 * plan800b of the review, scaled down: users on the forward mailbox at the first site (with the queues), users on
 * Email Router access at the second, 10 mailboxes a batch every 5 hours, queues first: the second site's users come
 * last, in batches 5 and 6, unread from the switch until then (R14, S6).
 */
export function forwardThenRouterPlan(o: SmallPlanOptions = {}): Plan {
  return smallPlan({
    sites: [{ name: 'hq', users: 37, queues: 2, access: 'forward-mailbox' }, { name: 'anna-team', users: 20, access: 'email-router' }],
    batchSize: 10, batchInterval: '5h', fileProbability: 0.2, ...o,
  });
}
