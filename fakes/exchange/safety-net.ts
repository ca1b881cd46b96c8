// Safety Net (X2): the transport keeps a copy of every delivered message for 2 days and resubmits it after a lossy
// failover or a lagged-copy activation. Duplicate detection drops a resubmitted copy when the mailbox already holds
// that message, so internal recipients see no duplicate; copies that the activated database lacks come back.
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailboxKind } from '../../sim/ledger/records.js';
import type { ExchangeServerDurable } from './exchange-server.js';
import type { SafetyNetEntry } from './mailbox-store.js';
import { originalOf, type MailMessage } from '../mail/mail-message.js';

const PRUNE_BATCH = 1024;

export function holdInSafetyNet(server: ExchangeServerDurable, entry: SafetyNetEntry, holdMs: number): void {
  server.safetyNet.push(entry);
  // Entries arrive in time order: once a good number at the front have expired, drop them in one splice.
  const cutoffMs = entry.atMs - holdMs;
  const probe = server.safetyNet[PRUNE_BATCH];
  if (probe !== undefined && probe.atMs <= cutoffMs) {
    server.safetyNet.splice(0, server.safetyNet.findIndex((e) => e.atMs > cutoffMs));
  }
}

/**
 * Resubmits what Safety Net delivered to `database` since `sinceMs` (and still holds). Returns how many copies came
 * back; the others were already there and were suppressed as duplicates.
 */
export function resubmitFromSafetyNet(
  server: ExchangeServerDurable, database: string, sinceMs: number, nowMs: number, holdMs: number,
  ledger: Ledger, kindOf: (mailbox: string) => MailboxKind, eligible: (message: MailMessage, mailbox: string, kind: MailboxKind) => boolean,
): number {
  const db = server.databases.get(database);
  if (db === undefined) return 0;
  let restored = 0;
  for (const entry of server.safetyNet) {
    if (entry.kind !== 'mailbox' || entry.database !== database || entry.atMs < sinceMs || entry.atMs <= nowMs - holdMs) continue;
    const items = db.items.get(entry.mailbox);
    if (items === undefined) continue;
    const identity = entry.item.messageId ?? entry.item.key;
    if (items.some((i) => (i.messageId ?? i.key) === identity)) continue; // duplicate detection (X2)
    items.push({ ...entry.item, folder: 'Inbox' });
    const kind = kindOf(entry.mailbox);
    ledger.reappeared(entry.item.key, entry.mailbox, kind, 'Inbox', eligible(originalOf(entry.item.message), entry.mailbox, kind), 'resubmitted by Safety Net');
    restored++;
  }
  return restored;
}

/**
 * Sends again what Safety Net holds for outside recipients since `sinceMs`: no duplicate detection reaches them, so
 * they receive the message twice (X2). Returns the (message, recipient) pairs sent again.
 */
export function resendOutsideFromSafetyNet(
  server: ExchangeServerDurable, sinceMs: number, nowMs: number, holdMs: number,
  sendOut: (message: MailMessage, recipient: string) => void,
): number {
  let resent = 0;
  for (const entry of server.safetyNet) {
    if (entry.kind !== 'outside' || entry.atMs < sinceMs || entry.atMs <= nowMs - holdMs) continue;
    sendOut(entry.message, entry.recipient);
    resent++;
  }
  return resent;
}
