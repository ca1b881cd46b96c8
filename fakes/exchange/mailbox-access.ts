// How clients read a mailbox through its server (Outlook over MAPI, the router over EWS or POP3, server-side sync over
// EWS): the items of one folder after a watermark, oldest first, and deleting an item once it is processed.
import type { MailMessage } from '../mail/mail-message.js';
import type { DatabaseState, StoreItem } from './mailbox-store.js';

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
  /** Instead of one folder: the items the person tracked, in any folder but Deleted Items, sent copies too (S16). */
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
}

/** Removes the item; returns it, or undefined when it is no longer there. */
export function deleteItem(db: DatabaseState, request: MailboxDelete): StoreItem | undefined {
  const items = db.items.get(request.mailbox.toLowerCase());
  const index = items?.findIndex((item) => item.storeId === request.storeId) ?? -1;
  if (items === undefined || index < 0) return undefined;
  return items.splice(index, 1)[0];
}

export function readFolder(db: DatabaseState, read: MailboxRead): ReadItem[] {
  if (read.trackRequested === true && !db.everMarked.has(read.mailbox.toLowerCase())) return [];
  const wanted = read.trackRequested === true
    ? (item: StoreItem) => item.trackRequested === true && item.folder !== 'Deleted Items'
    : (item: StoreItem) => item.folder === read.folder && item.sent !== true;
  return (db.items.get(read.mailbox.toLowerCase()) ?? [])
    .filter((item) => wanted(item) && item.storeId > read.afterStoreId && (read.receivedAfterMs == null || item.receivedAtMs > read.receivedAfterMs))
    .map((item) => ({ storeId: item.storeId, message: item.message, receivedAtMs: item.receivedAtMs, folder: item.folder, sent: item.sent === true }));
}
