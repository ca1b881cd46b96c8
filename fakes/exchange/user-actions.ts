// What people do to the mail in their mailboxes, applied to the store: read it, file a message into a folder, delete it
// (to Deleted Items), or send mail (a reply, or new internal mail). S6 makes this matter: mail moved out of the
// Inbox before a sync cycle is never tracked by server-side sync.
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailMessage } from '../mail/mail-message.js';
import { indexOfStoreId, type DatabaseState } from './mailbox-store.js';

/** The request that carries a UserAction to a mailbox server (any server: one that does not hold the mailbox proxies). */
export const USER_ACTION = 'user-action';

/** Sent by a server to the people actor when mail lands in a user's mailbox: in the Inbox, or in Junk. */
export interface DeliveryNotice {
  readonly mailbox: string;
  readonly storeId: number;
  readonly message: MailMessage;
  /** Inbox, Junk, or the folder a person's move rule files it into. */
  readonly folder: string;
}

export type UserAction =
  | { readonly kind: 'read'; readonly mailbox: string; readonly storeId: number }
  | { readonly kind: 'file'; readonly mailbox: string; readonly storeId: number; readonly folder: string }
  | { readonly kind: 'delete'; readonly mailbox: string; readonly storeId: number }
  | { readonly kind: 'send'; readonly mailbox: string; readonly message: MailMessage; readonly track?: boolean }
  // Tracking through the mailbox itself (App for Outlook on server-side sync, S16): the item is marked for sync.
  | { readonly kind: 'mark-for-tracking'; readonly mailbox: string; readonly storeId: number }
  // C4: the App for Outlook got CRM's answer at once (an activity, made now or by another path before): the marked
  // item shows tracked (crmLinkState 2, C2), so server-side sync has nothing left to promote.
  | { readonly kind: 'tracked-in-crm'; readonly mailbox: string; readonly storeId: number }
  // Through the user's Outlook with the CRM client (C1, C2), not the mailbox server:
  | { readonly kind: 'track'; readonly mailbox: string; readonly storeId: number; readonly message: MailMessage }
  | { readonly kind: 'untrack'; readonly mailbox: string; readonly storeId: number }
  | { readonly kind: 'send-tracked'; readonly mailbox: string; readonly message: MailMessage };

/** Actions the user's Outlook handles; the rest go to the mailbox server. */
export type OutlookAction = Extract<UserAction, { kind: 'track' | 'untrack' | 'send-tracked' }>;
export type StoreAction = Extract<UserAction, { kind: 'read' | 'file' | 'delete' | 'mark-for-tracking' | 'tracked-in-crm' }>;

export function isOutlookAction(action: UserAction): action is OutlookAction {
  return action.kind === 'track' || action.kind === 'untrack' || action.kind === 'send-tracked';
}

/** 'done', or 'gone' when the item is no longer there (already deleted, rolled back by a restore). */
export function applyUserAction(db: DatabaseState, action: StoreAction, ledger: Ledger): 'done' | 'gone' {
  const items = db.itemLists.get(action.mailbox);
  const item = items === undefined ? undefined : items[indexOfStoreId(db, items, action.storeId)];
  if (item === undefined || item.folder === 'Deleted Items') return 'gone';
  if (action.kind === 'mark-for-tracking') {
    item.trackRequested = true;
    // Received mail only: a tracked send is outgoing, and CRM's outgoing activity is what tracks it (S16).
    if (item.sent !== true) ledger.trackRequested(item.key, action.mailbox);
    db.everMarked.add(action.mailbox);
    return 'done';
  }
  if (action.kind === 'tracked-in-crm') {
    item.trackedInCrm = true;
    return 'done';
  }
  if (action.kind === 'read') {
    item.read = true;
    ledger.read(item.key, action.mailbox);
    return 'done';
  }
  const from = item.folder;
  item.folder = action.kind === 'file' ? action.folder : 'Deleted Items';
  // The sender's own copies are not received copies, so the ledger holds no placement of them to move (rollback.ts
  // leaves them out too). Server-side sync files one when its promotion fails (S7, S16).
  if (item.sent !== true) ledger.moved(item.key, action.mailbox, item.folder, from);
  return 'done';
}
