// Spawns the E-mail Router: one service per instance. Instances with a passive node form one Active/Passive cluster
// (their nodes share the state file; a passive node waits for a failover: `down` or `crash` on one, `up` on the
// other); instances that are all active are separate services with their own state files on the same mailboxes,
// R13's unsupported setup that makes duplicates. Reports the mail still waiting in the mailboxes the router reads,
// and, at the end, why the mail it will never read was not tracked.
import { servedBy } from './router-config.js';
import { explainedWhileProcessing } from '../crm/explained-untracked.js';
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MessageLife } from '../../sim/ledger/records.js';
import { movedBackToInbox } from '../../sim/ledger/counts.js';
import type { CrmMailbox } from '../crm/crm-config.js';
import { isWaiting } from './incoming-cycle.js';
import type { OutgoingSenders } from './outgoing-pass.js';
import { incomingProviders, type IncomingProvider } from './providers.js';
import type { RouterConfig } from './router-config.js';
import { defineRouterFaults } from './router-faults.js';
import { newRouterDurable, routerService, type RouterDurable } from './router-service.js';
import { copyState, type ProviderState, type StateBackup, type SystemState } from './system-state.js';
import type { PlainUntrackedReason } from '../../sim/ledger/untracked-reasons.js';
import { RouterErrorLog, type RouterErrorGroup } from './router-errors.js';

export interface RouterInstance {
  readonly name: string;
  readonly passive: boolean;
}

export interface RouterWorldSpec {
  readonly config: RouterConfig;
  readonly instances: readonly RouterInstance[];
  /** The state file as the scenario starts (from a user's SystemState.xml), or a missing one. */
  readonly initialState: SystemState | null;
  /** Each organisation's users and queues (by CRM server). */
  mailboxesOf(crmServer: string): readonly CrmMailbox[];
  /** Inbox items of a mailbox, for what is still waiting (walked once, in arrival order). */
  inbox(mailbox: string): Iterable<{ readonly storeId: number; readonly receivedAtMs: number; readonly key: string }>;
  /** The received items of a mailbox outside its Inbox (filed, deleted, or never out of Junk), by key. */
  outsideInbox(mailbox: string): Iterable<{ readonly key: string }>;
}

export interface RouterWorld {
  inFlight(firstOnly?: boolean): Map<string, string>;
  /** At the end of a run: records why mail the router will never read stays untracked. */
  finish(): void;
  /** What the services wrote to their event logs, grouped. */
  errors(): RouterErrorGroup[];
}

export function spawnRouterWorld(engine: Engine, ledger: Ledger, spec: RouterWorldSpec): RouterWorld {
  defineRouterFaults(engine);
  const providers = incomingProviders(spec.config, spec.mailboxesOf);
  const outgoingProfiles = new Map(spec.config.outgoingProfiles.map((p) => [p.name, p]));
  const outgoing: OutgoingSenders[] = spec.config.deployments.map((d) => ({
    crmServer: d.crmServer, smtpServer: outgoingProfiles.get(d.outgoingProfile)?.server ?? '',
    owners: servedBy(d, spec.mailboxesOf(d.crmServer)).filter((m) => m.outgoing === 'email-router').map((m) => m.address),
  })).filter((o) => o.owners.length > 0);
  const cluster = spec.instances.some((i) => i.passive);
  const shared = { state: copyState(spec.initialState), stopped: new Set<string>(), backups: [] as StateBackup[] };
  const seen = new Set<string>();
  const errors = new RouterErrorLog();
  const handles = spec.instances.map((instance) => {
    const own = cluster ? shared : { state: copyState(spec.initialState), stopped: new Set<string>(), backups: [] as StateBackup[] };
    return engine.spawn<RouterDurable>(instance.name, routerService({ config: spec.config, providers, outgoing }),
      newRouterDurable(own.state, own.stopped, seen, instance.passive, own.backups, errors));
  });
  const services = [...new Set(handles.map((h) => h.durable))];

  /** The provider's state in each service that reads its mailbox (one file per service, shared in a cluster). */
  const statesOf = (provider: IncomingProvider): ProviderState[] => [...new Set(services.map((s) => s.state))]
    .map((s) => s.providers.get(provider.id) ?? { emailAddress: provider.mailbox, thresholdMs: null, doneAtThreshold: [], retry: [], lastError: null });
  const stopped = (provider: IncomingProvider): boolean => services.some((s) => s.stopped.has(provider.deployment.crmServer));

  const byId = new Map(providers.map((p) => [p.id, p]));
  return {
    errors: () => errors.all(),
    inFlight(firstOnly = false) {
      const where = new Map<string, string>();
      // A message a running service's cycle holds is not at rest, whether or not it is still in the mailbox. A crashed
      // service holds nothing: what it had not finished is read again after a restart, or is lost.
      for (const handle of handles) {
        if (!handle.isRunning()) continue;
        for (const [key, providerId] of handle.durable.claims) {
          where.set(key, `${byId.get(providerId)?.mailbox ?? providerId}, being processed by the router`);
          if (firstOnly) return where;
        }
      }
      for (const provider of providers) {
        if (stopped(provider)) continue;
        const states = statesOf(provider);
        for (const item of spec.inbox(provider.mailbox)) {
          if (!states.every((state) => isWaiting(state, item))) continue;
          where.set(item.key, `${provider.mailbox}, not yet processed by the router`);
          if (firstOnly) return where;
        }
      }
      return where;
    },
    finish() {
      for (const provider of providers) {
        const states = statesOf(provider);
        for (const item of spec.inbox(provider.mailbox)) {
          // Tracked by the router or by another path (server-side sync after the switch): nothing to explain. Nor
          // when CRM's answer explained it already (an activity it could not create, a reused Message-ID).
          if (seen.has(item.key) || ledger.hasIncomingActivity(item.key)) continue;
          if (explainedWhileProcessing(ledger.get(item.key)?.untrackedReason)) continue;
          // R14: the organisation moved to server-side sync before the router read it; or it sits before the
          // ThresholdDate, where the router never looks.
          if (stopped(provider)) ledger.untracked(item.key, 'router-stopped');
          else if (!states.some((state) => isWaiting(state, item))) ledger.untrackedBeforeThreshold(item.key, provider.mailbox, passedThresholdMs(item, states, spec.initialState?.providers.get(provider.id)));
        }
        // R4 reads the Inbox only: mail that left it before the router tracked it is never read again, even when the
        // router had already asked CRM about it (a DeliverIncomingEmail that CRM's outage or a crash cut short, then
        // the owner filed or deleted it). Once the organisation moved to server-side sync, sync explains its mailboxes.
        if (stopped(provider)) continue;
        for (const { key } of spec.outsideInbox(provider.mailbox)) {
          if (seen.has(key) || ledger.hasIncomingActivity(key)) continue;
          const life = ledger.get(key);
          const reason = life === undefined ? null : leftTheInbox(life);
          if (reason !== null) ledger.untracked(key, reason);
        }
      }
    },
  };
}

/**
 * R8: the ThresholdDate that had passed an item no service will read (every state file's is past it now): the
 * earliest of those, or the state file's as the run started when that one was past it too. That is a ThresholdDate
 * after the start, the one the load-time warning names and the reason the item was never read, though the router has
 * moved on from it since. A null ThresholdDate (0001-01-01) passes nothing, so at least one is a number.
 */
function passedThresholdMs(item: { readonly storeId: number; readonly receivedAtMs: number }, states: readonly ProviderState[], initial: ProviderState | undefined): number {
  const thresholds = [...states, ...(initial === undefined ? [] : [initial])]
    .flatMap((state) => (state.thresholdMs === null || isWaiting(state, item) ? [] : [state.thresholdMs]));
  if (thresholds.length === 0) throw new Error('router: an item passed by no ThresholdDate (every state file reads it)');
  return Math.min(...thresholds);
}

/**
 * Why a message the router never tracked stays untracked when its copy left the Inbox of a mailbox the router reads,
 * or null when that explains nothing: the message has a reason already, is eligible nowhere, or has an eligible copy
 * that stayed in an Inbox (a path should have read that one: let the run say so). A copy moved back to the Inbox
 * counts as away (counts.ts). Deleted everywhere: deleted-before-tracking; otherwise not-in-root-inbox.
 */
export function leftTheInbox(life: MessageLife): PlainUntrackedReason | null {
  if (life.untrackedReason !== null) return null;
  const eligible = life.placements.filter((p) => p.eligible && p.removal === null);
  const back = movedBackToInbox(life);
  if (eligible.length === 0 || eligible.some((p) => p.folder === 'Inbox' && !back.has(p.mailbox))) return null;
  return eligible.every((p) => p.folder === 'Deleted Items') ? 'deleted-before-tracking' : 'not-in-root-inbox';
}
