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
   */
  items: Map<string, StoreItem[]>;
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
  return { name, mounted: true, items: new Map(mailboxes.map((m) => [m.toLowerCase(), []])), outOfOrder: false, act: new Map(), syncOrg: new Map(), everMarked: new Set(), backups: [], beforeLoss: null };
}

export function snapshot(db: DatabaseState, atMs: number): Backup {
  return { atMs, items: copyItems(db.items) };
}

/**
 * Where the item with this store id sits in a mailbox's list, or -1. In order, a binary search: people act on mail
 * long after it arrived, and a scan from the front made each action cost the mailbox's size (a day's backlog of tens
 * of thousands of items took minutes). Out of order, the first match, as a scan finds it.
 */
export function indexOfStoreId(db: DatabaseState, items: readonly StoreItem[], storeId: number): number {
  if (db.outOfOrder) return items.findIndex((item) => item.storeId === storeId);
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const id = (items[middle] as StoreItem).storeId;
    if (id === storeId) return middle;
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

/** A copy of the items, for snapshots that must not change as the database does. */
export function copyItems(items: ReadonlyMap<string, ReadonlyArray<StoreItem>>): Map<string, StoreItem[]> {
  return new Map([...items].map(([mailbox, list]) => [mailbox, list.map((i) => ({ ...i }))]));
}
