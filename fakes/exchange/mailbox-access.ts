// How clients read a mailbox through its server (Outlook over MAPI here; EWS and POP3 for the router and server-side
// sync later): the items of one folder that arrived after a given store id, oldest first.
import type { MailMessage } from '../mail/mail-message.js';
import type { DatabaseState } from './mailbox-store.js';

export const MAILBOX_READ = 'mailbox-read';

export interface MailboxRead {
  readonly mailbox: string;
  readonly folder: string;
  /** Only items with a larger store id: the client's watermark. */
  readonly afterStoreId: number;
}

export interface ReadItem {
  readonly storeId: number;
  readonly message: MailMessage;
  readonly receivedAtMs: number;
}

export function readFolder(db: DatabaseState, read: MailboxRead): ReadItem[] {
  return (db.items.get(read.mailbox.toLowerCase()) ?? [])
    .filter((item) => item.folder === read.folder && item.storeId > read.afterStoreId && item.sent !== true)
    .map((item) => ({ storeId: item.storeId, message: item.message, receivedAtMs: item.receivedAtMs }));
}
