// The world builder: turns a validated scenario into actors in an engine, and schedules its faults.
import type { Engine } from '../../sim/core/engine.js';
import type { Fault } from '../../sim/core/fault.js';
import type { OperationParams } from '../../fakes/operations/operation-params.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { TOY_ACTORS, type ToyConfig } from '../../fakes/toy/toy-config.js';
import { spawnToyWorld } from '../../fakes/toy/toy-world.js';
import { spawnExchangeWorld } from '../../fakes/exchange/exchange-world.js';
import { itemsOf, liveItems, type StoreItem } from '../../fakes/exchange/mailbox-store.js';
import type { Scenario, ScenarioFault } from '../scenario/schema.js';
import { exchangeWorldSpecOf } from './build-exchange-world.js';
import { crmConfigOf, crmWorldSpecOf } from './build-crm-world.js';
import { outlookUsers, spawnCrmWorld, type CrmWorld } from '../../fakes/crm/crm-world.js';
import type { ExchangeSection } from '../scenario/exchange-schema.js';
import { crmOrganisations } from '../scenario/crm-organisations.js';
import { spawnRouterWorld } from '../../fakes/router/router-world.js';
import type { RouterErrorGroup } from '../../fakes/router/router-errors.js';
import { routerConfigOf, routerWorldSpecOf } from './build-router-world.js';
import { routerInstalls, routerInstanceNames } from '../scenario/routers.js';
import { syncedBySss } from './build-sss-world.js';
import { cutoverBatches, cutoverFaults, sssConfigOf } from './build-sss-world.js';
import { spawnSssWorld, type DisabledMailbox, type ReenabledMailbox, type SssWorld } from '../../fakes/sss/sss-world.js';
import type { ActCounts } from '../../fakes/sss/act-sync.js';
import { defineSssFaults } from '../../fakes/sss/sss-faults.js';
import type { SmtpTransport } from '../../fakes/mail/smtp-reply.js';
import { startEpochMs } from '../scenario/start-instant.js';

export interface World {
  /**
   * Message key -> where it still is; empty once everything has come to rest. `firstOnly`: stop at the first found
   * (the drain asks every virtual minute whether anything is; the whole map walks every mailbox's items).
   */
  inFlight(firstOnly?: boolean): Map<string, string>;
  /** At the end of a run, before counting: models record what they know about mail they never processed. */
  finish?(): void;
  /** Server-side sync's appointments, contacts and tasks counts (S15), or null. */
  act?(): ActCounts | null;
  /** Mailboxes server-side sync has disabled (S3, S4), or null when the scenario has no server-side sync. */
  disabledMailboxes?(): DisabledMailbox[] | null;
  /** Times server-side sync's mailboxes were disabled until a later Test & Enable enabled them (S3, S4), or null without server-side sync. */
  reenabledMailboxes?(): ReenabledMailbox[] | null;
  /** What the E-mail Router's services wrote to their event logs, grouped; null when the scenario has no router. */
  routerErrors?(): RouterErrorGroup[] | null;
  /** The scenario's cutover as scheduled: its Test & Enable batches and the mailboxes set to fail; null without one. */
  cutover?(): CutoverSchedule | null;
  /** An Exchange mailbox's items as they are now, in every folder (none for an unknown address): wire mode's read-back. */
  mailboxItems?(address: string): readonly StoreItem[];
}

export interface CutoverSchedule {
  readonly batches: ReadonlyArray<{ readonly atMs: number; readonly mailboxes: readonly string[] }>;
  readonly failing: ReadonlySet<string>;
}

/** Names of the actors a scenario's world will have (faults may target these). */
export function worldActorNames(scenario: Scenario): string[] {
  if (scenario.exchange !== undefined) {
    const exchange = scenario.exchange;
    const crm = crmOrganisations(scenario).flatMap(({ section }) => [section.server, ...outlookUsers(crmConfigOf(section, exchange)).values()]);
    const routers = routerInstanceNames(scenario);
    const sss = scenario.sss === undefined ? [] : [scenario.sss.name];
    return [...scenario.exchange.servers.map((s) => s.name), ...(scenario.internet?.senders ?? []).map((s) => s.name), ...crm, ...routers, ...sss];
  }
  return Object.values(TOY_ACTORS);
}

/** What each actor of a scenario's world is: what a fault on it means depends on that (a caption, say). */
export type ActorKind = 'exchange' | 'sender' | 'crm' | 'outlook' | 'router' | 'sss' | 'toy';

export function worldActorKinds(scenario: Scenario): Map<string, ActorKind> {
  const kinds = new Map<string, ActorKind>();
  const exchange = scenario.exchange;
  if (exchange === undefined) {
    for (const name of Object.values(TOY_ACTORS)) kinds.set(name, 'toy');
    return kinds;
  }
  for (const server of exchange.servers) kinds.set(server.name, 'exchange');
  for (const sender of scenario.internet?.senders ?? []) kinds.set(sender.name, 'sender');
  for (const { section } of crmOrganisations(scenario)) {
    kinds.set(section.server, 'crm');
    for (const outlook of outlookUsers(crmConfigOf(section, exchange)).values()) kinds.set(outlook, 'outlook');
  }
  for (const router of routerInstanceNames(scenario)) kinds.set(router, 'router');
  if (scenario.sss !== undefined) kinds.set(scenario.sss.name, 'sss');
  return kinds;
}

/** What wire mode changes in the world (harness/run/run-wire.ts); virtual runs pass nothing. */
export interface WireHooks {
  /** How each outside sender reaches the MX: a real SMTP client instead of a request in virtual time. */
  readonly senderTransport?: (sender: string) => SmtpTransport;
  /** CRM's SMTP outbound through a real client to the scenario's `wire.outboundSmtp` (every organisation's). */
  readonly outboundTransport?: SmtpTransport;
}

export function buildWorld(engine: Engine, ledger: Ledger, scenario: Scenario, wire: WireHooks = {}): World {
  if ((scenario.traffic?.eml.length ?? 0) > 0) throw new Error('traffic.eml is not loaded: load the scenario with loadScenario()');
  if (routerInstalls(scenario).some(({ section }) => section.configFile !== undefined || section.stateFile !== undefined)) {
    throw new Error('router files are not loaded: load the scenario with loadScenario()');
  }
  const world = scenario.exchange !== undefined ? buildExchangeAndCrm(engine, ledger, scenario, scenario.exchange, wire) : spawnToyWorld(engine, ledger, toyConfigOf(scenario));
  scheduleFaults(engine, scenario);
  return world;
}

/** Exchange first, then each CRM organisation, then the router (spawn order is part of the trace). Exchange asks
 * the organisation a mailbox belongs to whether a copy is eligible. */
function buildExchangeAndCrm(engine: Engine, ledger: Ledger, scenario: Scenario, exchange: ExchangeSection, wire: WireHooks): World {
  const orgs = crmOrganisations(scenario).map(({ section }) => ({ section, config: crmConfigOf(section, exchange, scenario.injectBug) }));
  const crmWorlds = new Map<string, CrmWorld>();
  const orgOfMailbox = new Map(orgs.flatMap(({ config }) => config.mailboxes.map((m) => [m.address, config.server] as const)));
  const outlooks = new Map(orgs.flatMap(({ config }) => [...outlookUsers(config)]));
  const sssServer = scenario.sss === undefined ? null : scenario.sss.crm ?? orgs[0]?.config.server;
  // Users with a server-side sync mailbox record (their email is processed or sent by it) and no CRM client.
  const appForOutlook = new Set(orgs.filter(({ config }) => config.server === sssServer)
    .flatMap(({ config }) => config.mailboxes.filter((m) => m.kind === 'user' && !outlooks.has(m.address) && syncedBySss(m)).map((m) => m.address)));
  const spec = exchangeWorldSpecOf(exchange, scenario.internet, scenario.traffic, scenario.horizon, startEpochMs(scenario), scenario.users, scenario.injectBug);
  const exchangeWorld = spawnExchangeWorld(engine, ledger, {
    ...spec,
    eligible: (message, mailbox, kind) => crmWorlds.get(orgOfMailbox.get(mailbox) ?? '')?.eligible(message, mailbox, kind) ?? false,
    outlookOf: (mailbox) => outlooks.get(mailbox) ?? null,
    // C4: their App for Outlook asks the organisation server-side sync works for.
    appForOutlookOf: (mailbox) => (appForOutlook.has(mailbox) ? sssServer ?? null : null),
    // The app works only for a mailbox sync has approved and enabled (S3, S4): read when a person tracks.
    appReady: (mailbox) => sss?.mailboxEnabled(mailbox) === true,
    ...(wire.senderTransport === undefined ? {} : { senderTransport: wire.senderTransport }),
  });
  const directory = exchangeWorld.org.directory;
  /** The database that holds a mailbox. */
  const databaseOf = (mailbox: string) => {
    const home = directory.get(mailbox);
    return home === undefined ? undefined : exchangeWorld.server(home.server).databases.get(home.mailbox.database);
  };
  /** A mailbox's received items as they are now, in every folder. */
  const storeOf = (mailbox: string) => {
    const db = databaseOf(mailbox);
    return db === undefined ? [] : itemsOf(db, mailbox) ?? [];
  };
  /**
   * A mailbox's received items (not its sent copies) in its Inbox, or outside it, as they are now: what clients have
   * not processed yet is in flight. Walked in place rather than copied: the drain asks every virtual minute, and a
   * forward mailbox can hold a backlog of hundreds of thousands of items.
   */
  function* received(mailbox: string, inInbox: boolean): Generator<StoreItem> {
    const db = databaseOf(mailbox);
    if (db === undefined) return;
    for (const item of liveItems(db, mailbox)) if (item.sent !== true && (item.folder === 'Inbox') === inInbox) yield item;
  }
  const inbox = (mailbox: string) => received(mailbox, true);
  const parts: World[] = [exchangeWorld];
  for (const { section, config } of orgs) {
    const crm = spawnCrmWorld(engine, ledger, crmWorldSpecOf(section, exchange, scenario.horizon, {
      homeServerOf: (mailbox) => directory.get(mailbox)?.server ?? '',
      inboxAfter: (mailbox, storeId) => [...inbox(mailbox)].filter((i) => i.storeId > storeId).map((i) => i.key),
      ...(wire.outboundTransport === undefined ? {} : { outboundTransport: wire.outboundTransport }),
    }, scenario.injectBug));
    crmWorlds.set(config.server, crm);
    parts.push(crm);
  }
  const firstOrg = orgs[0];
  const installs = firstOrg === undefined ? [] : routerInstalls(scenario);
  const routerConfigs = installs.map(({ section }) => routerConfigOf(section, firstOrg?.config.server ?? '', scenario.injectBug));
  const mailboxesBy = new Map(orgs.map(({ config }) => [config.server, config.mailboxes]));
  // Each install is a separate router service with its own state file (one per site, say).
  const routerWorlds = installs.map(({ section }) => spawnRouterWorld(engine, ledger, routerWorldSpecOf(section, firstOrg?.config.server ?? '', {
    mailboxesOf: (crmServer) => mailboxesBy.get(crmServer) ?? [],
    inbox,
    outsideInbox: (mailbox) => received(mailbox, false),
  }, scenario.injectBug)));
  parts.push(...routerWorlds);
  let sss: SssWorld | null = null;
  let schedule: CutoverSchedule | null = null;
  const sssOrg = orgs.find(({ config }) => config.server === (scenario.sss?.crm ?? firstOrg?.config.server));
  if (scenario.sss !== undefined && sssOrg !== undefined) {
    const section = scenario.sss;
    const config = sssConfigOf(section, sssOrg.config, routerConfigs);
    defineSssFaults(engine, new Map([[config.name, config]]));
    const crmWorld = crmWorlds.get(sssOrg.config.server);
    const approved = new Map(sssOrg.config.mailboxes.map((m) => [m.address, m.approved || !sssOrg.config.settings.requireApproval]));
    parts.push(sss = spawnSssWorld(engine, ledger, {
      config,
      people: {
        senders: sssOrg.config.mailboxes.filter((m) => m.outgoing === 'email-router').map((m) => m.address),
        // Forward mailboxes need no approval (S1, S3).
        approved: (address) => approved.get(address) ?? true,
      },
      enabledAtStart: section.enabled === 'all' ? [...config.mailboxProfile.keys()] : section.enabled,
      store: storeOf,
      active: () => crmWorld?.processEmailUsing() === 'server-side-sync',
    }));
    for (const { atMs, fault } of cutoverFaults(section, config, sssOrg.config, exchange.servers[0]?.name ?? '')) engine.scheduleFault(atMs, fault);
    const cutover = section.cutover;
    if (cutover !== undefined) {
      schedule = {
        batches: cutoverBatches(cutover, config, sssOrg.config).map((mailboxes, k) => ({ atMs: cutover.at + k * cutover.batchInterval, mailboxes })),
        failing: new Set(cutover.failing),
      };
    }
  }
  return {
    inFlight(firstOnly = false) {
      const where = new Map<string, string>();
      for (const part of parts) {
        for (const [key, place] of part.inFlight(firstOnly)) if (!where.has(key)) where.set(key, place);
        if (firstOnly && where.size > 0) return where;
      }
      return where;
    },
    finish() {
      for (const part of parts) part.finish?.();
    },
    act: () => sss?.act() ?? null,
    disabledMailboxes: () => sss?.disabledMailboxes() ?? null,
    reenabledMailboxes: () => sss?.reenabledMailboxes() ?? null,
    // Oldest first across installs (a stable sort keeps each install's own order): the summary shows the first few,
    // and the first are usually the cause.
    routerErrors: () => (routerWorlds.length === 0 ? null : routerWorlds.flatMap((r) => r.errors()).sort((a, b) => a.firstAtMs - b.firstAtMs)),
    cutover: () => schedule,
    mailboxItems: (address) => storeOf(address).filter((item) => item.removed !== true),
  };
}

/** Schedules the scenario's faults and operations in the engine. */
export function scheduleFaults(engine: Engine, scenario: Scenario): void {
  for (const fault of scenario.faults) engine.scheduleFault(fault.at, faultOf(fault));
}

function toyConfigOf(scenario: Scenario): ToyConfig {
  const toy = scenario.toy;
  if (toy === undefined) throw new Error('scenario has neither toy nor exchange (validation should have refused it)');
  return {
    messages: toy.messages, meanIntervalMs: toy.meanInterval, horizonMs: scenario.horizon,
    retryIntervalMs: toy.retryInterval, expiryMs: toy.expiry, pollIntervalMs: toy.pollInterval,
    batchSize: toy.batchSize, processingMeanMs: toy.processingMean,
  };
}

/**
 * The schema's fields beyond at, verb, target and peers are the handlers' OperationParams, field for field: a field
 * added to one and not the other fails to compile here (the first line: a field the handlers would never read; the
 * assignment in faultOf: a type they would misread).
 */
const SAME_PARAM_FIELDS: [Exclude<keyof SchemaParams, keyof OperationParams>, Exclude<keyof OperationParams, keyof SchemaParams>] extends [never, never] ? true : false = true;
type SchemaParams = Omit<ScenarioFault, 'at' | 'verb' | 'target' | 'peers'>;
/** As given: an optional field is there with a value, or not there (zod's output allows it there as undefined). */
type Given<T> = T extends string | number | boolean ? T : T extends ReadonlyArray<infer E> ? ReadonlyArray<Given<E>> : { [K in keyof T]: Given<Exclude<T[K], undefined>> };

function faultOf({ at: _at, verb, target, peers, ...rest }: ScenarioFault): Fault {
  // Only the fields given: the trace hashes a fault's params.
  const params = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Given<SchemaParams>;
  params satisfies OperationParams;
  return {
    verb,
    ...(target === undefined ? {} : { target }),
    ...(peers === undefined ? {} : { peers }),
    ...(Object.keys(params).length === 0 ? {} : { params }),
  };
}
