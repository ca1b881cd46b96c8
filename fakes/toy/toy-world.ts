// Spawns the toy world's three actors into an engine and reports what is still in flight at the end.
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { TOY_ACTORS, type ToyConfig } from './toy-config.js';
import { toyConsumer, newToyConsumerDurable } from './toy-consumer.js';
import { toyMailbox, newToyMailboxDurable } from './toy-mailbox.js';
import { toySender, newToySenderDurable } from './toy-sender.js';

export interface ToyWorld {
  /** Message-ID -> where it still is (sender queue, unprocessed mailbox item). */
  inFlight(firstOnly?: boolean): Map<string, string>;
}

export function spawnToyWorld(engine: Engine, ledger: Ledger, config: ToyConfig): ToyWorld {
  const sender = engine.spawn(TOY_ACTORS.sender, toySender(ledger, config), newToySenderDurable());
  const mailbox = engine.spawn(TOY_ACTORS.mailbox, toyMailbox(ledger), newToyMailboxDurable());
  engine.spawn(TOY_ACTORS.consumer, toyConsumer(ledger, config), newToyConsumerDurable());
  return {
    inFlight(firstOnly = false) {
      const where = new Map<string, string>();
      for (const messageId of sender.durable.queue.keys()) {
        where.set(messageId, 'sender queue');
        if (firstOnly) return where;
      }
      for (const item of mailbox.durable.items.values()) {
        where.set(item.messageId, 'mailbox, not yet processed');
        if (firstOnly) return where;
      }
      return where;
    },
  };
}
