// Mail into the organisation through a real MTA: nodemailer submits each message to Postfix (the organisation's
// transport here), and the ledger records what Postfix took: submitted, then accepted for the recipients it answered
// 250 for. Postfix then delivers into Dovecot's Maildirs on its own.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Ledger } from '../../sim/ledger/ledger.js';

export interface PeerMessage {
  readonly messageId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly inReplyTo?: string;
}

/** A pooled SMTP client on loopback (one connection per message would pay each connect again). */
export function smtpTransport(port: number, host = '127.0.0.1'): Transporter {
  return nodemailer.createTransport({
    host, port, secure: false, ignoreTLS: true, pool: true, maxConnections: 4, maxMessages: Infinity,
    name: 'peers.test',
  });
}

/** Submits one message; returns the recipients the MTA accepted. */
export async function submit(transport: Transporter, ledger: Ledger, message: PeerMessage): Promise<string[]> {
  const cc = message.cc ?? [];
  ledger.submitted(message.messageId, message.from, [...message.to, ...cc]);
  const info = await transport.sendMail({
    messageId: message.messageId, from: message.from, to: [...message.to], cc: [...cc], subject: message.subject, text: message.text,
    ...(message.inReplyTo === undefined ? {} : { inReplyTo: message.inReplyTo, references: [message.inReplyTo] }),
  });
  const accepted = (info.accepted ?? []).map((a: string | { address: string }) => (typeof a === 'string' ? a : a.address).toLowerCase());
  if (accepted.length > 0) ledger.accepted(message.messageId, accepted);
  return accepted;
}
