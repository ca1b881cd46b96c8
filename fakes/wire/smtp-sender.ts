// An outside sender's SMTP client on the wire: pooled nodemailer transports (one per MX listener, tried in order as
// the model's senders try their MX list) that hand a model message over a real socket and report the outcome as the
// model's SmtpOutcome, so the sender's own queue and retry schedule (X1) decide what happens next.
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpStage } from '../../sim/ledger/records.js';
import { OUTCOME, noConnection, type RejectedRecipients, type SmtpOutcome, type SmtpReply, type SmtpTransport } from '../mail/smtp-reply.js';
import type { MailMessage } from '../mail/mail-message.js';
import { mailOfMessage, rawWithoutMessageId } from './mime-message.js';

export interface MxAddress {
  readonly host: string;
  readonly port: number;
}

/** nodemailer's error fields that say where a transaction failed. */
interface SendError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  rejectedErrors?: Array<{ recipient?: string; responseCode?: number; response?: string }>;
}

const STAGE_OF_COMMAND: Readonly<Record<string, SmtpStage>> = {
  CONN: 'connect', EHLO: 'ehlo', HELO: 'ehlo', 'MAIL FROM': 'mail', 'RCPT TO': 'rcpt', DATA: 'data', 'DATA END': 'end-of-data', MESSAGE: 'end-of-data',
};

/** "451 4.7.0 Try again later" -> the reply as the model writes it. */
export function replyOfResponse(code: number, response: string | undefined): SmtpReply {
  const match = /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})?\s*(.*)$/s.exec(response ?? '');
  return { code, enhanced: match?.[1] ?? `${Math.floor(code / 100)}.0.0`, text: (match?.[2] ?? response ?? '').trim() };
}

/** What a failed nodemailer send means in the model's terms. */
export function outcomeOfError(error: SendError): SmtpOutcome {
  const code = error.responseCode;
  if (code !== undefined && code >= 400) {
    return { kind: 'replied', stage: STAGE_OF_COMMAND[error.command ?? ''] ?? 'end-of-data', reply: replyOfResponse(code, error.response), rejectedRecipients: [] };
  }
  // No connection at all: refused (the listener follows its server down, or firewalled), none in time, or no such
  // host or port (a typo in the scenario's outboundSmtp): never a message the server may hold.
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|ERR_SOCKET_BAD_PORT|EADDRNOTAVAIL/.test(`${error.code ?? ''} ${error.message}`) || error.code === 'ETIMEDOUT') return noConnection('refused');
  // The server closed an established connection without a reply (the listener only does so after taking a
  // message whose 250 a fault drops): the server may have the message, the client must send it again.
  return OUTCOME.replyLost;
}

function rejectedOf(info: { rejectedErrors?: SendError[] }): RejectedRecipients {
  return (info.rejectedErrors ?? []).map((e) => ({
    address: String((e as { recipient?: string }).recipient ?? ''),
    reply: replyOfResponse(e.responseCode ?? 550, e.response),
  }));
}

export interface WireSenders {
  /** The transport for one outside sender (all share the pools). */
  transportFor(sender: string): SmtpTransport;
  /** Messages on a socket now, by key -> where (they are in flight for liveness). */
  readonly inTransit: Map<string, string>;
  close(): void;
}

/** Pooled clients to the MX listeners, shared by every outside sender of the run (pool: 4..8 connections each). */
export function wireSenders(mx: readonly MxAddress[], options: { maxConnections?: number; settle?: (run: () => void) => void } = {}): WireSenders {
  const pools: Transporter[] = mx.map(({ host, port }) => nodemailer.createTransport({
    pool: true, maxConnections: options.maxConnections ?? 6, maxMessages: Infinity, host, port, secure: false, ignoreTLS: true,
    connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000, name: 'sender.mailflow.invalid',
  }));
  const inTransit = new Map<string, string>();
  const settle = options.settle ?? ((run: () => void) => run());

  const tryFrom = (index: number, message: MailMessage, done: (outcome: SmtpOutcome) => void): void => {
    const pool = pools[index];
    if (pool === undefined) return done(OUTCOME.refused);
    const mail = mailOfMessage(message);
    const sent = message.messageId === null
      ? rawWithoutMessageId(mail).then((raw) => pool.sendMail({ envelope: mail.envelope ?? {}, raw }))
      : pool.sendMail(mail);
    sent.then(
      (info: unknown) => {
        const rejected = rejectedOf(info as { rejectedErrors?: SendError[] });
        done(rejected.length === 0 ? OUTCOME.queued : { ...OUTCOME.queued, rejectedRecipients: rejected });
      },
      (error: SendError) => {
        const outcome = outcomeOfError(error);
        if (outcome.kind === 'no-connection' && index + 1 < pools.length) return tryFrom(index + 1, message, done);
        done(outcome);
      },
    );
  };

  return {
    inTransit,
    transportFor(sender) {
      return (message, done) => {
        inTransit.set(message.key, `${sender}: on the wire`);
        tryFrom(0, message, (outcome) => settle(() => {
          inTransit.delete(message.key);
          done(outcome);
        }));
      };
    },
    close() {
      for (const pool of pools) pool.close();
    },
  };
}
