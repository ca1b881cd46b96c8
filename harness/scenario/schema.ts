// The scenario language: a zod schema that validates a parsed YAML file and produces the typed scenario the world
// builder runs. This is the foundation's skeleton; the model issues add topology, CRM, router and sync sections.
import { MAX_SEED } from './seed-bound.js';
import { z } from 'zod';
import { CORE_FAULT_HANDLERS } from '../../sim/core/fault.js';
import { NUMERIC_COUNT_NAMES, UNEXPLAINED } from '../../sim/ledger/counts.js';
import { CHECK_NAMES } from '../../sim/check/all-checks.js';
import { parseCountExpectation } from '../../sim/check/count-expectation.js';
import { EXCHANGE_FAULT_VERBS } from '../../fakes/exchange/exchange-faults.js';
import { durationMs, instantMs, positiveDurationMs, timeAfterStartMs } from './duration.js';
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
import { ACT_COUNT_NAMES } from '../../fakes/sss/act-sync.js';
import { INJECTED_BUG_NAMES } from './injected-bugs.js';
import { demoSchema } from './demo-schema.js';
import { isUntrackedReason, UNTRACKED_REASONS } from '../../sim/ledger/untracked-reasons.js';
import { didYouMean } from './closest-name.js';
import { HOST_PORT_PATTERN, hostPortProblem } from '../../fakes/wire/smtp-address.js';
import { refusingProtoKey } from './proto-key.js';

const verdict = z.enum(['pass', 'fail', 'unknown']);

/** How long a run may drain after its horizon unless the scenario says (compiled plans take it too). */
export const DEFAULT_DRAIN_MS = 3 * 86_400_000;

const countExpectation = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = parseCountExpectation(value);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});


/** Declared untracked mail by the reason models record (counts' `untrackedByReason`); `unexplained` marks a model bug. */
const untrackedDeclarations = refusingProtoKey(z.record(z.string(), countExpectation).superRefine((declared, ctx) => {
  for (const reason of Object.keys(declared)) {
    if (reason === UNEXPLAINED) {
      ctx.addIssue({ code: 'custom', path: [reason], message: 'unexplained cannot be declared: it marks mail no model gave a reason for (no-silent-drop)' });
    } else if (!isUntrackedReason(reason)) {
      // A misspelt reason would be declared, never met, and pass as `>= 0` beside the real reason's failure.
      const known = Object.keys(UNTRACKED_REASONS);
      const hint = didYouMean(reason, known);
      ctx.addIssue({ code: 'custom', path: [reason], message: `no untracked reason '${reason}'${hint === '' ? `: one of ${known.join(', ')}` : hint}` });
    }
  }
}));

/** `latency`'s upper bounds on accepted -> first activity; at least one. */
const latencySchema = z.strictObject({
  p50: durationMs.optional().describe('Half of the received mail is tracked within this.'),
  p95: durationMs.optional().describe('95 % of the received mail is tracked within this.'),
  max: durationMs.optional().describe('All received mail is tracked within this.'),
}).refine((l) => l.p50 !== undefined || l.p95 !== undefined || l.max !== undefined, 'set at least one of p50, p95, max');

const expectSchema = z.strictObject({
  counts: refusingProtoKey(z.partialRecord(z.enum(NUMERIC_COUNT_NAMES), countExpectation)).optional().meta({
    description: 'Counts the run must show: a number (exact, this seed only) or a comparison such as ">= 10" (any seed).',
    examples: [{ lost: 0, duplicatesPrevented: '>= 1' }],
  }),
  checks: refusingProtoKey(z.partialRecord(z.enum(CHECK_NAMES as [string, ...string[]]), verdict)).optional().meta({
    description: 'Expected verdict per check (default pass; latency unknown without thresholds).',
    examples: [{ 'no-duplicate-activity': 'fail' }],
  }),
  /** Declared untracked mail, by reason (sim/check/untracked-declarations.ts). */
  untracked: untrackedDeclarations.optional().meta({
    description: 'Declared untracked mail: reason -> count, as in counts. Makes no-untracked-mail\'s fail expected; a reason not declared fails the run.',
    examples: [{ 'before-process-email-from': '>= 1' }],
  }),
  latency: latencySchema.optional().meta({
    description: 'Upper bounds on accepted -> first activity for received mail (p50, p95, max); without them latency is unknown.',
    examples: [{ p50: '5m', p95: '10m' }],
  }),
  recreated: countExpectation.optional().meta({
    description: 'Activities a person deleted in CRM that a reader made again, as in counts: a router whose state was reset or restored reads old mail again and CRM, no longer finding the deleted activity, tracks it anew (R8, KB2491350). Users see them as duplicates; `tracked` counts both, `duplicates` neither (no-duplicate-activity measures them).',
    examples: ['<= 40'],
  }),
  act: refusingProtoKey(z.partialRecord(z.enum(ACT_COUNT_NAMES), countExpectation)).optional().meta({
    description: 'What server-side sync\'s appointments, contacts and tasks cycles did (S15), by count, as in counts.',
    examples: [{ cancellationsSent: 0, conflicts: '>= 1' }],
  }),
});

/**
 * An actor's name as faults write it. An Outlook client is named by its user's address, and addresses ignore case
 * everywhere else (mailboxes, recipients, CRM users): `outlook:Paul@Contoso.example` is Paul's client. Other names
 * cannot hold a colon (they are letters, digits, dot, dash or underscore), so nothing else is folded.
 */
const actorName = z.string().min(1).transform((name) => (/^outlook:/i.test(name) ? name.toLowerCase() : name));

export const FAULT_VERBS = [...Object.keys(CORE_FAULT_HANDLERS), ...EXCHANGE_FAULT_VERBS, ...CRM_FAULT_VERBS, ...ROUTER_FAULT_VERBS, ...SSS_FAULT_VERBS] as string[] as [string, ...string[]];

export const faultSchema = z.strictObject({
  at: timeAfterStartMs.describe('When it happens, after the start; not after the horizon.'),
  verb: z.enum(FAULT_VERBS).describe('What happens: the engine\'s `crash`, `restart`, `down`, `up`, `partition`, `heal`, and the operations of the Exchange, CRM, router and server-side sync models (docs/scenario-language.md).'),
  target: actorName.optional().meta({ description: 'The actor it happens to: an Exchange server or outside sender by name, the CRM server, `outlook:<address>`, a router instance, the server-side sync service.', examples: ['ex1'] }),
  peers: z.array(actorName).min(1).optional().meta({ description: 'partition: the actors the target is cut off from.', examples: [['crm']] }),
  database: z.string().min(1).optional().meta({ description: 'dismount, mount, backup, restore, activateLaggedCopy, resubmitSafetyNet: which database of the target server.', examples: ['db1'] }),
  backupAt: timeAfterStartMs.optional().describe('restore, restoreState: the backup taken at or before this instant (default: the latest).'),
  replayLogs: z.boolean().optional().describe('restore: replay the transaction logs after the backup (nothing lost) or not (X3: everything after the backup is lost).'),
  lag: durationMs.optional().describe('activateLaggedCopy: how far the copy lags; failover: how much recent mail the activated copy lacks (X2).'),
  since: timeAfterStartMs.optional().describe('resubmitSafetyNet: resubmit what was delivered since this instant (X2).'),
  stage: z.enum(['connect', 'ehlo', 'mail', 'rcpt', 'data', 'end-of-data']).optional().describe('smtpFault: the SMTP stage that answers with `code`, or after which the 250 is dropped (`dropReply`); `end-of-data` when not given.'),
  code: z.number().int().min(400).max(599).optional().meta({ description: 'smtpFault: the reply code (4xx: senders retry; 5xx: an NDR; 451 when not given); crmApiFault: the HTTP status the CRM web service answers (default 503).', examples: [451] }),
  dropReply: z.boolean().optional().describe('smtpFault: the message is delivered but the 250 after DATA is lost, so the sender sends it again.'),
  mailbox: z.string().min(1).transform((a) => a.toLowerCase()).optional().meta({ description: 'deleteTrackedEmail (a user or queue of the target organisation), failActivityCreation (the mailbox mail is read from: a user, a queue, or the forward mailbox), testAndEnable, denyMailboxAccess, grantMailboxAccess, removeInboxRules, otherOrgTestAndEnable, exchangeItem: one mailbox (default: all of them).', examples: ['paul@contoso.example'] }),
  mailboxes: z.array(z.string().min(1).transform((a) => a.toLowerCase())).min(1).optional().meta({ description: 'testAndEnable, denyMailboxAccess, grantMailboxAccess, removeInboxRules, otherOrgTestAndEnable: a list of mailboxes (not with `mailbox`).', examples: [['paul@contoso.example', 'support@contoso.example']] }),
  processEmailFrom: instantMs.optional().describe('setProcessEmailFrom (required there): the new instant (S2a), negative for before the start.'),
  profile: z.string().min(1).optional().meta({ description: 'setProcessEmailFrom: which email server profile (default: all).', examples: ['exchange'] }),
  thisOrgOnly: z.boolean().optional().describe('testAndEnable: the "sync with this org only" option (S13).'),
  onlyDisabled: z.boolean().optional().describe('testAndEnable: only the mailboxes (of those named, or all) whose Test & Enable failed or that sync disabled after errors (S3, S4): retest them once an outage is over without enabling a cutover\'s later batches early.'),
  organisation: z.string().min(1).optional().meta({ description: 'otherOrgTestAndEnable: the other CRM organisation that claims the mailboxes (S13).', examples: ['other-org'] }),
  action: z.enum([...new Set([...ACT_ACTIONS_EXCHANGE, ...ACT_ACTIONS_CRM])] as [string, ...string[]]).optional()
    .describe('exchangeItem: create, edit, delete, copy, track; crmRecord: create, edit, complete, cancel, delete (S15).'),
  item: actChangeSchema.optional().describe('exchangeItem, crmRecord: the appointment, contact or task, with the fields set or changed (S15).'),
});

const toySchema = z.strictObject({
  messages: z.number().int().nonnegative().default(100).describe('Messages the sender submits (fewer if the horizon comes first).'),
  meanInterval: positiveDurationMs.default(60_000).describe('Mean gap between submissions (exponential).'),
  retryInterval: positiveDurationMs.default(5 * 60_000).describe('The sender\'s retry gap while the mailbox refuses connections.'),
  expiry: durationMs.default(2 * 86_400_000).describe('After this long queued, the sender returns an NDR (`bounced`).'),
  pollInterval: positiveDurationMs.default(60_000).describe('How often the consumer polls the mailbox.'),
  batchSize: z.number().int().positive().default(10).describe('Items per poll.'),
  processingMean: durationMs.default(2_000).describe('Mean time of each of the consumer\'s two steps (create the activity, delete the item).'),
});

/** Wire mode: a marker, or the settings `mailflow serve` needs (docs/wire.md). */
const wireSchema = z.union([
  z.boolean(),
  z.strictObject({
    compare: z.boolean().default(false).describe('Same as `wire: true`: the wire run must match the virtual run\'s verdict and counts.'),
    outboundSmtp: z.string().regex(HOST_PORT_PATTERN, 'host:port')
      // The pattern first (its message says what is expected); then the port's range and a bracketed IPv6 address.
      .superRefine((value, ctx) => { if (HOST_PORT_PATTERN.test(value)) { const problem = hostPortProblem(value); if (problem !== null) ctx.addIssue({ code: 'custom', message: problem }); } })
      .optional().meta({
      description: 'Under `mailflow serve` and `mailflow run --wire`, CRM\'s SMTP outbound (O1) leaves through nodemailer to this SMTP server instead of the modelled one: real email to the scenario\'s recipients. Only a loopback server (127.0.0.0/8, [::1], localhost) is taken from the file; any other needs `--outbound-smtp HOST:PORT` from the person running it (docs/wire.md).',
      examples: ['127.0.0.1:2526'],
    }),
  }),
]);

export const scenarioSchema = z.strictObject({
  kind: z.literal('scenario').describe('Tells scenario files from plan files.'),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes').meta({ description: 'The name summaries and reports use: lower-case letters, digits and dashes.', examples: ['exchange-outage'] }),
  description: z.string().optional().meta({ description: 'What the scenario shows.', examples: ['Exchange is down for 3 hours; senders retry and nothing is lost.'] }),
  seed: z.number().int().min(0).max(MAX_SEED).meta({ description: 'The seed of every random choice in the run; `--seed` overrides it.', examples: [42] }),
  start: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 instant with its zone, such as 2026-01-05T08:00:00Z or 2026-01-05T09:00:00+01:00' })
    .describe('Virtual time 0: an ISO 8601 instant with its zone, `Z` or an offset (read as UTC). Instants elsewhere in the file (`at`, `backupAt`, `since`, `until`, `processEmailFrom`) may then be written as such instants too, read as the time after it.'),
  randomStreams: z.enum(['shared', 'per-actor']).default('shared').describe('`shared`: one random stream for the whole world (the default); `per-actor`: each actor (an outside sender, the people, a router) draws from its own, so changing one part of the world leaves the others\' draws alone. The demo\'s lessons use it so both lanes see the same traffic.'),
  horizon: positiveDurationMs.meta({ description: 'Traffic and scheduled operations stop here: longer than 0, or nothing would happen.', examples: ['8h'] }),
  drain: durationMs.default(DEFAULT_DRAIN_MS).describe('After the horizon, periodic processes keep running until nothing is in flight or the drain ends.'),
  toy: toySchema.optional().describe('The foundation\'s toy world (a sender, a mailbox, a consumer); a scenario has either `toy` or `exchange`.'),
  exchange: exchangeSchema.optional().describe('The Exchange organisation: servers, databases, mailboxes, inbox rules, transport settings (X1-X5; docs/exchange.md).'),
  internet: internetSchema.optional().describe('Outside senders with their retry profiles (X1); goes with `exchange`.'),
  traffic: trafficSchema.optional().describe('The mail sent during the run; goes with `exchange`.'),
  users: usersSchema.optional().describe('How the organisation\'s people treat received mail (S6 makes filing matter); probabilities per received message.'),
  crm: z.union([crmSchema, z.array(crmSchema).min(1)]).optional().describe('The CRM organisation, or a list of them (one router can serve several, R12); goes with `exchange` (docs/crm.md).'),
  router: z.union([routerSchema, z.array(routerSchema).min(1)]).optional()
    .describe('The E-mail Router serving the CRM organisation, or a list of separate router installs (one per site, each with its own forward mailbox); goes with `crm` (docs/router.md).'),
  sss: sssSchema.optional().describe('Server-side synchronization for the CRM organisation, and a cutover to it; goes with `crm` (docs/sss.md).'),
  faults: z.array(faultSchema).default([]).describe('Timed faults and operations, each at an instant at or before the horizon. The example below shows every field at once; each verb reads only its own (docs/scenario-language.md lists them), and a setting its verb does not read is refused.'),
  injectBug: z.enum(INJECTED_BUG_NAMES).optional().meta({
    description: 'Switches on a known defect so a fuzz campaign must find it (`mailflow fuzz --inject-bug`); counterexample files keep it so `mailflow run` replays it. Never in a real scenario.',
    examples: ['delete-before-create'],
  }),
  wire: wireSchema.optional().describe('Wire mode (docs/wire.md): `true` marks a scenario whose `mailflow run --wire` must give the virtual run\'s verdict and counts (a test checks it); an object also names where CRM\'s outbound SMTP goes on the wire (`serve`, `run --wire`).'),
  expect: expectSchema.default({}).describe('What the run is judged against: counts, check verdicts, declared losses. Every check is expected to pass unless stated.'),
  demo: demoSchema.optional().describe('The trainer view (`mailflow demo`): how the server-side sync lane (and the router lane) differ from the file, and the lesson\'s captions (docs/demo.md).'),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioFault = Scenario['faults'][number];
