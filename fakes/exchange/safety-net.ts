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
import { itemsOf, type StoreItem } from './mailbox-store.js';
import { originalOf, type MailMessage } from '../mail/mail-message.js';

/**
 * Safety Net's holdings, each list oldest first; index i of a list's columns describes one copy. A mailbox copy needs
 * no time or database of its own: the item's received time is when it was held, and only its database has its mailbox.
 */
export interface SafetyNet {
  /** Copies delivered: the mailbox each went to. */
  readonly mailboxes: string[];
  /**
   * ... and the store's own item. It is shared, so only the fields an item never changes are read back (folder, read
   * and tracking marks move on in the mailbox; a resubmitted copy starts afresh in the Inbox).
   */
  readonly items: StoreItem[];
  /** Copies sent to the Internet: when, to whom, and what. */
  readonly sentAtMs: number[];
  readonly recipients: string[];
  readonly messages: MailMessage[];
}

export function newSafetyNet(): SafetyNet {
  return { mailboxes: [], items: [], sentAtMs: [], recipients: [], messages: [] };
}

// Copies arrive in time order: once a good number at the front have expired, they go in one splice.
const PRUNE_BATCH = 1024;

/** Holds a copy delivered to `mailbox` (its received time is when). */
export function holdDelivered(net: SafetyNet, mailbox: string, item: StoreItem, holdMs: number): void {
  net.mailboxes.push(mailbox);
  net.items.push(item);
  const cutoffMs = item.receivedAtMs - holdMs;
  const probe = net.items[PRUNE_BATCH];
  if (probe !== undefined && probe.receivedAtMs <= cutoffMs) {
    const expired = net.items.findIndex((i) => i.receivedAtMs > cutoffMs);
    net.mailboxes.splice(0, expired);
    net.items.splice(0, expired);
  }
}

/** Holds a copy sent to an outside recipient. */
export function holdSentOut(net: SafetyNet, atMs: number, recipient: string, message: MailMessage, holdMs: number): void {
  net.sentAtMs.push(atMs);
  net.recipients.push(recipient);
  net.messages.push(message);
  const cutoffMs = atMs - holdMs;
  const probe = net.sentAtMs[PRUNE_BATCH];
  if (probe !== undefined && probe <= cutoffMs) {
    const expired = net.sentAtMs.findIndex((t) => t > cutoffMs);
    net.sentAtMs.splice(0, expired);
    net.recipients.splice(0, expired);
    net.messages.splice(0, expired);
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
  for (let i = 0; i < net.items.length; i++) {
    const held = net.items[i] as StoreItem;
    if (held.receivedAtMs < sinceMs || held.receivedAtMs <= nowMs - holdMs) continue;
    const mailbox = net.mailboxes[i] as string;
    // Only the database that holds the mailbox has it: copies to other databases are skipped here.
    const items = itemsOf(db, mailbox);
    if (items === undefined) continue;
    const identity = held.messageId ?? held.key;
    if (items.some((item) => (item.messageId ?? item.key) === identity)) continue; // duplicate detection (X2)
    items.push(resubmitted(held));
    // [I] The copy keeps its store id and received time (the record does not say what a redelivered item gets), older
    // than what the mailbox got since: readers must scan. So the router's ThresholdDate (R8) and server-side sync's
    // watermark (S6) see the item they knew: not read again if processed before the loss, and left behind (untracked,
    // never a duplicate) if not processed and later mail moved them past it. docs/exchange.md, Safety Net.
    db.outOfOrder = true;
    const kind = kindOf(mailbox);
    ledger.reappeared(held.key, mailbox, kind, 'Inbox', eligible(originalOf(held.message), mailbox, kind), 'resubmitted by Safety Net');
    restored++;
  }
  return restored;
}

/**
 * The copy as transport delivered it, back in the Inbox: none of what happened to the mailbox's item since. [I] Same
 * store id and received time as the original delivery (see resubmitFromSafetyNet).
 */
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
  for (let i = 0; i < net.sentAtMs.length; i++) {
    const atMs = net.sentAtMs[i] as number;
    if (atMs < sinceMs || atMs <= nowMs - holdMs) continue;
    sendOut(net.messages[i] as MailMessage, net.recipients[i] as string);
    resent++;
  }
  return resent;
}
