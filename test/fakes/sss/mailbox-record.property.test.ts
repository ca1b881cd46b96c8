// S2a, S6: the bound a cycle's Inbox read passes to Exchange (`inboxReadBound`) never hides an item the cycle would
// have processed: reading with it, the due items are exactly those of reading the whole Inbox.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { earliestDueMs, inboxReadBound, isDue, markDone, newMailboxRecord, type MailboxRecord } from '../../../fakes/sss/mailbox-record.js';
import { readFolder } from '../../../fakes/exchange/mailbox-access.js';
import { newDatabase, type StoreItem } from '../../../fakes/exchange/mailbox-store.js';

const MAILBOX = 'paul@contoso.example';
/** Mostly a few whole instants, so items often share the watermark's instant and Process Email From's; some fractions. */
const time = fc.oneof({ arbitrary: fc.integer({ min: -2, max: 8 }), weight: 4 }, { arbitrary: fc.double({ min: -2, max: 8, noNaN: true }), weight: 1 });

const scenario = fc.record({
  items: fc.array(fc.record({ receivedAtMs: time, folder: fc.constantFrom('Inbox', 'Inbox', 'Archive'), sent: fc.boolean() }), { maxLength: 25 }),
  firstEnabledAtMs: fc.oneof(fc.constant(null), fc.constant(Number.NEGATIVE_INFINITY), time),
  processEmailFromMs: fc.oneof(fc.constant(null), time),
  /** Items (by index) already done, in order: they move the watermark as a cycle would. */
  done: fc.array(fc.nat(), { maxLength: 10 }),
});

describe('the Inbox read bound (S2a, S6)', () => {
  it('never skips an item that would have been processed', () => {
    fc.assert(fc.property(scenario, ({ items, firstEnabledAtMs, processEmailFromMs, done }) => {
      const db = newDatabase('db1', [MAILBOX]);
      const stored: StoreItem[] = items.map((item, i) => ({
        storeId: i + 1, key: `k${i}`, messageId: null, message: { key: `k${i}`, messageId: null, from: 'a@b.c', to: [MAILBOX], cc: [], subject: '', sizeBytes: 1 },
        folder: item.folder, receivedAtMs: item.receivedAtMs, ...(item.sent ? { sent: true } : {}),
      }));
      db.itemLists.set(MAILBOX, stored);
      // The store's own invariant (mailbox-store.ts): items are appended in received order, and whatever appends an
      // older one (Safety Net's resubmits, X2) says so, so readers scan instead of binary-searching the bound.
      db.outOfOrder = stored.some((item, i) => i > 0 && item.receivedAtMs < (stored[i - 1]?.receivedAtMs ?? -Infinity));
      const record: MailboxRecord = { ...newMailboxRecord(MAILBOX), enabled: true, firstEnabledAtMs };
      for (const index of done) {
        const item = stored[index % Math.max(1, stored.length)];
        if (item !== undefined) markDone(record, item);
      }
      const read = (receivedAfterMs: number | null) => readFolder(db, { mailbox: MAILBOX, folder: 'Inbox', afterStoreId: 0, receivedAfterMs })
        .filter((item) => isDue(record, processEmailFromMs, item)).map((item) => item.storeId);
      expect(read(inboxReadBound(record, processEmailFromMs))).toEqual(read(null));
    }), { seed: 20261206, numRuns: 1_000 });
  });

  it('is no bound at all while nothing limits the mailbox (enabled before the run, no watermark yet)', () => {
    const record = { ...newMailboxRecord(MAILBOX), firstEnabledAtMs: Number.NEGATIVE_INFINITY };
    expect(earliestDueMs(record, null)).toBeNull();
    expect(inboxReadBound(record, null)).toBeNull();
    expect(earliestDueMs({ ...record, watermarkMs: 7 }, 3)).toBe(7);
    expect(earliestDueMs({ ...record, watermarkMs: 7 }, 9)).toBe(9);
  });
});
