// A mailbox with its store on disk: accepts mail while running (connections are refused while it is down), lists
// items oldest first, and deletes items once the consumer has processed them.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';

export interface ToyItem {
  readonly storeId: number;
  readonly messageId: string;
}

export interface ToyMailboxDurable {
  nextStoreId: number;
  readonly items: Map<number, ToyItem>;
}

export function newToyMailboxDurable(): ToyMailboxDurable {
  return { nextStoreId: 1, items: new Map() };
}

export type ToyMailboxRequest =
  | { readonly op: 'list'; readonly max: number }
  | { readonly op: 'delete'; readonly storeId: number };

export function toyMailbox(ledger: Ledger) {
  return (ctx: ActorContext, disk: ToyMailboxDurable): Actor => ({
    onRequest(_from, tag, data) {
      if (tag === 'deliver') {
        const messageId = data as string;
        const item: ToyItem = { storeId: disk.nextStoreId++, messageId };
        disk.items.set(item.storeId, item);
        ledger.accepted(messageId, [ctx.name]);
        ledger.delivered(messageId, ctx.name, 'queue', 'Inbox', true);
        return 250;
      }
      const request = data as ToyMailboxRequest;
      if (request.op === 'list') return [...takeFirst(disk.items.values(), request.max)];
      const item = disk.items.get(request.storeId);
      if (item === undefined) return false;
      disk.items.delete(request.storeId);
      ledger.removed(item.messageId, ctx.name, 'processed');
      return true;
    },
  });
}

function* takeFirst<T>(items: Iterable<T>, max: number): Generator<T> {
  let taken = 0;
  for (const item of items) {
    if (taken++ >= max) return;
    yield item;
  }
}
