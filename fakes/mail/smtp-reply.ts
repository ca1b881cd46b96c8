// SMTP replies as values (design.md: simulated failures are values): the basic code, the enhanced status code
// (RFC 3463) and the text a real server sends. Senders act on the first digit: 2 done, 4 retry, 5 give up.
import type { SmtpStage } from '../../sim/ledger/records.js';
import type { MailMessage } from './mail-message.js';

export interface SmtpReply {
  readonly code: number;
  readonly enhanced: string;
  readonly text: string;
}

/** What came of one attempt to hand a message over: no connection at all, or the server's reply at some stage. */
export type SmtpOutcome =
  | { readonly kind: 'no-connection'; readonly why: 'refused' | 'partitioned' | 'unknown-actor' | 'blocked' }
  /** The server took the message (and will deliver it) but the client never saw the 250: it must assume failure. */
  | { readonly kind: 'reply-lost' }
  | { readonly kind: 'replied'; readonly stage: SmtpStage; readonly reply: SmtpReply;
      /** Per-recipient replies at RCPT TO, when some recipients were refused and others taken. */
      readonly rejectedRecipients: RejectedRecipients };

export const REPLY = {
  ok: { code: 250, enhanced: '2.0.0', text: 'OK' },
  queued: { code: 250, enhanced: '2.6.0', text: 'Queued mail for delivery' },
  serviceUnavailable: { code: 421, enhanced: '4.3.2', text: 'Service not available, closing transmission channel' },
  tryAgainLater: { code: 451, enhanced: '4.7.0', text: 'Temporary server error. Please try again later' },
  unknownRecipient: { code: 550, enhanced: '5.1.1', text: 'User unknown' },
  relayDenied: { code: 550, enhanced: '5.7.1', text: 'Unable to relay' },
  tooBig: { code: 552, enhanced: '5.3.4', text: 'Message size exceeds fixed maximum message size' },
  noValidRecipients: { code: 554, enhanced: '5.5.1', text: 'No valid recipients' },
  // Sending limits of a mailbox (Exchange Online profile). [S] texts as Exchange reports them; [I] for the codes.
  tooManyRecipients: { code: 550, enhanced: '5.5.3', text: 'RESOLVER.ADR.RecipLimit; too many recipients' },
  submissionRateExceeded: { code: 421, enhanced: '4.4.2', text: 'Message submission rate for this client has exceeded the configured limit' },
  recipientQuotaExceeded: { code: 554, enhanced: '5.2.0', text: 'STOREDRV.Submission.Exception:SubmissionQuotaExceededException' },
} as const satisfies Record<string, SmtpReply>;

/**
 * How a client hands one message to an SMTP server and hears the outcome, now or later (exactly once): in virtual
 * time a request answered at once; in wire mode a real SMTP client (fakes/wire/) that answers between engine steps.
 */
export type SmtpTransport = (message: MailMessage, done: (outcome: SmtpOutcome) => void) => void;

export type RejectedRecipients = ReadonlyArray<{ readonly address: string; readonly reply: SmtpReply }>;

/** No recipient refused: shared by every outcome that has none. */
export const NO_REJECTIONS: RejectedRecipients = Object.freeze([]);

/**
 * Outcomes that say nothing about one attempt in particular, made once and shared (frozen): a busy run hands over a
 * message every few simulated milliseconds, and each would otherwise leave an outcome object behind for the collector.
 */
export const OUTCOME = Object.freeze({
  /** The message was taken at the end of DATA, every recipient with it. */
  queued: Object.freeze({ kind: 'replied', stage: 'end-of-data', reply: REPLY.queued, rejectedRecipients: NO_REJECTIONS }),
  replyLost: Object.freeze({ kind: 'reply-lost' }),
  refused: Object.freeze({ kind: 'no-connection', why: 'refused' }),
  partitioned: Object.freeze({ kind: 'no-connection', why: 'partitioned' }),
  unknownActor: Object.freeze({ kind: 'no-connection', why: 'unknown-actor' }),
  blocked: Object.freeze({ kind: 'no-connection', why: 'blocked' }),
} as const satisfies Record<string, SmtpOutcome>);

/** The shared outcome for a connection that could not be made. */
export function noConnection(why: Extract<SmtpOutcome, { kind: 'no-connection' }>['why']): SmtpOutcome {
  switch (why) {
    case 'refused': return OUTCOME.refused;
    case 'partitioned': return OUTCOME.partitioned;
    case 'unknown-actor': return OUTCOME.unknownActor;
    case 'blocked': return OUTCOME.blocked;
  }
}

export function formatReply(reply: SmtpReply): string {
  return `${reply.code} ${reply.enhanced} ${reply.text}`;
}

export function isTransient(reply: SmtpReply): boolean {
  return reply.code >= 400 && reply.code < 500;
}

/** The reply a stage fault injects for a code, with the enhanced code and text a real server would send. */
export function replyForCode(code: number): SmtpReply {
  const known: Record<number, SmtpReply> = {
    421: REPLY.serviceUnavailable,
    450: { code: 450, enhanced: '4.2.0', text: 'Mailbox temporarily unavailable' },
    451: REPLY.tryAgainLater,
    452: { code: 452, enhanced: '4.3.1', text: 'Insufficient system resources' },
    550: { code: 550, enhanced: '5.7.1', text: 'Delivery not authorized, message refused' },
    552: REPLY.tooBig,
    554: { code: 554, enhanced: '5.0.0', text: 'Transaction failed' },
  };
  return known[code] ?? { code, enhanced: code >= 500 ? '5.0.0' : '4.0.0', text: code >= 500 ? 'Transaction failed' : 'Try again later' };
}
