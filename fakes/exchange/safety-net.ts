// Safety Net (X2): the transport keeps a copy of every delivered message for 2 days and resubmits it after a lossy
// failover or a lagged-copy activation. Duplicate detection drops a resubmitted copy when the mailbox already holds
// that message, so internal recipients see no duplicate; copies that the activated database lacks come back.
//
// What it holds is kept as columns (one array per field, one index per copy) rather than an object per copy, and a
// mailbox copy shares the store's item instead of cloning it: at a million messages a day an entry object and an
// item clone per delivery cost more than the mail they stand for.
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailboxKind } from '../../sim/ledger/records.js';
import type { ExchangeServerDurable } from './exchange-server.js';
import type { StoreItem } from './mailbox-store.js';
import { originalOf, type MailMessage } from '../mail/mail-message.js';

/** Safety Net's holdings, oldest first: index i of every column describes one copy. */
export interface SafetyNet {
  /** When the copy was delivered or sent out. */
  readonly atMs: number[];
  /** The database a mailbox copy went to; null for a copy sent to the Internet. */
  readonly database: Array<string | null>;
  /** The mailbox a copy went to, or the outside recipient. */
  readonly address: string[];
  /**
   * A mailbox copy: the store's own item. It is shared, so only the fields an item never changes are read back
   * (folder, read and tracking marks move on in the mailbox; a resubmitted copy starts afresh in the Inbox).
   * A copy sent out: the message.
   */
  readonly held: Array<StoreItem | MailMessage>;
}

export function newSafetyNet(): SafetyNet {
  return { atMs: [], database: [], address: [], held: [] };
}

const PRUNE_BATCH = 1024;

/** Holds a copy delivered to `mailbox` in `database`. */
export function holdDelivered(net: SafetyNet, atMs: number, database: string, mailbox: string, item: StoreItem, holdMs: number): void {
  hold(net, atMs, database, mailbox, item, holdMs);
}

/** Holds a copy sent to an outside recipient. */
export function holdSentOut(net: SafetyNet, atMs: number, recipient: string, message: MailMessage, holdMs: number): void {
  hold(net, atMs, null, recipient, message, holdMs);
}

function hold(net: SafetyNet, atMs: number, database: string | null, address: string, held: StoreItem | MailMessage, holdMs: number): void {
  net.atMs.push(atMs);
  net.database.push(database);
  net.address.push(address);
  net.held.push(held);
  // Copies arrive in time order: once a good number at the front have expired, drop them in one splice.
  const cutoffMs = atMs - holdMs;
  const probe = net.atMs[PRUNE_BATCH];
  if (probe !== undefined && probe <= cutoffMs) {
    const expired = net.atMs.findIndex((t) => t > cutoffMs);
    net.atMs.splice(0, expired);
    net.database.splice(0, expired);
    net.address.splice(0, expired);
    net.held.splice(0, expired);
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
  const net = server.safetyNet;
  const db = server.databases.get(database);
  if (db === undefined) return 0;
  let restored = 0;
  for (let i = 0; i < net.atMs.length; i++) {
    const atMs = net.atMs[i] as number;
    if (net.database[i] !== database || atMs < sinceMs || atMs <= nowMs - holdMs) continue;
    const mailbox = net.address[i] as string;
    const held = net.held[i] as StoreItem;
    const items = db.items.get(mailbox);
    if (items === undefined) continue;
    const identity = held.messageId ?? held.key;
    if (items.some((item) => (item.messageId ?? item.key) === identity)) continue; // duplicate detection (X2)
    items.push(resubmitted(held));
    // The copy keeps its store id and received time, older than what the mailbox got since: readers must scan.
    db.outOfOrder = true;
    const kind = kindOf(mailbox);
    ledger.reappeared(held.key, mailbox, kind, 'Inbox', eligible(originalOf(held.message), mailbox, kind), 'resubmitted by Safety Net');
    restored++;
  }
  return restored;
}

/** The copy as transport delivered it, back in the Inbox: none of what happened to the mailbox's item since. */
function resubmitted(held: StoreItem): StoreItem {
  return {
    storeId: held.storeId, key: held.key, messageId: held.messageId, message: held.message, folder: 'Inbox', receivedAtMs: held.receivedAtMs,
    ...(held.attachedMessageId === undefined ? {} : { attachedMessageId: held.attachedMessageId }),
  };
}

/**
 * Sends again what Safety Net holds for outside recipients since `sinceMs`: no duplicate detection reaches them, so
 * they receive the message twice (X2). Returns the (message, recipient) pairs sent again.
 */
export function resendOutsideFromSafetyNet(
  server: ExchangeServerDurable, sinceMs: number, nowMs: number, holdMs: number,
  sendOut: (message: MailMessage, recipient: string) => void,
): number {
  const net = server.safetyNet;
  let resent = 0;
  for (let i = 0; i < net.atMs.length; i++) {
    const atMs = net.atMs[i] as number;
    if (net.database[i] !== null || atMs < sinceMs || atMs <= nowMs - holdMs) continue;
    sendOut(net.held[i] as MailMessage, net.address[i] as string);
    resent++;
  }
  return resent;
}
