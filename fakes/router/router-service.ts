// The E-mail Router Windows service (R1-R14): on start it reads its state file (a corrupt one stops it, KB954522; a
// missing one is written anew, so every provider starts from 0001-01-01, R8/R9), then runs each incoming provider's
// cycle every mailbox poll interval (at most MaxThreads at once), the outgoing passes, and a configuration update that
// learns when an organisation switched to server-side sync (R14): from then on it leaves that organisation alone.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { CRM_REQUEST, callCrm, type EmailProcessor } from '../crm/crm-api.js';
import { MAILBOX_READ, type MailboxRead, type ReadItem } from '../exchange/mailbox-access.js';
import { continueCycle, deliverHead, finishHead, isNew, startCycle, type Cycle, type CycleHost } from './incoming-cycle.js';
import { outgoingPoll, type OutgoingSenders } from './outgoing-pass.js';
import type { IncomingProvider } from './providers.js';
import type { RouterConfig } from './router-config.js';
import { providerState, type SystemState } from './system-state.js';

export interface RouterDurable {
  /** The state file; nodes of an Active/Passive cluster share it (it lives on the cluster's shared disk). */
  readonly state: SystemState;
  /** Organisations this service found switched to server-side sync (R14). */
  readonly stopped: Set<string>;
  /** Messages already recorded as untracked because the router stopped for their organisation. */
  readonly reportedStopped: Set<string>;
  /** Messages the router processed or reported as before its ThresholdDate (each is reported once); model
   * bookkeeping, shared by the nodes of a cluster like the state file. */
  readonly seen: Set<string>;
}

export function newRouterDurable(state: SystemState, seen: Set<string>): RouterDurable {
  return { state, stopped: new Set(), reportedStopped: new Set(), seen };
}

export interface RouterSpec {
  readonly config: RouterConfig;
  readonly providers: readonly IncomingProvider[];
  readonly outgoing: readonly OutgoingSenders[];
}

export function routerService(spec: RouterSpec, ledger: Ledger) {
  const { config, providers } = spec;
  const byId = new Map(providers.map((p) => [p.id, p]));
  return (ctx: ActorContext, disk: RouterDurable): Actor => {
    /** Memory only: the cycles under way (a crash loses them; their items are read again). */
    const cycles = new Map<string, Cycle>();
    /** Memory only: message key -> the provider whose cycle is working on it. */
    const claims = new Map<string, string>();

    const host: CycleHost = {
      ctx, crmCallMs: config.timings.crmCallMs, maxThreadExecutionMs: config.system.maxThreadExecutionMs,
      state: (provider) => providerState(disk.state, provider.id, provider.mailbox),
      claim(key, provider) {
        const holder = claims.get(key);
        if (holder !== undefined && holder !== provider.id && cycles.has(holder)) return false;
        claims.set(key, provider.id);
        return true;
      },
      skipped(key) {
        if (disk.seen.has(key)) return;
        disk.seen.add(key);
        ledger.untracked(key, 'before-threshold-date');
      },
      processed(key) {
        disk.seen.add(key);
      },
      ended(provider, why) {
        cycles.delete(provider.id);
        for (const [key, holder] of claims) if (holder === provider.id) claims.delete(key);
        if (why !== null) {
          providerState(disk.state, provider.id, provider.mailbox).lastError = why;
          ctx.note('router-error', `${provider.mailbox}: ${why}`);
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
    const updateConfiguration = (): void => {
      for (const crmServer of new Set(providers.map((p) => p.deployment.crmServer))) {
        const processor = callCrm<EmailProcessor>(ctx, crmServer, CRM_REQUEST.retrieveEmailSettings, null);
        if (processor === 'server-side-sync' && !disk.stopped.has(crmServer)) {
          disk.stopped.add(crmServer);
          ctx.note('router-stopped', `${crmServer} processes email with server-side sync (R14)`);
        }
      }
      reportStopped();
      if (config.system.configUpdatePeriodMs > 0) ctx.setTimer(config.system.configUpdatePeriodMs, 'config-update');
    };

    /** Mail waiting in a stopped organisation's mailboxes will not be tracked by the router: say why. */
    const reportStopped = (): void => {
      for (const provider of providers) {
        if (!disk.stopped.has(provider.deployment.crmServer)) continue;
        const read: MailboxRead = { mailbox: provider.mailbox, folder: 'Inbox', afterStoreId: 0, receivedAfterMs: null };
        const reply = ctx.request(provider.profile.server, MAILBOX_READ, read);
        if (!reply.ok || reply.value === 'unavailable') continue;
        const state = providerState(disk.state, provider.id, provider.mailbox);
        for (const item of reply.value as ReadItem[]) {
          const key = item.message.attached?.key ?? item.message.key;
          if (!isNew(state, item) || disk.reportedStopped.has(key)) continue;
          disk.reportedStopped.add(key);
          ledger.untracked(key, 'router-stopped');
        }
      }
    };

    const outgoing = (): void => {
      for (const senders of spec.outgoing) {
        if (disk.stopped.has(senders.crmServer)) continue;
        outgoingPoll(ctx, senders, config.overrides);
      }
      ctx.setTimer(config.timings.outgoingPollIntervalMs, 'outgoing');
    };

    return {
      onStart() {
        if (disk.state.file === 'corrupt') {
          // KB954522: "Root element is missing"; the service stops until the file is deleted.
          ctx.note('router-error', 'service did not start: SystemState.xml is corrupt (delete it to start again)');
          return;
        }
        disk.state.file = 'present';
        updateConfiguration();
        // [I] Providers start at their own points in the first interval, not all at once.
        for (const provider of providers) ctx.setTimer(ctx.rng.uniformInt(0, config.timings.mailboxPollIntervalMs - 1), 'cycle', provider.id);
        if (spec.outgoing.length > 0) ctx.setTimer(config.timings.outgoingPollIntervalMs, 'outgoing');
      },
      onTimer(tag, data) {
        if (tag === 'config-update') return updateConfiguration();
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
