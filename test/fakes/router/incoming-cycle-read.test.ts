// What a router cycle reads (R8): the Inbox items past the provider's ThresholdDate, including items of the threshold's
// own instant that are not done yet, plus the items kept for another try (R10). With nothing kept for another try it
// asks the store only for items at or after the threshold (inclusive: two items can share an instant).
import { describe, expect, it } from 'vitest';
import type { ActorContext } from '../../../sim/core/actor.js';
import { readFolder, type MailboxRead } from '../../../fakes/exchange/mailbox-access.js';
import { newDatabase, type StoreItem } from '../../../fakes/exchange/mailbox-store.js';
import { NO_ADDRESSES, type MailMessage } from '../../../fakes/mail/mail-message.js';
import { startCycle, type CycleHost } from '../../../fakes/router/incoming-cycle.js';
import type { IncomingProvider } from '../../../fakes/router/providers.js';
import type { ProviderState } from '../../../fakes/router/system-state.js';

const FORWARD = 'crm@contoso.example';

function item(storeId: number, receivedAtMs: number): StoreItem {
  const key = `<m${storeId}@fabrikam.example>`;
  const message: MailMessage = { key, messageId: key, from: 'x@fabrikam.example', to: [FORWARD], cc: NO_ADDRESSES, subject: key, sizeBytes: 1 };
  return { storeId, key, messageId: key, message, folder: 'Inbox', receivedAtMs };
}

/** The store ids a cycle starts with, for a provider in `state`, reading a real mailbox store. */
function cycleItems(state: ProviderState): number[] {
  const db = newDatabase('db1', [FORWARD]);
  db.itemLists.get(FORWARD)!.push(item(1, 10), item(2, 20), item(3, 20), item(4, 30));
  const reads: MailboxRead[] = [];
  const ctx = {
    nowMs: () => 40,
    request: (_to: string, _tag: string, read: MailboxRead) => {
      reads.push(read);
      return { ok: true, value: readFolder(db, read) };
    },
  } as unknown as ActorContext;
  const host = { ctx, state: () => state, ended: () => undefined } as unknown as CycleHost;
  const provider = { mailbox: FORWARD, profile: { server: 'ex1' } } as unknown as IncomingProvider;
  const cycle = startCycle(host, provider);
  expect(reads).toHaveLength(1);
  return cycle?.items.map((i) => i.storeId) ?? [];
}

const state = (thresholdMs: number | null, doneAtThreshold: number[], retry: number[]): ProviderState =>
  ({ emailAddress: FORWARD, thresholdMs, doneAtThreshold, retry, lastError: null });

describe('a router cycle reads', () => {
  it('everything without a threshold', () => {
    expect(cycleItems(state(null, [], []))).toEqual([1, 2, 3, 4]);
  });

  it('the items of the threshold instant not done yet, and those after it', () => {
    expect(cycleItems(state(20, [2], []))).toEqual([3, 4]);
    expect(cycleItems(state(20, [2, 3], []))).toEqual([4]);
    expect(cycleItems(state(30, [4], []))).toEqual([]);
  });

  it('an item kept for another try, before the threshold as well', () => {
    expect(cycleItems(state(20, [2], [1]))).toEqual([1, 3, 4]);
  });
});
