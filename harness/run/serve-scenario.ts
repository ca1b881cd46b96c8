// `mailflow serve`: the scenario's Exchange on real SMTP until told to stop. Each MX server listens on loopback;
// whatever a client outside the model sends enters the model through the same 'smtp' request outside senders make,
// with the scenario's mailboxes, rules and fault schedule (down -> refused, stage faults -> real 4xx/5xx, a dropped
// 250). Virtual time follows the wall clock times the scale. Stopping closes the listeners, drains what is in flight
// in virtual time and judges the run like any other.
import type { StoreItem } from '../../fakes/exchange/mailbox-store.js';
import type { MailMessage } from '../../fakes/mail/mail-message.js';
import type { WireListener } from '../../fakes/wire/smtp-listener.js';
import { refuseBadWireOptions, type ListenerLimits } from '../../fakes/wire/listener-limits.js';
import { WireClock } from '../../fakes/wire/wire-clock.js';
import { MessageIdUses } from '../../fakes/mail/reused-message-id.js';
import type { Scenario } from '../scenario/schema.js';
import type { TraceSink } from '../../sim/core/trace.js';
import { buildWorld } from '../world/build-world.js';
import { concludeRun, DRAIN_CHECK_INTERVAL_MS, type RunOutcome } from './run-scenario.js';
import type { CountsWaived } from '../../sim/check/expectation-result.js';
import { driveUntil } from './wire-driver.js';
import { socketsSettled, wireOutbound } from './wire-outbound.js';
import { BY_OPTION, outboundTargetOf } from './wire-outbound-target.js';
import { openWireModel, startListeners } from './wire-model.js';
import { expectClientMessages } from './client-messages.js';

export const DEFAULT_SMTP_PORT = 2525;
/** Serve in real time unless told otherwise: an engineer's SMTP code meets the outage when the schedule says. */
export const DEFAULT_SERVE_TIME_SCALE = 1;
/**
 * A session's counts are its clients' mail on top of the scenario's, up to when it was stopped, in real time: the
 * scenario's `expect` counts (written for its own run to the horizon) cannot hold it. Its checks still judge it.
 */
const SESSION_COUNTS: CountsWaived = { which: 'all', why: 'a serve session: its clients\' mail and when it was stopped decide the counts' };

export interface ServeOptions {
  /** The first MX server's port (the next ones count up from it); 0 picks free ports. */
  readonly smtpPort?: number;
  readonly timeScale?: number;
  readonly limits?: Partial<ListenerLimits>;
  /** Every event of the session, for a report's fault bands (there is no trace hash on the wire). */
  readonly traceSink?: TraceSink;
  /** How many different messages the clients mean to deliver: fewer accepted fails the session (client-messages.ts). */
  readonly expectMessages?: number;
  /**
   * `host:port`: CRM's outbound email goes to this real SMTP server, whatever the scenario's `wire.outboundSmtp` says;
   * needed to send to one that is not loopback (wire-outbound-target.ts).
   */
  readonly outboundSmtp?: string;
}

/** A message in a fake Exchange mailbox, as `ServeSession.mailbox` gives it: the message as the model read it. */
export interface ReceivedItem extends Pick<MailMessage, 'messageId' | 'from' | 'to' | 'cc' | 'subject' | 'sizeBytes'> {
  readonly folder: string;
  /** The virtual instant it was delivered (ms after the start). */
  readonly receivedAtMs: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A person has opened it (the scenario's people). */
  readonly read: boolean;
}

export interface ServeSession {
  readonly listeners: readonly WireListener[];
  /** The virtual instant the model has reached. */
  nowMs(): number;
  /**
   * What a mailbox of the fake Exchange holds now, in every folder: each message as the model read it from your SMTP
   * (subject decoded, sender, recipients, Message-ID, size, other headers). The body is counted, never kept. After
   * `stop()` too: the mailboxes as the drain left them (what a router or sync processed may be gone).
   */
  mailbox(address: string): readonly ReceivedItem[];
  /**
   * Resolves once the model has reached virtual instant `virtualMs` (at once if it has): for a test that acts after
   * the scenario's outage, say, without polling `nowMs()`. Rejects if the session is stopped first.
   */
  waitForVirtualTime(virtualMs: number): Promise<void>;
  /** Closes the listeners, drains in virtual time, counts, checks and judges (mode wire, no trace hash). */
  stop(): Promise<RunOutcome>;
}

export async function startServe(scenario: Scenario, options: ServeOptions = {}): Promise<ServeSession> {
  refuseBadWireOptions('startServe', options);
  // Before anything listens or connects: a file naming a server off this machine is refused here.
  const outboundTarget = outboundTargetOf(scenario, options.outboundSmtp, BY_OPTION);
  const model = openWireModel(scenario, options.traceSink);
  const { engine, ledger } = model;
  const outbound = wireOutbound(outboundTarget, ledger);
  const world = buildWorld(engine, ledger, scenario, outbound === null ? {} : { outboundTransport: outbound.transport });
  // Start every actor (the gateway among them) before a client can reach the model.
  engine.run({ untilMs: 0 });
  const fromOutside = new Set<string>();
  const listeners = await startListeners(model, { firstPort: options.smtpPort ?? DEFAULT_SMTP_PORT, limits: options.limits, fromOutside, messageIdUses: new MessageIdUses() });
  let clock: WireClock;
  try {
    clock = new WireClock(options.timeScale ?? DEFAULT_SERVE_TIME_SCALE);
  } catch (error) {
    // Nothing else is left listening when the session never starts (a caller's process would not exit).
    await Promise.all(listeners.map((l) => l.close()));
    throw error;
  }
  const waiters: Array<{ atMs: number; resolve: () => void; reject: (error: Error) => void }> = [];
  const wakeWaiters = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i];
      if (waiter !== undefined && waiter.atMs <= engine.nowMs) {
        waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  };
  const drive = { engine, clock, afterStep: () => { listeners.forEach((l) => l.sync()); wakeWaiters(); } };
  let stopping = false;
  const serving = driveUntil(drive, Infinity, () => stopping);
  return {
    listeners,
    nowMs: () => engine.nowMs,
    mailbox: (address) => (world.mailboxItems?.(address) ?? []).map(receivedItem),
    waitForVirtualTime(virtualMs) {
      if (engine.nowMs >= virtualMs) return Promise.resolve();
      if (stopping) return Promise.reject(new Error(`the session was stopped at ${engine.nowMs} ms, before ${virtualMs} ms`));
      return new Promise((resolve, reject) => waiters.push({ atMs: virtualMs, resolve, reject }));
    },
    async stop() {
      stopping = true;
      await serving;
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the session was stopped at ${engine.nowMs} ms, before ${waiter.atMs} ms`));
      await Promise.all(listeners.map((l) => l.close()));
      // Drained in virtual time, fast; CRM outbound on a socket is waited for at each step.
      const drainEndMs = Math.max(engine.nowMs, scenario.horizon) + scenario.drain;
      const inTransit = outbound?.inTransit ?? new Map<string, string>();
      while (engine.nowMs < drainEndMs && (world.inFlight(true).size > 0 || inTransit.size > 0)) {
        engine.run({ untilMs: Math.min(engine.nowMs + DRAIN_CHECK_INTERVAL_MS, drainEndMs) });
        await socketsSettled(inTransit);
      }
      outbound?.close();
      const outcome = concludeRun(engine, ledger, world, scenario, { inFlight: inTransit, countsWaived: SESSION_COUNTS });
      return options.expectMessages === undefined ? outcome : expectClientMessages(outcome, fromOutside, options.expectMessages);
    },
  };
}

function receivedItem(item: StoreItem): ReceivedItem {
  const { message } = item;
  return {
    folder: item.folder, receivedAtMs: item.receivedAtMs, messageId: message.messageId, from: message.from, to: message.to, cc: message.cc,
    subject: message.subject, sizeBytes: message.sizeBytes, headers: message.headers ?? {}, read: item.read === true,
  };
}
