// How clients read a mailbox through its server (Outlook over MAPI, the router over EWS or POP3, server-side sync over
// EWS): the items of one folder after a watermark, oldest first, and deleting an item once it is processed.
import type { MailMessage } from '../mail/mail-message.js';
import { indexOfStoreId, removeItemAt, type DatabaseState, type StoreItem } from './mailbox-store.js';
import { lowerCase } from '../mail/lower-case.js';

export const MAILBOX_READ = 'mailbox-read';
export const MAILBOX_DELETE = 'mailbox-delete';
/** S13: read, or set, the organisation a mailbox synchronizes with (its OrgID). Answers the OrgID, or null. */
export const MAILBOX_ORG = 'mailbox-org';

export interface MailboxOrg {
  readonly mailbox: string;
  readonly set?: string;
}

export interface MailboxRead {
  readonly mailbox: string;
  readonly folder: string;
  /** Only items with a larger store id: the client's watermark. */
  readonly afterStoreId: number;
  /** Only items received after this instant (the router's ThresholdDate, R8); null: no limit. */
  readonly receivedAfterMs?: number | null;
  /**
   * Only items received at or after this instant (server-side sync's watermark, S6: items of the watermark's own
   * instant may still be due); null: no limit. Cheap for long mailboxes: the store finds the first such item by
   * binary search.
   */
  readonly receivedFromMs?: number | null;
  /**
   * Instead of one folder: the items the person tracked, in any folder but Deleted Items, sent copies too (S16);
   * those the App for Outlook already had tracked (C4) say so.
   */
  readonly trackRequested?: boolean;
}

/** Deletes one item for good (the router's "delete messages after processing", R10). */
export interface MailboxDelete {
  readonly mailbox: string;
  readonly storeId: number;
}

export interface ReadItem {
  readonly storeId: number;
  readonly message: MailMessage;
  readonly receivedAtMs: number;
  readonly folder: string;
  /** A sent copy (in Sent Items when the person left it there). */
  readonly sent: boolean;
  /** The App for Outlook had CRM track it when the person asked (C4): sync has nothing left to promote. */
  readonly trackedInCrm?: boolean;
}

/** Removes the item; returns it, or undefined when it is no longer there. */
export function deleteItem(db: DatabaseState, request: MailboxDelete): StoreItem | undefined {
  const mailbox = lowerCase(request.mailbox);
  const items = db.itemLists.get(mailbox);
  const index = items === undefined ? -1 : indexOfStoreId(db, items, request.storeId);
  if (items === undefined || index < 0) return undefined;
  return removeItemAt(db, mailbox, items, index);
}

/** `mailbox`: the read's mailbox in lower case, when the caller has it already (the server looked it up). */
export function readFolder(db: DatabaseState, read: MailboxRead, mailbox = lowerCase(read.mailbox)): ReadItem[] {
  const tracked = read.trackRequested === true;
  if (tracked && !db.everMarked.has(mailbox)) return [];
  const items = db.itemLists.get(mailbox);
  if (items === undefined) return [];
  const bounds: Bounds = { afterStoreId: read.afterStoreId, afterMs: read.receivedAfterMs ?? -Infinity, fromMs: read.receivedFromMs ?? -Infinity };
  // Items sit in store id and received time order, so those past a watermark are a tail of the list: a binary search
  // finds where it starts (tombstones keep their place in that order, so the search may land on one: they are
  // skipped). After a Safety Net resubmit that order no longer holds; then each item is tested.
  const bounded = bounds.afterStoreId > 0 || bounds.afterMs > -Infinity || bounds.fromMs > -Infinity;
  const testEach = bounded && db.outOfOrder;
  // A client polling a mailbox with nothing new (most of server-side sync's cycles at scale) is answered from the
  // last item alone: in order, nothing is past the watermark unless the last item is.
  if (bounded && !db.outOfOrder && (items.length === 0 || !isPast(items[items.length - 1] as StoreItem, bounds))) return [];
  const start = bounded && !db.outOfOrder ? firstPast(items, bounds) : 0;
  const found: ReadItem[] = [];
  for (let i = start; i < items.length; i++) {
    const item = items[i] as StoreItem;
    if (item.removed === true) continue;
    const wanted = tracked ? item.trackRequested === true && item.folder !== 'Deleted Items' : item.folder === read.folder && item.sent !== true;
    if (wanted && (!testEach || isPast(item, bounds))) {
      const copy: ReadItem = { storeId: item.storeId, message: item.message, receivedAtMs: item.receivedAtMs, folder: item.folder, sent: item.sent === true };
      found.push(item.trackedInCrm === true ? { ...copy, trackedInCrm: true } : copy);
    }
  }
  return found;
}

/** A read's watermark: a store id and received instants (exclusive, inclusive), -Infinity for none. */
interface Bounds {
  readonly afterStoreId: number;
  readonly afterMs: number;
  readonly fromMs: number;
}

function isPast(item: StoreItem, bounds: Bounds): boolean {
  return item.storeId > bounds.afterStoreId && item.receivedAtMs > bounds.afterMs && item.receivedAtMs >= bounds.fromMs;
}

/**
 * The index of the first item past the watermark, in a list in store id and received time order. Clients poll for
 * what is new, so the items past it are usually few, at the end of a long list (a user's Inbox holds a day's mail at
 * scale): the search gallops back from the last item, 1, 2, 4, ... items at a time, then halves what is left. A binary
 * search over the whole list read about seven items, each a cache miss; this reads two or three.
 */
function firstPast(items: readonly StoreItem[], bounds: Bounds): number {
  // items[high..] are past the watermark; items[low] (when low >= 0) is not.
  let high = items.length;
  let step = 1;
  let low = high - step;
  while (low >= 0 && isPast(items[low] as StoreItem, bounds)) {
    high = low;
    step *= 2;
    low = high - step;
  }
  low = Math.max(low + 1, 0);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isPast(items[middle] as StoreItem, bounds)) high = middle;
    else low = middle + 1;
  }
  return low;
}
