// A consumer that tracks mail: polls the mailbox, creates one activity per Message-ID (its activity table stands for
// CRM's database, so it survives a crash), then, a moment later, deletes the item. A crash between creating and deleting re-reads
// the item after restart, and the duplicate check absorbs it, as CRM's CheckIncomingEmail does (S8).
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { REASON_DUPLICATE } from '../../sim/ledger/records.js';
import { TOY_ACTORS, type ToyConfig } from './toy-config.js';
import type { ToyItem, ToyMailboxRequest } from './toy-mailbox.js';

const REASON_ACCEPT_ALL = 6;
const CALLER = 'toy-consumer';

export interface ToyConsumerDurable {
  nextActivity: number;
  readonly activities: Map<string, string>;
}

export function newToyConsumerDurable(): ToyConsumerDurable {
  return { nextActivity: 1, activities: new Map() };
}

export function toyConsumer(ledger: Ledger, config: ToyConfig) {
  return (ctx: ActorContext, disk: ToyConsumerDurable): Actor => {
    // Memory only: the batch being worked on is lost on a crash.
    let batch: ToyItem[] = [];

    const mailbox = (request: ToyMailboxRequest) => ctx.request(TOY_ACTORS.mailbox, 'op', request);

    // Two steps with time between them, as a real poller makes two calls: the gap is where a crash re-reads.
    const track = (item: ToyItem): void => {
      if (disk.activities.has(item.messageId)) {
        ledger.evaluated(item.messageId, CALLER, REASON_DUPLICATE);
      } else {
        ledger.evaluated(item.messageId, CALLER, REASON_ACCEPT_ALL);
        const activityId = `activity-${disk.nextActivity++}`;
        disk.activities.set(item.messageId, activityId);
        ledger.activityCreated(item.messageId, activityId, 'incoming', CALLER);
      }
      ctx.setTimer(ctx.rng.exponentialMs(config.processingMeanMs), 'delete', item);
    };

    const deleteItem = (item: ToyItem): void => {
      if (!mailbox({ op: 'delete', storeId: item.storeId }).ok) batch = [];
      processNext();
    };

    const processNext = (): void => {
      if (batch.length > 0) ctx.setTimer(ctx.rng.exponentialMs(config.processingMeanMs), 'process');
      else ctx.setTimer(config.pollIntervalMs, 'poll');
    };

    return {
      onStart() {
        ctx.setTimer(config.pollIntervalMs, 'poll');
      },
      onTimer(tag, data) {
        if (tag === 'poll') {
          const listed = mailbox({ op: 'list', max: config.batchSize });
          batch = listed.ok ? [...(listed.value as ToyItem[])] : [];
          processNext();
        } else if (tag === 'process') {
          const item = batch.shift();
          if (item === undefined) processNext();
          else track(item);
        } else {
          deleteItem(data as ToyItem);
        }
      },
    };
  };
}
