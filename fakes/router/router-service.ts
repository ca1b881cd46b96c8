// The E-mail Router Windows service (R1-R14): on start it reads its state file (a corrupt one makes it stop at once,
// KB954522, until the file is deleted and the service started again; a missing one is written anew, so every
// provider starts from 0001-01-01, R8/R9), then runs each incoming provider's cycle every mailbox poll interval (at
// most MaxThreads at once), the outgoing passes, and a configuration update that learns when an organisation
// switched to server-side sync (R14): from then on it leaves that organisation alone.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import { CRM_REQUEST, callCrm, type EmailProcessor } from '../crm/crm-api.js';
import { continueCycle, deliverHead, finishHead, startCycle, type Cycle, type CycleHost } from './incoming-cycle.js';
import { outgoingPoll, type OutgoingSenders } from './outgoing-pass.js';
import type { IncomingProvider } from './providers.js';
import type { RouterConfig } from './router-config.js';
import { providerState, type StateBackup, type SystemState } from './system-state.js';
import { RouterErrorLog } from './router-errors.js';

/** KB954522's failure, as the event log says it (with what to do). */
const CORRUPT_STATE = 'SystemState.xml is corrupt (delete it, then start the service)';

export interface RouterDurable {
  /** The state file; nodes of an Active/Passive cluster share it (it lives on the cluster's shared disk). */
  readonly state: SystemState;
  /** Organisations found switched to server-side sync (R14); shared by a cluster's nodes like the state file. */
  readonly stopped: Set<string>;
  /** Messages the router processed (model bookkeeping for the end-of-run report of what it never read). */
  readonly seen: Set<string>;
  /** A passive node waiting for its first failover: its first start ends at once. */
  standby: boolean;
  /**
   * Message key -> the provider whose cycle is working on it. The real service holds this in memory, so every start
   * clears it; it lives here so the world can tell a run is not at rest while a cycle holds a message (one it already
   * deleted from the mailbox, say).
   */
  readonly claims: Map<string, string>;
  /** X5: backups of the state file, kept off the box (they outlive the service and its disk); oldest first. */
  readonly stateBackups: StateBackup[];
  /** What the services wrote to their event logs, grouped (shared by every instance, for the run's summary). */
  readonly errors: RouterErrorLog;
}

export function newRouterDurable(
  state: SystemState, stopped: Set<string>, seen: Set<string>, standby: boolean, stateBackups: StateBackup[] = [], errors = new RouterErrorLog(),
): RouterDurable {
  return { state, stopped, seen, standby, claims: new Map(), stateBackups, errors };
}

export interface RouterSpec {
  readonly config: RouterConfig;
  readonly providers: readonly IncomingProvider[];
  readonly outgoing: readonly OutgoingSenders[];
}

export function routerService(spec: RouterSpec) {
  const { config, providers } = spec;
  const byId = new Map(providers.map((p) => [p.id, p]));
  const crmServers = [...new Set(providers.map((p) => p.deployment.crmServer)), ...spec.outgoing.map((o) => o.crmServer)];
  return (ctx: ActorContext, disk: RouterDurable): Actor => {
    /** Memory only: the cycles under way (a crash loses them; their items are read again). */
    const cycles = new Map<string, Cycle>();
    const { claims } = disk;
    /** The service's event log: the trace's note (its text unchanged, so the trace hash too) and the run's summary. */
    const logError = (mailbox: string | null, why: string): void => {
      ctx.note('router-error', mailbox === null ? why : `${mailbox}: ${why}`);
      disk.errors.add(ctx.nowMs(), ctx.name, mailbox, why);
    };

    const host: CycleHost = {
      ctx, crmCallMs: config.timings.crmCallMs, maxThreadExecutionMs: config.system.maxThreadExecutionMs, finishOrder: config.finishOrder,
      state: (provider) => providerState(disk.state, provider.id, provider.mailbox),
      claim(key, provider) {
        const holder = claims.get(key);
        if (holder !== undefined && holder !== provider.id && cycles.has(holder)) return false;
        claims.set(key, provider.id);
        return true;
      },
      processed(key) {
        disk.seen.add(key);
      },
      logError(provider, why) {
        logError(provider.mailbox, why);
      },
      ended(provider, why) {
        cycles.delete(provider.id);
        for (const [key, holder] of claims) if (holder === provider.id) claims.delete(key);
        if (why !== null) {
          providerState(disk.state, provider.id, provider.mailbox).lastError = why;
          logError(provider.mailbox, why);
          // CRM refusing the router may mean the organisation moved to server-side sync (R14): ask now.
          if (why.startsWith('CRM')) askWhoProcessesEmail();
        }
        ctx.setTimer(config.timings.mailboxPollIntervalMs, 'cycle', provider.id);
      },
    };

    const runCycle = (provider: IncomingProvider): void => {
      if (disk.stopped.has(provider.deployment.crmServer)) return;
      if (cycles.size >= config.system.maxThreads) {
        // No thread free: the scheduler looks again next SchedulingPeriod (R6).
        ctx.setTimer(config.system.schedulingPeriodMs, 'cycle', provider.id);
        return;
      }
      const cycle = startCycle(host, provider);
      if (cycle === null) return;
      cycles.set(provider.id, cycle);
      continueCycle(host, cycle);
    };

    /** R14: ask each organisation which component processes its email; stop for those on server-side sync. */
    const askWhoProcessesEmail = (): void => {
      for (const crmServer of new Set(crmServers)) {
        if (disk.stopped.has(crmServer)) continue;
        const processor = callCrm<EmailProcessor>(ctx, crmServer, CRM_REQUEST.retrieveEmailSettings, null);
        if (processor !== 'server-side-sync') continue;
        disk.stopped.add(crmServer);
        ctx.note('router-stopped', `${crmServer} processes email with server-side sync (R14)`);
      }
    };

    const outgoing = (): void => {
      for (const senders of spec.outgoing) {
        if (disk.stopped.has(senders.crmServer)) continue;
        if (!outgoingPoll(ctx, senders, config.overrides)) askWhoProcessesEmail();
      }
      ctx.setTimer(config.timings.outgoingPollIntervalMs, 'outgoing');
    };

    return {
      onStart() {
        // Memory only in the real service: a restart forgets what the crashed process was working on.
        claims.clear();
        if (disk.standby) {
          // A passive cluster node: installed, not running, until a failover starts it (R13).
          disk.standby = false;
          ctx.exit();
          return;
        }
        if (disk.state.file === 'corrupt') {
          // KB954522: "Root element is missing"; the service stops until the file is deleted.
          logError(null, `service did not start: ${CORRUPT_STATE}`);
          ctx.exit();
          return;
        }
        disk.state.file = 'present';
        askWhoProcessesEmail();
        if (config.system.configUpdatePeriodMs > 0) ctx.setTimer(config.system.configUpdatePeriodMs, 'config-update');
        // [I] Providers start at their own points in the first interval, not all at once.
        for (const provider of providers) ctx.setTimer(ctx.rng.uniformInt(0, config.timings.mailboxPollIntervalMs - 1), 'cycle', provider.id);
        if (spec.outgoing.length > 0) ctx.setTimer(config.timings.outgoingPollIntervalMs, 'outgoing');
      },
      onTimer(tag, data) {
        if (tag === 'config-update') {
          askWhoProcessesEmail();
          ctx.setTimer(config.system.configUpdatePeriodMs, 'config-update');
          return;
        }
        if (tag === 'outgoing') return outgoing();
        const provider = byId.get(data as string);
        if (provider === undefined) return;
        if (tag === 'cycle') return runCycle(provider);
        const cycle = cycles.get(provider.id);
        if (cycle === undefined) return;
        if (tag === 'deliver') return deliverHead(host, cycle);
        finishHead(host, cycle);
      },
    };
  };
}
