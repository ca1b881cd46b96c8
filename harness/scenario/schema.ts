// The scenario language: a zod schema that validates a parsed YAML file and produces the typed scenario the world
// builder runs. This is the foundation's skeleton; the model issues add topology, CRM, router and sync sections.
import { z } from 'zod';
import { CORE_FAULT_HANDLERS } from '../../sim/core/fault.js';
import { NUMERIC_COUNT_NAMES, UNEXPLAINED } from '../../sim/ledger/counts.js';
import { CHECK_NAMES } from '../../sim/check/all-checks.js';
import { parseCountExpectation } from '../../sim/check/count-expectation.js';
import { EXCHANGE_FAULT_VERBS } from '../../fakes/exchange/exchange-faults.js';
import { durationMs, instantMs, positiveDurationMs } from './duration.js';
import { exchangeSchema, internetSchema, trafficSchema, usersSchema } from './exchange-schema.js';
import { crmSchema } from './crm-schema.js';
import { CRM_FAULT_VERBS } from '../../fakes/crm/crm-faults.js';
import { ROUTER_FAULT_VERBS } from '../../fakes/router/router-faults.js';
import { routerSchema } from './router-schema.js';
import { sssSchema } from './sss-schema.js';
import { SSS_FAULT_VERBS } from '../../fakes/sss/sss-faults.js';
import { ACT_ACTIONS_EXCHANGE } from '../../fakes/exchange/act-faults.js';
import { ACT_ACTIONS_CRM } from '../../fakes/crm/act-faults.js';
import { actChangeSchema } from './act-schema.js';

const verdict = z.enum(['pass', 'fail', 'unknown']);

const countExpectation = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = parseCountExpectation(value);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

/** Declared untracked mail by the reason models record (counts' `untrackedByReason`); `unexplained` marks a model bug. */
const untrackedDeclarations = z.record(z.string(), countExpectation).superRefine((declared, ctx) => {
  for (const reason of Object.keys(declared)) {
    if (reason === UNEXPLAINED) {
      ctx.addIssue({ code: 'custom', path: [reason], message: 'unexplained cannot be declared: it marks mail no model gave a reason for (no-silent-drop)' });
    } else if (!/^[a-z0-9][a-z0-9-]*$/.test(reason)) {
      ctx.addIssue({ code: 'custom', path: [reason], message: 'expected a reason such as before-process-email-from (lower-case letters, digits and dashes)' });
    }
  }
});

/** `latency`'s upper bounds on accepted -> first activity; at least one. */
const latencySchema = z.strictObject({
  p50: durationMs.optional(),
  p95: durationMs.optional(),
  max: durationMs.optional(),
}).refine((l) => l.p50 !== undefined || l.p95 !== undefined || l.max !== undefined, 'set at least one of p50, p95, max');

const expectSchema = z.strictObject({
  counts: z.partialRecord(z.enum(NUMERIC_COUNT_NAMES), countExpectation).optional(),
  checks: z.partialRecord(z.enum(CHECK_NAMES as [string, ...string[]]), verdict).optional(),
  /** Declared untracked mail, by reason (sim/check/untracked-declarations.ts). */
  untracked: untrackedDeclarations.optional(),
  latency: latencySchema.optional(),
});

export const FAULT_VERBS = [...Object.keys(CORE_FAULT_HANDLERS), ...EXCHANGE_FAULT_VERBS, ...CRM_FAULT_VERBS, ...ROUTER_FAULT_VERBS, ...SSS_FAULT_VERBS] as string[] as [string, ...string[]];

const faultSchema = z.strictObject({
  at: durationMs,
  verb: z.enum(FAULT_VERBS),
  target: z.string().min(1).optional(),
  peers: z.array(z.string().min(1)).min(1).optional(),
  /** dismount, mount, backup, restore: which database of the target server. */
  database: z.string().min(1).optional(),
  /** restore: the backup taken at or before this instant. */
  backupAt: durationMs.optional(),
  /** restore: replay the transaction logs after the backup (nothing lost) or not (X3). */
  replayLogs: z.boolean().optional(),
  /** activateLaggedCopy: how far the copy lags; failover: how much recent mail the activated copy lacks. */
  lag: durationMs.optional(),
  /** resubmitSafetyNet: resubmit what was delivered since this instant. */
  since: durationMs.optional(),
  /** smtpFault: the stage that answers with `code`, or drops the 250 after DATA (`dropReply`); crmApiFault: the HTTP
   * status the CRM web service answers (default 503). */
  stage: z.enum(['connect', 'ehlo', 'mail', 'rcpt', 'data', 'end-of-data']).optional(),
  code: z.number().int().min(400).max(599).optional(),
  dropReply: z.boolean().optional(),
  /** deleteTrackedEmail, testAndEnable, denyMailboxAccess, removeInboxRules: one mailbox (default: all of them). */
  mailbox: z.string().min(1).transform((a) => a.toLowerCase()).optional(),
  /** testAndEnable, denyMailboxAccess, grantMailboxAccess, removeInboxRules: a list of mailboxes. */
  mailboxes: z.array(z.string().min(1).transform((a) => a.toLowerCase())).min(1).optional(),
  /** setProcessEmailFrom: the new instant (negative: before the start), and which profile (default: all). */
  processEmailFrom: instantMs.optional(),
  profile: z.string().min(1).optional(),
  /** testAndEnable: the "sync with this org only" option (S13). */
  thisOrgOnly: z.boolean().optional(),
  /** otherOrgTestAndEnable: the other CRM organisation that claims the mailboxes (S13). */
  organisation: z.string().min(1).optional(),
  /** exchangeItem (create, edit, delete, copy, track) and crmRecord (create, edit, complete, cancel, delete), S15. */
  action: z.enum([...new Set([...ACT_ACTIONS_EXCHANGE, ...ACT_ACTIONS_CRM])] as [string, ...string[]]).optional(),
  item: actChangeSchema.optional(),
});

const toySchema = z.strictObject({
  messages: z.number().int().nonnegative().default(100),
  meanInterval: positiveDurationMs.default(60_000),
  retryInterval: positiveDurationMs.default(5 * 60_000),
  expiry: durationMs.default(2 * 86_400_000),
  pollInterval: positiveDurationMs.default(60_000),
  batchSize: z.number().int().positive().default(10),
  processingMean: durationMs.default(2_000),
});

export const scenarioSchema = z.strictObject({
  kind: z.literal('scenario'),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  description: z.string().optional(),
  seed: z.number().int().min(0).max(0xffff_ffff),
  /** Virtual time 0: an ISO 8601 UTC instant. */
  start: z.iso.datetime({ message: 'expected an ISO 8601 UTC instant such as 2026-01-05T08:00:00Z' }),
  /** Traffic and scheduled operations stop here. */
  horizon: durationMs,
  /** Periodic processes keep running after the horizon until nothing is in flight or the drain ends. */
  drain: durationMs.default(3 * 86_400_000),
  /** The foundation's toy world; a scenario has either `toy` or `exchange`. */
  toy: toySchema.optional(),
  exchange: exchangeSchema.optional(),
  internet: internetSchema.optional(),
  traffic: trafficSchema.optional(),
  users: usersSchema.optional(),
  /** The CRM organisation, or a list of them (one router can serve several, R12); goes with an exchange world. */
  crm: z.union([crmSchema, z.array(crmSchema).min(1)]).optional(),
  /** The E-mail Router serving the CRM organisation; goes with `crm`. */
  router: routerSchema.optional(),
  /** Server-side synchronization for the CRM organisation, and a cutover to it; goes with `crm`. */
  sss: sssSchema.optional(),
  faults: z.array(faultSchema).default([]),
  expect: expectSchema.default({}),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioFault = Scenario['faults'][number];
