// Turns a plan into the scenario it stands for: Exchange with a server per site, the router reading one forward
// mailbox (R1, R2) and the queues directly, CRM with every user and queue, outside traffic at the plan's rate, the
// people's filing and deleting, and server-side sync's cutover (R14, S2a, S14) with the Test & Enable failures drawn
// from the plan's seed and their retries. The scenario runs like any other; compile-plan.test.ts checks its shape.
import { Rng } from '../../sim/core/rng.js';
import { InputError } from '../scenario/input-error.js';
import { formatDurationMs } from '../scenario/duration.js';
import { parseScenarioData } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import type { ScenarioInput } from '../fuzz/fuzz-shape.js';
import { crmConfigOf } from '../world/build-crm-world.js';
import { routerConfigOf } from '../world/build-router-world.js';
import { cutoverBatches, sssConfigOf } from '../world/build-sss-world.js';
import { routerInstalls } from '../scenario/routers.js';
import type { Plan } from './plan-schema.js';
import { databasesOf, forwardMailboxOf, planMailboxes, queueAddresses, serverOf, sitesInUserOrder, userAddresses } from './plan-population.js';

/** Concurrent mailbox reads of the plan's email server profile (S2's default is 10; an organisation this size raises it). */
const PROFILE_CONNECTIONS = 200;
const SENDER = { name: 'customers', domain: 'customers.example' };

export interface CompiledPlan {
  readonly scenario: Scenario;
  /** The scenario file's data that parses to `scenario` (`mailflow compile` writes it as YAML). */
  readonly input: ScenarioInput;
  /** The Test & Enable batches, each with when it runs. */
  readonly batches: ReadonlyArray<{ readonly atMs: number; readonly mailboxes: readonly string[] }>;
  /** Mailboxes whose first Test & Enable fails. */
  readonly failing: ReadonlySet<string>;
  /** When the last mailbox is enabled (its batch, or its retry). */
  readonly lastEnabledAtMs: number;
}

/**
 * `lateFaults`: a fault after the run's end is refused (`refuse`, the plan as written: it would never happen), or the
 * run goes on to it (`extend`: a --what-if variant whose faster schedule ends before a fault the plan itself reaches).
 */
export function compilePlan(plan: Plan, seed: number = plan.seed, file = `${plan.name}.yaml`, lateFaults: 'refuse' | 'extend' = 'refuse'): CompiledPlan {
  const failing = drawFailures(plan, seed);
  const draft = scenarioInputOf(plan, seed, [...failing]);
  const scenario = parseScenarioData(draft, file);
  const batches = batchesOf(plan, scenario);
  const retryAfter = plan.cutover.testAndEnable.retryAfter;
  const retries = retryAfter === undefined ? [] : batches
    .map((batch) => ({ atMs: batch.atMs + retryAfter, mailboxes: batch.mailboxes.filter((m) => failing.has(m)) }))
    .filter((retry) => retry.mailboxes.length > 0);
  const lastEnabledAtMs = lastEnabledAt(plan, batches, failing, plan.cutover.batchInterval);
  const sss = scenario.sss?.name ?? 'sss';
  const faults = [
    ...scenario.faults,
    ...retries.flatMap(({ atMs, mailboxes }) => [
      { at: atMs, verb: 'grantMailboxAccess', target: sss, mailboxes: [...mailboxes] },
      { at: atMs, verb: 'testAndEnable', target: sss, mailboxes: [...mailboxes] },
    ]),
  ].sort((a, b) => a.at - b.at);
  // Extended only as far as the last fault: a variant on the plan's own schedule runs exactly as long as the plan.
  const lastFaultAtMs = lateFaults === 'extend' ? Math.max(0, ...plan.faults.map((f) => f.at)) : 0;
  const horizon = Math.max(lastEnabledAtMs + plan.cutover.settle, lastFaultAtMs);
  // A fault after the run ends would silently never happen: say so, at each such fault's own field.
  const late = plan.faults.flatMap((f, i) => (f.at > horizon ? [i] : []));
  if (late.length > 0) {
    throw new InputError(late.map((i) => ({ file, line: 0, column: 0, path: `faults[${i}].at`, message: `after the run ends (${formatDurationMs(horizon)}: the last mailbox enabled, then settle)` })));
  }
  // The input's faults as written: the plan's own (already in milliseconds) and the retries.
  const input: ScenarioInput = { ...draft, horizon, faults: faults.map((f) => ({ ...f })) };
  return { scenario: { ...scenario, horizon, faults }, input, batches, failing, lastEnabledAtMs };
}

/**
 * When the last mailbox is enabled, with the batches `interval` apart from the switch: the last batch, or the retry
 * of a batch with failed mailboxes (`retryAfter` after it). The same batches and failures at another interval give
 * what --what-if's halved schedule would take, without compiling (or refusing) a plan of its own.
 */
export function lastEnabledAt(plan: Plan, batches: CompiledPlan['batches'], failing: ReadonlySet<string>, interval: number): number {
  const retryAfter = plan.cutover.testAndEnable.retryAfter;
  return Math.max(...batches.map((batch, k) => {
    const atMs = plan.cutover.switchAt + k * interval;
    return retryAfter !== undefined && batch.mailboxes.some((m) => failing.has(m)) ? atMs + retryAfter : atMs;
  }));
}

/** How many Test & Enable batches the plan makes: every user and queue, and the forward mailbox. */
export function batchCountOf(plan: Plan): number {
  return Math.ceil((planMailboxes(plan).length + 1) / plan.cutover.batchSize);
}

/** When the last batch runs: batches from the switch on, one interval apart. */
export function lastBatchAtMs(plan: Plan): number {
  return plan.cutover.switchAt + Math.max(0, batchCountOf(plan) - 1) * plan.cutover.batchInterval;
}

/** S4: the mailboxes whose Test & Enable fails, drawn from the seed at the plan's rate. */
function drawFailures(plan: Plan, seed: number): Set<string> {
  const rate = plan.cutover.testAndEnable.failureRate;
  if (rate === 0) return new Set();
  const rng = new Rng(seed);
  return new Set(planMailboxes(plan).filter(() => rng.chance(rate)));
}

function batchesOf(plan: Plan, scenario: Scenario): CompiledPlan['batches'] {
  const { exchange, sss } = scenario;
  const crmSection = Array.isArray(scenario.crm) ? scenario.crm[0] : scenario.crm;
  if (exchange === undefined || sss?.cutover === undefined || crmSection === undefined) throw new Error('a compiled plan has exchange, crm and sss.cutover');
  const crm = crmConfigOf(crmSection, exchange);
  const routers = routerInstalls(scenario).map(({ section }) => routerConfigOf(section, crm.server));
  const cutover = sss.cutover;
  return cutoverBatches(cutover, sssConfigOf(sss, crm, routers), crm)
    .map((mailboxes, k) => ({ atMs: plan.cutover.switchAt + k * cutover.batchInterval, mailboxes }));
}

function scenarioInputOf(plan: Plan, seed: number, failing: string[]): ScenarioInput {
  const forward = forwardMailboxOf(plan);
  const first = plan.sites[0];
  const firstServer = first === undefined ? 'ex' : serverOf(first);
  const users = plan.sites.flatMap((site) => userAddresses(plan, site).map((address) => ({ address, site })));
  const queues = plan.sites.flatMap((site) => queueAddresses(plan, site).map((address) => ({ address, site })));
  const perHour = plan.traffic.perMailboxPerDay / 24;
  const { cutover } = plan;
  return {
    kind: 'scenario',
    name: plan.name,
    description: `The plan ${plan.name}, compiled into the scenario it runs.`,
    seed,
    start: plan.start,
    // compilePlan sets it once the batches are known, and refuses a fault after it in the plan's own words (a plan
    // has no horizon): until then, late enough for every fault.
    horizon: Math.max(lastBatchAtMs(plan) + (cutover.testAndEnable.retryAfter ?? 0) + cutover.settle, ...plan.faults.map((f) => f.at + 1)),
    exchange: {
      acceptedDomains: [plan.domain],
      servers: plan.sites.map((site) => ({ name: serverOf(site), site: site.name })),
      databases: plan.sites.flatMap((site) => databasesOf(site).map((name) => ({ name, server: serverOf(site) }))),
      mailboxes: [
        ...plan.sites.flatMap((site) => [
          ...(site.users > 0 ? [{ address: `${site.name}{n}@${plan.domain}`, database: databasesOf(site), count: site.users }] : []),
          ...(site.queues > 0 ? [{ address: `${site.name}-queue{n}@${plan.domain}`, kind: 'queue' as const, database: databasesOf(site), count: site.queues }] : []),
        ]),
        { address: forward, kind: 'forward' as const, database: first === undefined ? 'db' : databasesOf(first)[0] ?? 'db' },
      ],
      rules: forwardRuleOf(plan, forward),
      settings: { junkProbability: 0 },
    },
    internet: { senders: [{ name: SENDER.name, domain: SENDER.domain, replyRatio: plan.traffic.replyRatio }] },
    traffic: {
      generators: [
        ...(users.length > 0 ? [{ name: 'customers', sender: SENDER.name, ratePerHour: users.length * perHour, to: 'all-users' as const, ...curve(plan) }] : []),
        ...(queues.length > 0 ? [{ name: 'tickets', sender: SENDER.name, ratePerHour: queues.length * perHour, to: queues.map((q) => q.address), ...curve(plan) }] : []),
      ],
    },
    users: {
      file: { probability: plan.people.file.probability, meanDelay: plan.people.file.meanDelay, folder: 'Filed' },
      delete: plan.people.delete,
    },
    crm: {
      server: 'crm',
      // In the order their batches follow: the sites as listed, or those on Email Router access first (`unread-first`).
      // The cutover's `order` batches them so whatever the list; the list numbers them in tracking tokens (S11), as
      // plans compiled before the scenario had an `order` did.
      users: sitesInUserOrder(plan).filter((s) => s.users > 0).map((site) => ({ address: `${site.name}{n}@${plan.domain}`, incoming: site.access, filter: site.filter, count: site.users })),
      queues: plan.sites.filter((s) => s.queues > 0).map((site) => ({ address: `${site.name}-queue{n}@${plan.domain}`, incoming: 'email-router' as const, filter: site.filter, count: site.queues })),
      // Thousands of users need longer tracking tokens (S11).
      settings: { tokenUserDigits: Math.max(3, String(users.length + queues.length).length) },
    },
    router: {
      incomingProfiles: [{ name: 'exchange-in', server: firstServer }],
      outgoingProfiles: [{ name: 'smtp-out', server: firstServer }],
      deployments: [{ incomingProfile: 'exchange-in', outgoingProfile: 'smtp-out', forwardMailbox: { address: forward } }],
      settings: { crmCall: plan.router.crmCall },
    },
    // The plan's own faults; times were validated by the plan schema, the horizon is set once the batches are known.
    faults: plan.faults,
    sss: {
      profiles: [{ name: 'exchange', server: firstServer, maxConcurrentConnections: PROFILE_CONNECTIONS }],
      mailboxes: [{ address: forward, deleteAfterProcessing: true }],
      cutover: {
        at: cutover.switchAt, processEmailFrom: cutover.processEmailFrom, batchSize: cutover.batchSize, batchInterval: cutover.batchInterval,
        order: cutover.order, failing, forwardRules: cutover.forwardRules,
      },
    },
  };
}

function forwardRuleOf(plan: Plan, forward: string) {
  const through = plan.sites.filter((s) => s.access === 'forward-mailbox').flatMap((site) => userAddresses(plan, site));
  return through.length === 0 ? [] : [{ action: 'forward-as-attachment' as const, to: forward, users: through }];
}

function curve(plan: Plan): { dailyCurve?: number[] } {
  return plan.traffic.dailyCurve === undefined ? {} : { dailyCurve: plan.traffic.dailyCurve };
}
