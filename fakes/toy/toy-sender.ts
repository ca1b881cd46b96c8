// An outside sender with an MTA queue on disk: submits Poisson traffic, retries while the mailbox refuses
// connections, and returns a message as an NDR once it has been queued longer than the expiry.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { TOY_ACTORS, type ToyConfig } from './toy-config.js';

interface QueuedMessage {
  readonly firstAttemptMs: number;
}

export interface ToySenderDurable {
  submittedCount: number;
  /** The MTA queue: survives a restart of the sender. */
  readonly queue: Map<string, QueuedMessage>;
}

export function newToySenderDurable(): ToySenderDurable {
  return { submittedCount: 0, queue: new Map() };
}

export function toySender(ledger: Ledger, config: ToyConfig) {
  return (ctx: ActorContext, disk: ToySenderDurable): Actor => {
    const scheduleNextSubmission = (): void => {
      if (disk.submittedCount < config.messages) ctx.setTimer(ctx.rng.exponentialMs(config.meanIntervalMs), 'submit');
    };

    const attempt = (messageId: string): void => {
      const queued = disk.queue.get(messageId);
      if (queued === undefined) return;
      const reply = ctx.request(TOY_ACTORS.mailbox, 'deliver', messageId);
      if (reply.ok) {
        disk.queue.delete(messageId);
        return;
      }
      ledger.smtpAttempt(messageId, 'connect', `connection ${reply.reason}`);
      if (ctx.nowMs() - queued.firstAttemptMs >= config.expiryMs) {
        disk.queue.delete(messageId);
        ledger.bounced(messageId, `expired after ${config.expiryMs} ms in the sender's queue`);
        return;
      }
      ctx.setTimer(config.retryIntervalMs, 'retry', messageId);
    };

    return {
      onStart() {
        scheduleNextSubmission();
        for (const messageId of disk.queue.keys()) ctx.setTimer(config.retryIntervalMs, 'retry', messageId);
      },
      onTimer(tag, data) {
        if (tag === 'retry') {
          attempt(data as string);
          return;
        }
        if (ctx.nowMs() > config.horizonMs) return;
        const messageId = `<toy-${++disk.submittedCount}@sender.example>`;
        ledger.submitted(messageId, 'sender@sender.example', [TOY_ACTORS.mailbox]);
        disk.queue.set(messageId, { firstAttemptMs: ctx.nowMs() });
        attempt(messageId);
        scheduleNextSubmission();
      },
    };
  };
}
