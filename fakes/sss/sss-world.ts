// Spawns server-side sync for one organisation and reports what it still has to read, and, at the end, why eligible
// mail in its mailboxes was never tracked: Test & Enable failed or never run, the mailbox disabled (S4), the mail
// before Process Email From (S2a), or out of the root Inbox (filed, or moved back behind the watermark, S6).
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { isDue, newMailboxRecord, type MailboxRecord } from './mailbox-record.js';
import { leftInboxAtMs } from '../../sim/ledger/counts.js';
import type { PlainUntrackedReason } from '../../sim/ledger/untracked-reasons.js';
import { actCountsOf, type ActCounts } from './act-sync.js';
import type { SssConfig } from './sss-config.js';
import { explainedWhileProcessing } from '../crm/explained-untracked.js';
import { newSssDurable, sssService, type SssDurable, type SssPeople } from './sss-service.js';

/** An item of a mailbox as the world's end-of-run questions see it. */
export interface SssStoreItem {
  readonly storeId: number;
  readonly receivedAtMs: number;
  readonly key: string;
  readonly folder: string;
  /** A sent copy (Sent Items): not received mail, so never in flight or untracked for this service. */
  readonly sent?: boolean;
  /** S16: the person tracked it through the mailbox. */
  readonly trackRequested?: boolean;
  /** C4: and the App for Outlook had CRM track it at once: nothing left for sync. */
  readonly trackedInCrm?: boolean;
}

export interface SssWorldSpec {
  readonly config: SssConfig;
  readonly people: SssPeople;
  /** Mailboxes already Test & Enabled as the run starts (an organisation already on server-side sync). */
  readonly enabledAtStart: readonly string[];
  /**
   * Every item of a mailbox now, in every folder, sent copies too: the store's own list, read in place and never
   * kept (the questions below visit every item of every mailbox, more than once while a run drains).
   */
  store(mailbox: string): readonly SssStoreItem[];
  /** Is the organisation on server-side sync now (R14)? */
  active(): boolean;
}

/** S16: an item the person tracked through the mailbox, in any folder but Deleted Items (sent copies too). */
function isMarked(item: SssStoreItem): boolean {
  return item.trackRequested === true && item.folder !== 'Deleted Items';
}

/**
 * Store ids of the mailbox's marked items (the Inbox's own pass leaves those alone, sss-service.ts), or null when there
 * are none, as in nearly every mailbox. By store id, as the service compares them.
 */
function markedIdsOf(items: readonly SssStoreItem[]): Set<number> | null {
  let ids: Set<number> | null = null;
  for (const item of items) if (isMarked(item)) (ids ??= new Set()).add(item.storeId);
  return ids;
}

/** Why an enabled mailbox's sync left this item of mail untracked (S2a, S6), or null for nothing it can say. */
function whileEnabled(record: MailboxRecord, pef: number | null, item: SssStoreItem): PlainUntrackedReason | null {
  if (pef !== null && item.receivedAtMs <= pef) return 'before-process-email-from';
  if (pef === null && record.firstEnabledAtMs !== null && item.receivedAtMs < record.firstEnabledAtMs) return 'before-mailbox-enabled';
  // Out of the root Inbox before a cycle read it; deleted says so, as the router and the ledger's own account do.
  if (item.folder === 'Deleted Items') return 'deleted-before-tracking';
  if (item.folder !== 'Inbox') return 'not-in-root-inbox';
  // In the root Inbox now, but behind the watermark: it was elsewhere (Junk, a folder) while later mail was
  // processed, and moving it back did not make it due again (S6); or a restore or Safety Net put it back with its old
  // received time.
  return isDue(record, pef, item) ? null : 'behind-watermark';
}

/** Disabled mailboxes by when they were disabled, then address: the summary's order. */
function byTimeThenAddress(a: DisabledMailbox, b: DisabledMailbox): number {
  return a.atMs - b.atMs || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}

/**
 * Did the copy leave the root Inbox before the mailbox was disabled (its first disabling since it was enabled), or
 * was it never in it (minus infinity: a rule or Junk filed it on arrival, whenever that was)?
 */
function leftBefore(leftAtMs: number | null, disabledAtMs: number | null): boolean {
  return leftAtMs !== null && disabledAtMs !== null && leftAtMs < disabledAtMs;
}

export interface SssWorld {
  inFlight(firstOnly?: boolean): Map<string, string>;
  finish(): void;
  /** What appointments, contacts and tasks sync did (S15), or null when it is not configured. */
  act(): ActCounts | null;
  /** Is the mailbox enabled for sync now (approved, tested, not disabled by errors, not claimed elsewhere; S3, S4, S13)? */
  mailboxEnabled(address: string): boolean;
  /** Mailboxes disabled now by a failed Test & Enable or by sync's errors (S3, S4), by when, then address. */
  disabledMailboxes(): DisabledMailbox[];
  /** Times mailboxes were disabled until a later Test & Enable enabled them (again, or first after a failed test; S3, S4), by when, then address. */
  reenabledMailboxes(): ReenabledMailbox[];
}

/** A mailbox sync is not processing because it was disabled, and why. */
export interface DisabledMailbox {
  readonly address: string;
  readonly by: 'test-and-enable' | 'errors';
  readonly why: string;
  readonly atMs: number;
}

/** A time a mailbox was disabled (from `atMs`) until a Test & Enable enabled it (`enabledAgainAtMs`): its mail waited meanwhile. */
export interface ReenabledMailbox extends DisabledMailbox {
  readonly enabledAgainAtMs: number;
}

export function spawnSssWorld(engine: Engine, ledger: Ledger, spec: SssWorldSpec): SssWorld {
  const { config } = spec;
  const durable = newSssDurable(config);
  for (const address of spec.enabledAtStart) {
    const record = durable.records.get(address) ?? newMailboxRecord(address);
    if (spec.people.approved(address)) {
      // Enabled before the run: without a Process Email From, no bound on what its Inbox may still hold.
      Object.assign(record, { enabled: true, incoming: 'success', outgoing: 'success', enabledAtMs: 0, firstEnabledAtMs: Number.NEGATIVE_INFINITY });
    } else {
      // S3, O2: Test & Enable fails for an unapproved address (sss-service.ts), so "tested and enabled before the run"
      // leaves it as that failure, not enabled: nothing is read from it and its email stays Pending Send.
      Object.assign(record, { enabled: false, incoming: 'failure', outgoing: 'failure', disabledReason: 'not approved (S3)', disabledAtMs: 0, disabledBy: 'test-and-enable' });
    }
    durable.records.set(address, record);
  }
  const handle = engine.spawn<SssDurable>(config.name, sssService(config, spec.people, ledger), durable);
  const processEmailFrom = (address: string): number | null => handle.durable.profiles.get(config.mailboxProfile.get(address) ?? '')?.processEmailFromMs ?? null;
  return {
    act: () => (config.act === null ? null : actCountsOf(handle.durable.actStats)),
    mailboxEnabled: (address) => handle.durable.records.get(address)?.enabled === true,
    disabledMailboxes: () => [...handle.durable.records.values()]
      .flatMap((r): DisabledMailbox[] => (r.enabled || r.disabledBy === null
        ? []
        : [{ address: r.address, by: r.disabledBy, why: r.disabledReason ?? 'unknown', atMs: r.disabledAtMs ?? 0 }]))
      .sort(byTimeThenAddress),
    reenabledMailboxes: () => [...handle.durable.records.values()]
      .flatMap((r) => (r.pastDisablings ?? []).map((d): ReenabledMailbox => ({ address: r.address, by: d.by, why: d.why, atMs: d.fromMs, enabledAgainAtMs: d.toMs })))
      .sort(byTimeThenAddress),
    inFlight(firstOnly = false) {
      const where = new Map<string, string>();
      if (!spec.active()) return where;
      for (const [address, record] of handle.durable.records) {
        if (!record.enabled) continue;
        const items = spec.store(address);
        const pef = processEmailFrom(address);
        // Marked items are promoted, not read by the Inbox's pass (sss-service.ts): they wait on their own terms.
        const markedIds = markedIdsOf(items);
        for (const item of items) {
          if (item.sent === true || item.folder !== 'Inbox' || markedIds?.has(item.storeId) === true) continue;
          if (!isDue(record, pef, item)) continue;
          where.set(item.key, `${address}, not yet synchronized`);
          if (firstOnly) return where;
        }
        if (markedIds === null) continue;
        for (const item of items) {
          if (!isMarked(item) || item.trackedInCrm === true || record.markedDone.includes(item.storeId)) continue;
          where.set(item.key, `${address} ${item.folder}, tracked, not yet synchronized`);
          if (firstOnly) return where;
        }
      }
      return where;
    },
    finish() {
      const active = spec.active();
      for (const [address, record] of handle.durable.records) {
        const pef = processEmailFrom(address);
        for (const item of spec.store(address)) {
          if (item.sent === true) continue;
          // Tracked (most mail: asked first, without building a view of the message), already explained by the
          // service itself (S7: the activity could not be created) or by CRM (another message had its Message-ID,
          // S8), or mail no filter takes (CRM refused it by design: nothing to explain).
          if (ledger.hasIncomingActivity(item.key)) continue;
          const life = ledger.get(item.key);
          if (life === undefined || explainedWhileProcessing(life.untrackedReason)) continue;
          // Mail a person tracked by hand (C4) is due whatever the filter says (S9), in the mailbox of whoever tracked
          // it; sync explains it only by that mailbox's state: its folder and watermark do not hold a mark back, and a
          // deleted one explains itself. A mark on an organisation not on sync yet (R14) waits for a sync that never
          // comes.
          const byHand = !life.placements.some((p) => p.eligible);
          if (byHand && !life.trackedByHandIn.includes(address)) continue;
          // A restore or failover that brought the copy back without the person's mark took the track away (X3).
          const reason = byHand && item.trackRequested !== true ? 'rolled-back'
            : !active ? (byHand ? 'mark-not-promoted' : null)
            // Out of the root Inbox (filed, deleted, or put in a folder by a rule or Junk) before the mailbox was
            // disabled: S6 explains it, whatever became of the mailbox later (enabling it again would not bring the
            // mail back).
            : !byHand && !record.enabled && item.folder !== 'Inbox' && leftBefore(leftInboxAtMs(life, address), record.disabledAtMs) ? whileEnabled(record, pef, item)
            : record.incoming === 'failure' ? 'mailbox-disabled'
            : !record.enabled && record.otherOrganisation !== null ? 'other-organisation'
            : !record.enabled ? (record.disabledReason === null ? 'never-polled' : 'mailbox-disabled')
            : byHand ? null
            : whileEnabled(record, pef, item);
          if (reason !== null) ledger.untracked(item.key, reason);
        }
      }
    },
  };
}
