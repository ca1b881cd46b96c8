// The mailbox databases of one server: items per mailbox and folder, mount state and backups. This is the server's
// durable state (it survives a crash); restore from a backup replaces it (X3).

import type { MailMessage } from '../mail/mail-message.js';
import type { ExchangeActItem } from './act-items.js';

export interface StoreItem {
  readonly storeId: number;
  /** The ledger key of the message this item is a copy of (for a forward-as-attachment copy, the original's). */
  readonly key: string;
  readonly messageId: string | null;
  /** The message as delivered (for a forward-as-attachment copy, the wrapper carrying the original). */
  readonly message: MailMessage;
  folder: string;
  readonly receivedAtMs: number;
  /** A person has opened it. */
  read?: boolean;
  /** For a copy forwarded as an attachment: the Message-ID of the original inside it. */
  readonly attachedMessageId?: string | null;
  /** The sender's own copy in Sent Items: not a received copy, so the ledger does not count it. */
  readonly sent?: boolean;
  /** The person tracked it through the mailbox (App for Outlook): server-side sync picks it up in any folder (S16). */
  trackRequested?: boolean;
  /**
   * C4: the App for Outlook had CRM create (or find) the activity when the person tracked it: the mark stays (it is
   * a tracked item), but server-side sync has nothing left to do with it.
   */
  trackedInCrm?: boolean;
  /** A tombstone: the item was deleted for good and waits to be compacted away (see `itemLists`). */
  readonly removed?: true;
}

export interface Backup {
  readonly atMs: number;
  readonly items: ReadonlyMap<string, ReadonlyArray<StoreItem>>;
}

export interface DatabaseState {
  readonly name: string;
  mounted: boolean;
  /**
   * Mailbox address -> its items, in arrival order. Arrival order is also store id and received time order, so
   * readers can binary-search a watermark, unless `outOfOrder` says otherwise.
   *
   * An item deleted for good stays in its list as a tombstone (`removed`) until the list is compacted: deleting by
   * `splice` moved every item after it, so a router working through a backlog of hundreds of thousands of items,
   * oldest first, cost the backlog's size per item. The hot paths (folder reads, deletes, people's actions) skip
   * tombstones; everything else reads through `itemsOf` and `allItemsOf`, which compact first.
   */
  itemLists: Map<string, StoreItem[]>;
  /** Mailbox address -> how many tombstones its list holds; absent when none. */
  readonly tombstones: Map<string, number>;
  /**
   * Some mailbox got an item older than those before it (Safety Net resubmits copies with their original store id
   * and received time, X2 [I]): readers scan instead of searching. Never cleared; restores may bring such lists back.
   */
  outOfOrder: boolean;
  /**
   * Mailbox address -> its appointments, contacts and tasks (S15). [I] Not part of backups: restores in the model
   * roll back mail only.
   */
  readonly act: Map<string, ExchangeActItem[]>;
  /** S13: mailbox address -> the CRM organisation server-side sync last enabled it for (Exchange keeps one OrgID). */
  readonly syncOrg: Map<string, string>;
  /** Mailboxes where a person ever tracked an item through the mailbox: the only ones worth searching for them. */
  readonly everMarked: Set<string>;
  readonly backups: Backup[];
  /**
   * The items as they were when the server was lost (Setup /m:RecoverServer starts from empty databases); non-null
   * while the database is a dial-tone database, until a restore. A restore with log replay brings the database back to
   * this point: the logs are assumed to have survived on their own volume [I]. Either restore merges the dial-tone
   * mail back in (X3, dial-tone.ts).
   */
  beforeLoss: ReadonlyMap<string, ReadonlyArray<StoreItem>> | null;
}

export function newDatabase(name: string, mailboxes: readonly string[]): DatabaseState {
  return {
    name, mounted: true, itemLists: new Map(mailboxes.map((m) => [m.toLowerCase(), []])), tombstones: new Map(), outOfOrder: false,
    act: new Map(), syncOrg: new Map(), everMarked: new Set(), backups: [], beforeLoss: null,
  };
}

export function snapshot(db: DatabaseState, atMs: number): Backup {
  return { atMs, items: copyItems(allItemsOf(db)) };
}

/** A mailbox's items with no tombstones (compacted now if it had any), or undefined for a mailbox not here. */
export function itemsOf(db: DatabaseState, mailbox: string): StoreItem[] | undefined {
  const list = db.itemLists.get(mailbox);
  if (list !== undefined && db.tombstones.has(mailbox)) compact(db, mailbox, list);
  return list;
}

/**
 * A mailbox's items in order, tombstones skipped, without compacting: for readers that walk a list often and change
 * nothing (the drain asks every virtual minute what is still in flight, while the router deletes from a backlog).
 */
export function* liveItems(db: DatabaseState, mailbox: string): Generator<StoreItem> {
  for (const item of db.itemLists.get(mailbox) ?? []) if (item.removed !== true) yield item;
}

/** Every mailbox's items with no tombstones (compacted now where there were any). */
export function allItemsOf(db: DatabaseState): ReadonlyMap<string, StoreItem[]> {
  for (const mailbox of [...db.tombstones.keys()]) {
    const list = db.itemLists.get(mailbox);
    if (list !== undefined) compact(db, mailbox, list);
  }
  return db.itemLists;
}

/** Replaces every mailbox's items (a restore). */
export function replaceAllItems(db: DatabaseState, items: Map<string, StoreItem[]>): void {
  db.itemLists = items;
  db.tombstones.clear();
}

/**
 * Deletes the item at `index` of the mailbox's list for good, leaving a tombstone, and returns it. Once tombstones
 * outnumber the items left, the list is compacted: each compaction follows at least as many deletes as it moves
 * items, so a delete costs a constant on average however long the list.
 */
export function removeItemAt(db: DatabaseState, mailbox: string, list: StoreItem[], index: number): StoreItem {
  const item = list[index] as StoreItem;
  list[index] = { ...item, removed: true };
  const count = (db.tombstones.get(mailbox) ?? 0) + 1;
  db.tombstones.set(mailbox, count);
  if (count * 2 > list.length) compact(db, mailbox, list);
  return item;
}

/** Drops the tombstones from the list in place (callers may hold the list), keeping the order. */
function compact(db: DatabaseState, mailbox: string, list: StoreItem[]): void {
  let kept = 0;
  for (const item of list) if (item.removed !== true) list[kept++] = item;
  list.length = kept;
  db.tombstones.delete(mailbox);
}

/**
 * Where the item with this store id sits in a mailbox's list, or -1 (a tombstone is not there). In order, a binary
 * search: people act on mail long after it arrived, and a scan from the front made each action cost the mailbox's
 * size (a day's backlog of tens of thousands of items took minutes); store ids are unique in a list in order
 * (only Safety Net repeats one, and it leaves the database out of order). Out of order, the first match, as a scan
 * finds it.
 */
export function indexOfStoreId(db: DatabaseState, items: readonly StoreItem[], storeId: number): number {
  if (db.outOfOrder) return items.findIndex((item) => item.storeId === storeId && item.removed !== true);
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = items[middle] as StoreItem;
    const id = item.storeId;
    if (id === storeId) return item.removed === true ? -1 : middle;
    if (id < storeId) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The latest backup taken at or before `atMs`, if any. */
export function backupAtOrBefore(db: DatabaseState, atMs: number): Backup | undefined {
  let found: Backup | undefined;
  for (const backup of db.backups) if (backup.atMs <= atMs) found = backup;
  return found;
}

/** A copy of the items (compacted ones: see allItemsOf), for snapshots that must not change as the database does. */
export function copyItems(items: ReadonlyMap<string, ReadonlyArray<StoreItem>>): Map<string, StoreItem[]> {
  return new Map([...items].map(([mailbox, list]) => [mailbox, list.map((i) => ({ ...i }))]));
}
