// Spawns server-side sync for one organisation and reports what it still has to read, and, at the end, why eligible
// mail in its mailboxes was never tracked: Test & Enable failed or never run, the mailbox disabled (S4), the mail
// before Process Email From (S2a), or out of the root Inbox (filed, or moved back behind the watermark, S6).
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { isDue, newMailboxRecord } from './mailbox-record.js';
import { actCountsOf, type ActCounts } from './act-sync.js';
import type { SssConfig } from './sss-config.js';
import { newSssDurable, sssService, type SssDurable, type SssPeople } from './sss-service.js';

export interface SssWorldSpec {
  readonly config: SssConfig;
  readonly people: SssPeople;
  /** Mailboxes already Test & Enabled as the run starts (an organisation already on server-side sync). */
  readonly enabledAtStart: readonly string[];
  /** Every item of a mailbox now, with its folder. */
  items(mailbox: string): ReadonlyArray<{ readonly storeId: number; readonly receivedAtMs: number; readonly key: string; readonly folder: string }>;
  /** S16: items the person tracked through the mailbox, in any folder but Deleted Items. */
  trackedItems(mailbox: string): ReadonlyArray<{ readonly storeId: number; readonly key: string; readonly folder: string }>;
  /** Is the organisation on server-side sync now (R14)? */
  active(): boolean;
}

export interface SssWorld {
  inFlight(): Map<string, string>;
  finish(): void;
  /** What appointments, contacts and tasks sync did (S15), or null when it is not configured. */
  act(): ActCounts | null;
}

export function spawnSssWorld(engine: Engine, ledger: Ledger, spec: SssWorldSpec): SssWorld {
  const { config } = spec;
  const durable = newSssDurable(config);
  for (const address of spec.enabledAtStart) {
    const record = durable.records.get(address) ?? newMailboxRecord(address);
    // Enabled before the run: without a Process Email From, no bound on what its Inbox may still hold.
    Object.assign(record, { enabled: true, incoming: 'success', outgoing: 'success', enabledAtMs: 0, firstEnabledAtMs: Number.NEGATIVE_INFINITY });
    durable.records.set(address, record);
  }
  const handle = engine.spawn<SssDurable>(config.name, sssService(config, spec.people, ledger), durable);
  const processEmailFrom = (address: string): number | null => handle.durable.profiles.get(config.mailboxProfile.get(address) ?? '')?.processEmailFromMs ?? null;
  const tracked = (key: string): boolean => ledger.get(key)?.activities.some((a) => a.direction === 'incoming') === true;
  return {
    act: () => (config.act === null ? null : actCountsOf(handle.durable.actStats)),
    inFlight() {
      const where = new Map<string, string>();
      if (!spec.active()) return where;
      for (const [address, record] of handle.durable.records) {
        if (!record.enabled) continue;
        // Marked items are promoted, not read by the Inbox's pass (sss-service.ts): they wait on their own terms.
        const marked = spec.trackedItems(address);
        const markedIds = new Set(marked.map((item) => item.storeId));
        for (const item of spec.items(address)) {
          if (item.folder === 'Inbox' && !markedIds.has(item.storeId) && isDue(record, processEmailFrom(address), item)) where.set(item.key, `${address}, not yet synchronized`);
        }
        for (const item of marked) {
          if (!record.markedDone.includes(item.storeId)) where.set(item.key, `${address} ${item.folder}, tracked, not yet synchronized`);
        }
      }
      return where;
    },
    finish() {
      for (const [address, record] of handle.durable.records) {
        for (const item of spec.items(address)) {
          // Tracked, already explained by the service itself (S7: the activity could not be created), or mail no
          // filter takes (CRM refused it by design: nothing to explain).
          const life = ledger.get(item.key);
          if (tracked(item.key) || life?.untrackedReason === 'crm-error' || life?.placements.some((p) => p.eligible) !== true) continue;
          const pef = processEmailFrom(address);
          const reason = !spec.active() ? null
            : record.incoming === 'failure' ? 'mailbox-disabled'
            : !record.enabled && record.otherOrganisation !== null ? 'other-organisation'
            : !record.enabled ? (record.disabledReason === null ? 'never-polled' : 'mailbox-disabled')
            : pef !== null && item.receivedAtMs <= pef ? 'before-process-email-from'
            : pef === null && record.firstEnabledAtMs !== null && item.receivedAtMs < record.firstEnabledAtMs ? 'before-mailbox-enabled'
            : item.folder !== 'Inbox' || !isDue(record, pef, item) ? 'not-in-root-inbox'
            : null;
          if (reason !== null) ledger.untracked(item.key, reason);
        }
      }
    },
  };
}
