// What people do to items in the store, and what the ledger learns of it: a received copy's move is a step of its
// placement; the sender's own copy in Sent Items has no placement (it is not a received copy), so moving or deleting
// it changes the store only. Server-side sync files such a copy when its promotion fails (S7, S16).
import { describe, expect, it } from 'vitest';
import { applyUserAction } from '../../../fakes/exchange/user-actions.js';
import { itemsOf, newDatabase, type StoreItem } from '../../../fakes/exchange/mailbox-store.js';
import { NO_ADDRESSES, type MailMessage } from '../../../fakes/mail/mail-message.js';
import { Ledger } from '../../../sim/ledger/ledger.js';

const ANNA = 'anna@contoso.example';

function message(key: string): MailMessage {
  return { key, messageId: key, from: ANNA, to: ['bob@fabrikam.example'], cc: NO_ADDRESSES, subject: key, sizeBytes: 1 };
}

function world() {
  const ledger = new Ledger(() => 0);
  const db = newDatabase('db1', [ANNA]);
  const received = message('<in@fabrikam.example>');
  ledger.submitted(received.key, 'bob@fabrikam.example', [ANNA]);
  ledger.delivered(received.key, ANNA, 'user', 'Inbox', true);
  const sent = message('<out@contoso.example>');
  ledger.submitted(sent.key, ANNA, ['bob@fabrikam.example']);
  ledger.sentCopy(sent.key, ANNA);
  const items: StoreItem[] = [
    { storeId: 1, key: received.key, messageId: received.key, message: received, folder: 'Inbox', receivedAtMs: 0 },
    { storeId: 2, key: sent.key, messageId: sent.key, message: sent, folder: 'Sent Items', receivedAtMs: 0, sent: true },
  ];
  db.itemLists.get(ANNA)!.push(...items);
  return { ledger, db, received, sent };
}

describe('applyUserAction', () => {
  it('files a received copy and tells the ledger, which moves its placement', () => {
    const { ledger, db, received } = world();
    expect(applyUserAction(db, { kind: 'file', mailbox: ANNA, storeId: 1, folder: 'Filed' }, ledger)).toBe('done');
    expect(itemsOf(db, ANNA)![0]!.folder).toBe('Filed');
    expect(ledger.get(received.key)!.placements.map((p) => p.folder)).toEqual(['Filed']);
  });

  it('C4: marks an item for tracking (a track-requested step), then shows it tracked in CRM (no step), and a deleted item is gone', () => {
    const { ledger, db, received } = world();
    const before = ledger.get(received.key)!.path.length;
    expect(applyUserAction(db, { kind: 'mark-for-tracking', mailbox: ANNA, storeId: 1 }, ledger)).toBe('done');
    expect(itemsOf(db, ANNA)![0]).toMatchObject({ trackRequested: true });
    expect(itemsOf(db, ANNA)![0]!.trackedInCrm).toBeUndefined();
    expect(ledger.get(received.key)!.path.slice(before)).toMatchObject([{ step: 'track-requested', detail: ANNA }]);
    expect(ledger.get(received.key)!.trackRequested).toBe(true);
    expect(applyUserAction(db, { kind: 'tracked-in-crm', mailbox: ANNA, storeId: 1 }, ledger)).toBe('done');
    expect(itemsOf(db, ANNA)![0]).toMatchObject({ trackRequested: true, trackedInCrm: true });
    expect(ledger.get(received.key)!.path).toHaveLength(before + 1);
    applyUserAction(db, { kind: 'delete', mailbox: ANNA, storeId: 1 }, ledger);
    expect(applyUserAction(db, { kind: 'mark-for-tracking', mailbox: ANNA, storeId: 1 }, ledger)).toBe('gone');
  });

  it('files and deletes the sender\'s own copy in the store alone: the ledger has no placement of it', () => {
    const { ledger, db, sent } = world();
    const before = ledger.get(sent.key)!.path.length;
    expect(applyUserAction(db, { kind: 'file', mailbox: ANNA, storeId: 2, folder: 'Undeliverable' }, ledger)).toBe('done');
    expect(itemsOf(db, ANNA)![1]!.folder).toBe('Undeliverable');
    expect(applyUserAction(db, { kind: 'delete', mailbox: ANNA, storeId: 2 }, ledger)).toBe('done');
    expect(itemsOf(db, ANNA)![1]!.folder).toBe('Deleted Items');
    expect(ledger.get(sent.key)!.path).toHaveLength(before);
    expect(ledger.get(sent.key)!.placements).toEqual([]);
  });
});
