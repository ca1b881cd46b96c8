// An outside sending MTA: submits its traffic to the organisation's MX servers, keeps what it could not hand over in
// a queue on disk and retries on its profile's schedule (X1); permanent refusals and expiry end in an NDR, which the
// ledger records as bounced, never as silent loss.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { NO_ADDRESSES, SoleAddressLists, domainOf, recipientsOf, type MailMessage } from '../mail/mail-message.js';
import { OUTCOME, formatReply, isTransient, noConnection, type SmtpOutcome, type SmtpTransport } from '../mail/smtp-reply.js';
import type { SmtpSubmission } from '../exchange/exchange-server.js';
import { retryDelayMs, type RetryProfile } from './retry-profile.js';
import type { SenderTraffic } from './traffic.js';
import { nextGeneratedMessage, peakOf } from './traffic.js';

interface QueuedMail {
  readonly message: MailMessage;
  readonly firstAttemptMs: number;
  failures: number;
  nextAttemptMs: number;
  delayNotified: boolean;
}

export interface OutsideSenderDurable {
  readonly queue: Map<string, QueuedMail>;
  nextExplicit: number;
  /** Per generator: how many it has produced. */
  readonly generated: number[];
  /** Replies written but not yet submitted, by the time they are due. */
  readonly replies: Map<number, MailMessage>;
  nextReply: number;
}

export function newOutsideSenderDurable(traffic: SenderTraffic): OutsideSenderDurable {
  return { queue: new Map(), nextExplicit: 0, generated: traffic.generators.map(() => 0), replies: new Map(), nextReply: 1 };
}

export interface OutsideSenderConfig {
  readonly profile: RetryProfile;
  /** Share of mail received from the organisation that gets a reply, and the mean delay before it. */
  readonly replyRatio: number;
  readonly replyMeanDelayMs: number;
  /** Epoch ms of virtual time 0 (the scenario's `start`), for daily curves in UTC hours. */
  readonly startEpochMs: number;
  /** The organisation's MX servers, tried in order on each attempt. */
  readonly mx: readonly string[];
  readonly traffic: SenderTraffic;
  /** No new submissions after this instant. */
  readonly horizonMs: number;
  /** The organisation's domains: mail relayed through this MTA for them goes to the MX, the rest to the Internet. */
  readonly orgDomains: readonly string[];
  /**
   * How an attempt reaches the MX: by default a request in virtual time, answered at once; in wire mode a real SMTP
   * client (fakes/wire/) that calls `done` later, between engine steps. Everything after the hand-over is the same.
   */
  readonly transport?: SmtpTransport;
}

export function outsideSender(ledger: Ledger, config: OutsideSenderConfig) {
  const { profile, traffic } = config;
  // Shared To lists of generated mail: immutable values, kept for the run (they survive the sender's restarts).
  const sole = new SoleAddressLists();
  return (ctx: ActorContext, disk: OutsideSenderDurable): Actor => {
    const scheduleExplicit = (): void => {
      const next = traffic.messages[disk.nextExplicit];
      if (next !== undefined) ctx.setTimer(Math.max(0, next.atMs - ctx.nowMs()), 'explicit');
    };
    const scheduleGenerator = (index: number): void => {
      const generator = traffic.generators[index];
      if (generator === undefined || (disk.generated[index] ?? 0) >= generator.count) return;
      // A daily curve thins a Poisson stream at the peak rate: each candidate is kept with its hour's share of the peak.
      const peakPerHour = generator.ratePerHour * peakOf(generator.dailyCurve);
      ctx.setTimer(Math.max(1, ctx.rng.exponentialMs(3_600_000 / peakPerHour)), 'generate', index);
    };
    const keepsCandidate = (curve: readonly number[] | null): boolean => {
      if (curve === null) return true;
      const hour = Math.floor((config.startEpochMs + ctx.nowMs()) / 3_600_000) % 24;
      return ctx.rng.chance((curve[hour] ?? 0) / Math.max(...curve));
    };

    const handOver = (message: MailMessage): SmtpOutcome => {
      let outcome: SmtpOutcome = OUTCOME.refused;
      const submission: SmtpSubmission = { message, authenticated: false };
      for (const server of config.mx) {
        const reply = ctx.request(server, 'smtp', submission);
        outcome = reply.ok ? (reply.value as SmtpOutcome) : noConnection(reply.reason);
        if (outcome.kind !== 'no-connection') break;
      }
      return outcome;
    };

    /**
     * One attempt to hand the message over. `queued` is its place in the queue, or null on the first attempt, which
     * is made before anything is queued: most mail goes through at once and never needs a queue entry.
     */
    const attempt = (message: MailMessage, queued: QueuedMail | null): void => {
      if (config.transport === undefined) return settle(message, queued, handOver(message));
      config.transport(message, (outcome) => settle(message, queued, outcome));
    };

    /** What an attempt's outcome means for the message: done, an NDR, or another try later (X1). */
    const settle = (message: MailMessage, queued: QueuedMail | null, outcome: SmtpOutcome): void => {
      const key = message.key;
      if (outcome.kind === 'no-connection') {
        ledger.smtpAttempt(key, 'connect', `no connection (${outcome.why})`);
        return failed(message, queued, 'connection');
      }
      if (outcome.kind === 'reply-lost') {
        // The server has the message, but nothing says so: the sender must try again, and the recipient gets it twice.
        ledger.smtpAttempt(key, 'end-of-data', 'no reply after DATA (connection lost)');
        return failed(message, queued, 'connection');
      }
      for (const { address, reply } of outcome.rejectedRecipients) {
        ledger.smtpAttempt(key, 'rcpt', `${address}: ${formatReply(reply)}`);
      }
      if (outcome.reply.code < 300) {
        disk.queue.delete(key);
        if (outcome.rejectedRecipients.length > 0) ledger.bounced(key, `NDR for ${outcome.rejectedRecipients.map((r) => r.address).join(', ')}`);
        return;
      }
      // Every recipient refused at RCPT: each refusal is on the path already, the transaction's reply is one of them.
      if (outcome.stage !== 'rcpt' || outcome.rejectedRecipients.length === 0) ledger.smtpAttempt(key, outcome.stage, formatReply(outcome.reply));
      if (isTransient(outcome.reply)) return failed(message, queued, 'reply');
      disk.queue.delete(key);
      ledger.bounced(key, `NDR: ${formatReply(outcome.reply)}`);
    };

    /** An attempt failed for now: the message waits in the queue (joining it after a first attempt), or expires. */
    const failed = (message: MailMessage, waiting: QueuedMail | null, kind: 'connection' | 'reply'): void => {
      const key = message.key;
      if (profile.dropsOnTransientFailure === true) {
        disk.queue.delete(key);
        return;
      }
      const now = ctx.nowMs();
      const queued = waiting ?? { message, firstAttemptMs: now, failures: 0, nextAttemptMs: now, delayNotified: false };
      queued.failures++;
      const waitedMs = now - queued.firstAttemptMs;
      if (waitedMs >= profile.expiryMs) {
        disk.queue.delete(key);
        ledger.bounced(key, `NDR: expired after ${waitedMs} ms in the sender's queue`);
        return;
      }
      const delay = Math.min(retryDelayMs(profile, queued.failures, kind), profile.expiryMs - waitedMs);
      queued.nextAttemptMs = now + delay;
      // A message already queued under this key (the same mail relayed again) gives way to the newer attempt.
      if (waiting === null) disk.queue.set(key, queued);
      ctx.setTimer(delay, 'retry', key);
      // X1: a message that joins the queue is due a delay notice if it waits that long (set after the retry timer).
      if (waiting === null) ctx.setTimer(profile.delayNoticeAfterMs, 'delay-notice', key);
    };

    const submit = (message: MailMessage): void => {
      ledger.submitted(message.key, message.from, recipientsOf(message));
      attempt(message, null);
    };

    /** As a relay (CRM's outbound may name this MTA): takes any authenticated message, hands on what is for the
     * organisation through its queue, and sends the rest to the Internet. */
    const relay = (message: MailMessage): SmtpOutcome => {
      const internal = (address: string) => config.orgDomains.includes(domainOf(address));
      for (const address of recipientsOf(message)) if (!internal(address)) ledger.sentOut(message.key, address);
      const to = message.to.filter(internal);
      const cc = message.cc.filter(internal);
      if (to.length + cc.length > 0) attempt({ ...message, to, cc }, null);
      return OUTCOME.queued;
    };

    return {
      onStart() {
        scheduleExplicit();
        traffic.generators.forEach((_, i) => scheduleGenerator(i));
        for (const [key, queued] of disk.queue) {
          ctx.setTimer(Math.max(0, queued.nextAttemptMs - ctx.nowMs()), 'retry', key);
          const noticeAtMs = queued.firstAttemptMs + profile.delayNoticeAfterMs;
          if (!queued.delayNotified) ctx.setTimer(Math.max(0, noticeAtMs - ctx.nowMs()), 'delay-notice', key);
        }
        for (const n of disk.replies.keys()) ctx.setTimer(0, 'reply', n);
      },
      // Mail from the organisation reached this domain: answer a share of it (replies to CRM mail correlate, S10).
      onMessage(_from, _tag, data) {
        const { message, recipient } = data as { message: MailMessage; recipient: string };
        if (!ctx.rng.chance(config.replyRatio)) return;
        const n = disk.nextReply++;
        const id = `<re-${n}@${domainOf(recipient)}>`;
        disk.replies.set(n, {
          key: id, messageId: id, from: recipient, to: [message.from], cc: NO_ADDRESSES, subject: `RE: ${message.subject}`, sizeBytes: 6_000, external: true,
          ...(message.messageId === null ? {} : { inReplyTo: message.messageId, references: [...(message.references ?? []), message.messageId] }),
        });
        ctx.setTimer(ctx.rng.exponentialMs(config.replyMeanDelayMs), 'reply', n);
      },
      onRequest(_from, _tag, data) {
        return relay((data as SmtpSubmission).message);
      },
      onTimer(tag, data) {
        if (tag === 'retry') {
          const queued = disk.queue.get(data as string);
          return queued === undefined ? undefined : attempt(queued.message, queued);
        }
        if (tag === 'delay-notice') {
          // X1: the author hears that the message is delayed once it has waited this long, whatever the retry timing.
          const queued = disk.queue.get(data as string);
          if (queued === undefined || queued.delayNotified) return;
          queued.delayNotified = true;
          ledger.delayNotified(data as string, `still queued after ${ctx.nowMs() - queued.firstAttemptMs} ms`);
          return;
        }
        if (ctx.nowMs() > config.horizonMs) return;
        if (tag === 'explicit') {
          const message = traffic.messages[disk.nextExplicit++];
          if (message !== undefined) submit(message.message);
          return scheduleExplicit();
        }
        if (tag === 'reply') {
          const reply = disk.replies.get(data as number);
          disk.replies.delete(data as number);
          if (reply !== undefined) submit(reply);
          return;
        }
        const index = data as number;
        const generator = traffic.generators[index];
        if (generator === undefined || ctx.nowMs() > generator.untilMs) return;
        if (keepsCandidate(generator.dailyCurve)) {
          const n = (disk.generated[index] = (disk.generated[index] ?? 0) + 1);
          submit(nextGeneratedMessage(generator, n, ctx.rng, sole));
        }
        scheduleGenerator(index);
      },
    };
  };
}
