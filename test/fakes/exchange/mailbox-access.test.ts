// Reading a folder past a watermark: the store finds where the later items start by searching back from the end, since
// a mailbox's items sit in store id and received time order; once Safety Net has put an older copy back (X2) it scans
// instead.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deleteItem, readFolder, type MailboxRead } from '../../../fakes/exchange/mailbox-access.js';
import { indexOfStoreId, itemsOf, newDatabase, type DatabaseState, type StoreItem } from '../../../fakes/exchange/mailbox-store.js';
import { NO_ADDRESSES, type MailMessage } from '../../../fakes/mail/mail-message.js';

const MAILBOX = 'anna@contoso.example';

function item(storeId: number, receivedAtMs: number, folder = 'Inbox', extra: Partial<StoreItem> = {}): StoreItem {
  const key = `<m${storeId}@fabrikam.example>`;
  const message: MailMessage = { key, messageId: key, from: 'x@fabrikam.example', to: [MAILBOX], cc: NO_ADDRESSES, subject: `m${storeId}`, sizeBytes: 1 };
  return { storeId, key, messageId: key, message, folder, receivedAtMs, ...extra };
}

function database(items: StoreItem[]): DatabaseState {
  const db = newDatabase('db1', [MAILBOX]);
  db.itemLists.get(MAILBOX)!.push(...items);
  return db;
}

const ids = (db: DatabaseState, read: Partial<MailboxRead>) =>
  readFolder(db, { mailbox: MAILBOX, folder: 'Inbox', afterStoreId: 0, ...read }).map((i) => i.storeId);

describe('readFolder', () => {
  // Two items share the instant 20: a watermark at that instant must still see both.
  const items = () => [item(1, 10), item(2, 20), item(3, 20, 'Filed'), item(4, 20), item(5, 30, 'Sent Items', { sent: true }), item(6, 40)];

  it('reads the whole folder without a watermark, oldest first, and leaves other folders and sent copies out', () => {
    expect(ids(database(items()), {})).toEqual([1, 2, 4, 6]);
  });

  it('reads only past a store id, a received instant (exclusive) or from an instant (inclusive)', () => {
    const db = database(items());
    expect(ids(db, { afterStoreId: 2 })).toEqual([4, 6]);
    expect(ids(db, { receivedAfterMs: 20 })).toEqual([6]);
    expect(ids(db, { receivedFromMs: 20 })).toEqual([2, 4, 6]);
    expect(ids(db, { receivedFromMs: 20, afterStoreId: 3 })).toEqual([4, 6]);
    expect(ids(db, { receivedFromMs: 41 })).toEqual([]);
    expect(ids(db, { receivedFromMs: null, receivedAfterMs: null })).toEqual([1, 2, 4, 6]);
  });

  it('finds the same items as a plain filter for every watermark, whatever the number of items past it', () => {
    // Lists of 0 to 40 items, two per instant, so the search meets runs of equal times at every length of tail.
    for (let length = 0; length <= 40; length++) {
      const list = Array.from({ length }, (_, i) => item(i + 1, 10 * Math.floor(i / 2)));
      const db = database(list);
      for (let mark = -1; mark <= length + 1; mark++) {
        const instant = 10 * Math.floor(mark / 2);
        expect(ids(db, { afterStoreId: mark })).toEqual(list.filter((i) => i.storeId > mark).map((i) => i.storeId));
        expect(ids(db, { receivedFromMs: instant })).toEqual(list.filter((i) => i.receivedAtMs >= instant).map((i) => i.storeId));
        expect(ids(db, { receivedAfterMs: instant })).toEqual(list.filter((i) => i.receivedAtMs > instant).map((i) => i.storeId));
      }
    }
  });

  it('scans the whole list once an older copy was put back out of order (Safety Net), and finds it', () => {
    const db = database([...items(), item(7, 50)]);
    db.itemLists.get(MAILBOX)!.push(item(2, 20)); // a resubmitted copy keeps its store id and received time
    db.itemLists.get(MAILBOX)!.splice(1, 1); // ... of an item the activated copy had lost
    db.outOfOrder = true;
    expect(ids(db, { receivedFromMs: 20 })).toEqual([4, 6, 7, 2]);
    expect(ids(db, { afterStoreId: 1 })).toEqual([4, 6, 7, 2]);
    expect(ids(db, {})).toEqual([1, 4, 6, 7, 2]);
  });

  it('reads tracked items in any folder but Deleted Items, and nothing for a mailbox where nobody ever tracked', () => {
    const db = database([item(1, 10, 'Filed', { trackRequested: true }), item(2, 20, 'Deleted Items', { trackRequested: true }), item(3, 30)]);
    expect(ids(db, { trackRequested: true })).toEqual([]);
    db.everMarked.add(MAILBOX);
    expect(ids(db, { trackRequested: true })).toEqual([1]);
  });

  it('C4: says which tracked items the App for Outlook already had CRM track, so sync can leave them alone', () => {
    const db = database([item(1, 10, 'Inbox', { trackRequested: true, trackedInCrm: true }), item(2, 20, 'Filed', { trackRequested: true })]);
    db.everMarked.add(MAILBOX);
    const read = readFolder(db, { mailbox: MAILBOX, folder: '', afterStoreId: 0, trackRequested: true });
    expect(read.map((i) => [i.storeId, i.trackedInCrm === true])).toEqual([[1, true], [2, false]]);
  });
});

describe('indexOfStoreId', () => {
  it('finds an item as a scan from the front does, in order by search and out of order by scan', () => {
    const arbIds = fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 60 });
    fc.assert(fc.property(arbIds, fc.integer({ min: 0, max: 501 }), fc.boolean(), (unique, wanted, outOfOrder) => {
      const storeIds = outOfOrder ? unique : [...unique].sort((a, b) => a - b);
      const db = database(storeIds.map((id) => item(id, id)));
      db.outOfOrder = outOfOrder;
      const items = db.itemLists.get(MAILBOX)!;
      expect(indexOfStoreId(db, items, wanted)).toBe(items.findIndex((i) => i.storeId === wanted));
    }));
  });

  it('deletes the item named, wherever it sits, and says when it is gone', () => {
    const db = database([item(1, 10), item(4, 20), item(9, 30), item(12, 40)]);
    expect(deleteItem(db, { mailbox: MAILBOX, storeId: 9 })?.storeId).toBe(9);
    expect(deleteItem(db, { mailbox: MAILBOX, storeId: 9 })).toBeUndefined();
    expect(itemsOf(db, MAILBOX)!.map((i) => i.storeId)).toEqual([1, 4, 12]);
  });
});

describe('deleting for good leaves tombstones that nobody sees (R10 at the scale of a backlog)', () => {
  // A deleted item stays in the list as a tombstone until they outnumber the items left (mailbox-store.ts): every read,
  // look-up and delete must answer as if it had been spliced out. Runs of deletes from the front, as a router works
  // through a backlog, and from anywhere, between reads at random watermarks and people's look-ups.
  type Op = { kind: 'delete' | 'find'; storeId: number } | { kind: 'read'; fromMs: number } | { kind: 'front' };
  const arbOp: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constantFrom<'delete' | 'find'>('delete', 'find'), storeId: fc.integer({ min: 0, max: 41 }) }),
    fc.record({ kind: fc.constant<'read'>('read'), fromMs: fc.integer({ min: -1, max: 220 }) }),
    fc.constant<Op>({ kind: 'front' }),
  );

  it('answers every read, look-up and delete as a list with the items spliced out would', () => {
    let sawTombstones = false;
    let sawCompaction = false;
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.array(arbOp, { maxLength: 80 }), (length, ops) => {
      const list = Array.from({ length }, (_, i) => item(i + 1, 5 * Math.floor(i / 2)));
      const db = database(list.map((i) => ({ ...i })));
      let expected = list;
      for (const op of ops) {
        if (op.kind === 'read') {
          expect(ids(db, { receivedFromMs: op.fromMs })).toEqual(expected.filter((i) => i.receivedAtMs >= op.fromMs).map((i) => i.storeId));
        } else if (op.kind === 'find') {
          const raw = db.itemLists.get(MAILBOX)!;
          expect(raw[indexOfStoreId(db, raw, op.storeId)]?.storeId).toBe(expected.find((i) => i.storeId === op.storeId)?.storeId);
        } else {
          const storeId = op.kind === 'front' ? (expected[0]?.storeId ?? 0) : op.storeId;
          const before = db.tombstones.get(MAILBOX) ?? 0;
          expect(deleteItem(db, { mailbox: MAILBOX, storeId })?.storeId).toBe(expected.find((i) => i.storeId === storeId)?.storeId);
          const after = db.tombstones.get(MAILBOX) ?? 0;
          if (after > 0) sawTombstones = true;
          if (after < before) sawCompaction = true;
          expected = expected.filter((i) => i.storeId !== storeId);
          // Never more tombstones than items left, so a read skips at most as many as it returns.
          expect(after).toBeLessThanOrEqual(expected.length);
        }
      }
      expect(itemsOf(db, MAILBOX)!.map((i) => i.storeId)).toEqual(expected.map((i) => i.storeId));
      expect(db.tombstones.has(MAILBOX)).toBe(false);
    }));
    expect(sawTombstones).toBe(true);
    expect(sawCompaction).toBe(true);
  });

  it('leaves a tombstone out of what people can find, in order and out of order (after Safety Net)', () => {
    for (const outOfOrder of [false, true]) {
      const db = database([item(1, 10), item(2, 20), item(3, 30), item(4, 40)]);
      db.outOfOrder = outOfOrder;
      deleteItem(db, { mailbox: MAILBOX, storeId: 2 });
      const raw = db.itemLists.get(MAILBOX)!;
      expect(raw).toHaveLength(4); // a tombstone, not a splice: one of four is not yet worth compacting
      expect(indexOfStoreId(db, raw, 2)).toBe(-1);
      expect(indexOfStoreId(db, raw, 3)).toBe(2);
      expect(deleteItem(db, { mailbox: MAILBOX, storeId: 2 })).toBeUndefined();
      expect(ids(db, {})).toEqual([1, 3, 4]);
    }
  });
});
