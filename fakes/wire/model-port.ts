// The wire's door into the model: a gateway actor whose context lets real connections make the same 'smtp' request
// an outside sender makes in virtual time (between engine steps), so mail from a socket takes the model's delivery
// path: transport policy, inbox rules (R2), the router and sync see it, the ledger records it.
import type { ActorContext } from '../../sim/core/actor.js';
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { ExchangeConfig, MailboxHome } from '../exchange/exchange-config.js';
import type { ExchangeServerDurable, SmtpSubmission } from '../exchange/exchange-server.js';
import { noConnection, type SmtpOutcome } from '../mail/smtp-reply.js';
import { ResendChains } from './resend-chains.js';

export const WIRE_GATEWAY = 'wire-gateway';

/** What the listener may ask of the model; every call runs at the engine's current virtual instant. */
export interface ModelPort {
  readonly ledger: Ledger;
  readonly config: ExchangeConfig;
  readonly directory: ReadonlyMap<string, MailboxHome>;
  /** Is the server's process up (not down or crashed)? */
  running(server: string): boolean;
  /** The server's durable state: firewall and stage faults live there (X1 faults are data). */
  server(server: string): ExchangeServerDurable;
  /** The 'smtp' request, exactly as an outside sender makes it in virtual time. */
  submit(server: string, submission: SmtpSubmission): SmtpOutcome;
  nowMs(): number;
  /** Clients' messages whose 250 was lost, by content, for the whole run (all its listeners): resend-chains.ts. */
  readonly resends: ResendChains;
}

/** Spawns the gateway actor; it starts with the engine's next event, so run the engine once before using the port. */
export function openModelPort(engine: Engine, ledger: Ledger, config: ExchangeConfig, directory: ReadonlyMap<string, MailboxHome>): ModelPort {
  let gateway: ActorContext | null = null;
  engine.spawn(WIRE_GATEWAY, (ctx) => {
    gateway = ctx;
    return {};
  }, null);
  return {
    ledger, config, directory,
    running: (server) => engine.isRunning(server),
    server: (server) => engine.durableOf(server) as ExchangeServerDurable,
    submit(server, submission) {
      if (gateway === null) throw new Error('the wire gateway has not started: run the engine before the listener takes mail');
      const reply = gateway.request(server, 'smtp', submission);
      return reply.ok ? (reply.value as SmtpOutcome) : noConnection(reply.reason);
    },
    nowMs: () => engine.nowMs,
    resends: new ResendChains(),
  };
}
