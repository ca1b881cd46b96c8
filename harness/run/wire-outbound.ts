// CRM's SMTP outbound on the wire (O1): when a server is named (wire-outbound-target.ts says by whom it may be), the
// outbound leaves through a pooled nodemailer client to that server instead of the modelled one.
import { wireSenders, type WireSenders } from '../../fakes/wire/smtp-sender.js';
import { formatHostPort } from '../../fakes/wire/smtp-address.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { recipientsOf } from '../../fakes/mail/mail-message.js';
import type { SmtpTransport } from '../../fakes/mail/smtp-reply.js';
import type { OutboundTarget } from './wire-outbound-target.js';

export interface WireOutbound {
  /** CRM's outbound transport: after a 250 the message has left the modelled world, recorded as sent out to each
   * recipient the server took (the ledger's delivery for outbound-exactly-once). */
  readonly transport: SmtpTransport;
  readonly inTransit: ReadonlyMap<string, string>;
  close(): void;
}

/** The transport to `target` (outboundTargetOf), or null when CRM's outbound stays in the model. */
export function wireOutbound(target: OutboundTarget | null, ledger: Ledger): WireOutbound | null {
  if (target === null) return null;
  const senders: WireSenders = wireSenders([target], { maxConnections: 4 });
  const send = senders.transportFor('crm outbound');
  const where = `${formatHostPort(target)} (${target.namedBy === 'file' ? 'wire.outboundSmtp' : 'outboundSmtp given by the run'})`;
  return {
    inTransit: senders.inTransit,
    close: () => senders.close(),
    transport(message, done) {
      send(message, (outcome) => {
        if (outcome.kind === 'replied' && outcome.reply.code < 300) {
          const refused = new Set(outcome.rejectedRecipients.map((r) => r.address.toLowerCase()));
          for (const recipient of recipientsOf(message)) if (!refused.has(recipient.toLowerCase())) ledger.sentOut(message.key, recipient, `via ${where}`);
        }
        done(outcome);
      });
    },
  };
}

/** Waits (wall time, at most `timeoutMs`) until no message is on a socket: the drain's step between virtual ticks. */
export async function socketsSettled(inTransit: ReadonlyMap<string, string>, timeoutMs = 10_000): Promise<void> {
  // Wall time on purpose: real sockets settle in real time (design.md, Wire mode); the model never sees this clock.
  const deadline = Date.now() + timeoutMs;
  while (inTransit.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
}
