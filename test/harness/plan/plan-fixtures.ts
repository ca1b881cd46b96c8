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
  readonly order?: 'queues-first' | 'as-listed';
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
  - { name: hq, users: ${o.users ?? 12}, queues: ${o.queues ?? 1}, access: ${o.access ?? 'email-router'} }
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
