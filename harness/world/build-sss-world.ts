// Turns a scenario's `sss:` section into server-side sync's configuration, and its cutover into the operations that
// carry it out: the switch (R14), Process Email From (S2a), Test & Enable in batches in its order (S14), access
// refused for the mailboxes meant to fail, and the router's inbox rules removed per batch or at the end.
import type { Fault } from '../../sim/core/fault.js';
import type { CrmOrgConfig } from '../../fakes/crm/crm-config.js';
import type { SssConfig } from '../../fakes/sss/sss-config.js';
import type { RouterConfig } from '../../fakes/router/router-config.js';
import type { SssSection } from '../scenario/sss-schema.js';
import { inCutoverOrder } from './cutover-order.js';

/** Does server-side sync keep a mailbox record for this user or queue (its email is processed or sent by it)? */
export function syncedBySss(m: { readonly incoming: string; readonly outgoing: string }): boolean {
  return m.incoming === 'email-router' || m.incoming === 'forward-mailbox' || m.outgoing === 'email-router';
}

export function sssConfigOf(section: SssSection, crm: CrmOrgConfig, routers: readonly RouterConfig[]): SssConfig {
  const first = section.profiles[0]?.name ?? '';
  const mailboxProfile = new Map<string, string>();
  const deleteAfterProcessing = new Set<string>();
  // "Server-Side Synchronization or Email Router" access: the same setting serves whichever processes email. Users on
  // Forward Mailbox get a record of their own too: a cutover enables it in their batch (and removes their rule),
  // until then the forward mailbox's record carries their mail. [I]
  for (const m of crm.mailboxes) if (syncedBySss(m)) mailboxProfile.set(m.address, first);
  for (const d of routers.flatMap((r) => r.deployments)) {
    if (d.crmServer !== crm.server || d.forwardMailbox === null) continue;
    mailboxProfile.set(d.forwardMailbox.address, first);
    if (d.forwardMailbox.deleteAfterProcessing) deleteAfterProcessing.add(d.forwardMailbox.address);
  }
  for (const m of section.mailboxes) {
    mailboxProfile.set(m.address, m.profile ?? first);
    if (m.deleteAfterProcessing) deleteAfterProcessing.add(m.address);
    else deleteAfterProcessing.delete(m.address);
  }
  const s = section.settings;
  const userMailboxes = crm.mailboxes.filter((m) => m.kind === 'user' && mailboxProfile.has(m.address)).map((m) => m.address);
  const act = section.act;
  return {
    act: act === undefined ? null : {
      filters: new Map((act.users ?? userMailboxes.map((address) => ({ address, filters: undefined })))
        .map((u) => [u.address, (u.filters ?? act.filters).map((f) => ({ entity: f.entity, withinMs: f.within ?? null, state: f.state }))])),
      distinctDeletes: act.distinctDeletes, cycleMinMs: act.cycleMin, cycleMaxMs: act.cycleMax,
    },
    name: section.name, crmServer: crm.server, mailboxProfile, deleteAfterProcessing,
    profiles: section.profiles.map((p) => ({
      name: p.name, server: p.server, processEmailFromMs: p.processEmailFrom ?? null, incomingCycleGapMs: p.incomingCycleGap,
      maxConcurrentConnections: p.maxConcurrentConnections, moveFailedToUndeliverable: p.moveFailedToUndeliverable,
      saveOutgoingToSentItems: p.saveOutgoingToSentItems,
    })),
    settings: {
      outgoingPollIntervalMs: s.outgoingPollInterval, transientRetries: s.transientRetries, transientRetryIntervalMs: s.transientRetryInterval,
      processEmailSinceMaximumMs: s.processEmailSinceMaximum, crmCallMs: s.crmCall,
    },
  };
}

export interface TimedFault {
  readonly atMs: number;
  readonly fault: Fault;
}

/**
 * The cutover's Test & Enable batches, in `order` (cutover-order.ts): the records in scenario order (CRM's users and
 * queues, then forward mailboxes and `sss.mailboxes`), grouped as it says; batch k runs at `at + k * batchInterval`.
 */
export function cutoverBatches(cutover: NonNullable<SssSection['cutover']>, config: SssConfig, crm: CrmOrgConfig): string[][] {
  const crmMailbox = new Map(crm.mailboxes.map((m) => [m.address, m]));
  // Forward mailboxes and other records CRM has no user for go with the queues.
  const ordered = inCutoverOrder([...config.mailboxProfile.keys()], cutover.order, (address) => {
    const m = crmMailbox.get(address);
    return { user: m?.kind === 'user', routerRead: m?.incoming === 'email-router' };
  });
  const batches: string[][] = [];
  for (let i = 0; i < ordered.length; i += cutover.batchSize) batches.push(ordered.slice(i, i + cutover.batchSize));
  return batches;
}

/** The cutover as operations in time; `exchangeServer` is where rule removals are sent. */
export function cutoverFaults(section: SssSection, config: SssConfig, crm: CrmOrgConfig, exchangeServer: string): TimedFault[] {
  const cutover = section.cutover;
  if (cutover === undefined) return [];
  const at = cutover.at;
  const pef = typeof cutover.processEmailFrom === 'object' ? at - cutover.processEmailFrom.before : cutover.processEmailFrom;
  const faults: TimedFault[] = [
    { atMs: at, fault: { verb: 'switchToServerSideSync', target: crm.server } },
    { atMs: at, fault: { verb: 'setProcessEmailFrom', target: config.name, params: { processEmailFrom: pef } } },
  ];
  if (cutover.failing.length > 0) faults.push({ atMs: at, fault: { verb: 'denyMailboxAccess', target: config.name, params: { mailboxes: cutover.failing } } });
  const kindOf = new Map(crm.mailboxes.map((m) => [m.address, m.kind]));
  const batches = cutoverBatches(cutover, config, crm);
  const ordered = batches.flat();
  batches.forEach((batch, k) => {
    const atMs = at + k * cutover.batchInterval;
    faults.push({ atMs, fault: { verb: 'testAndEnable', target: config.name, params: { mailboxes: batch } } });
    const users = batch.filter((a) => kindOf.get(a) === 'user');
    if (cutover.forwardRules === 'remove-per-batch' && users.length > 0) {
      faults.push({ atMs, fault: { verb: 'removeInboxRules', target: exchangeServer, params: { mailboxes: users } } });
    }
  });
  const users = ordered.filter((a) => kindOf.get(a) === 'user');
  if (cutover.forwardRules === 'remove-at-end' && users.length > 0) {
    faults.push({ atMs: at + Math.max(0, batches.length - 1) * cutover.batchInterval, fault: { verb: 'removeInboxRules', target: exchangeServer, params: { mailboxes: users } } });
  }
  return faults;
}
