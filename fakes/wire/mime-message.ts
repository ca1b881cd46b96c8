// Between real messages and the model's: a MailMessage becomes nodemailer mail (for the wire senders), and a message
// parsed by mailparser, with its SMTP envelope, becomes a MailMessage (for the listener). The Message-ID is the
// ledger's key on both sides, so a message keeps its life across the socket.
import type { AddressObject } from 'mailparser';
import type { SendMailOptions } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { recipientsOf, type MailMessage } from '../mail/mail-message.js';
import type { ReceivedHeaders } from './header-fields.js';

/**
 * Carries the ledger key of a message whose key is not its Message-ID across the socket: one without a Message-ID
 * (X: transport may leave mail without one; the model's senders make a key up), or a second message that reuses one
 * (fakes/mail/reused-message-id.ts). A client outside the model sends none, and the listener makes the key.
 */
export const KEY_HEADER = 'X-Mailflow-Key';

/** Headers the model reads besides the envelope ones: the conversation index (S10) and any X- header but the key's. */
function keptHeaders(parsed: ReceivedHeaders): Record<string, string> | undefined {
  const kept: Record<string, string> = {};
  for (const line of parsed.headerLines) {
    const name = line.line.slice(0, line.line.indexOf(':')).trim();
    if (line.key === KEY_HEADER.toLowerCase()) continue;
    if (line.key === 'thread-index' || line.key.startsWith('x-')) kept[name] = line.line.slice(line.line.indexOf(':') + 1).trim();
  }
  return Object.keys(kept).length === 0 ? undefined : kept;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((o) => o.value).map((a) => a.address?.toLowerCase() ?? '').filter((a) => a !== '');
}

export interface WireEnvelope {
  readonly mailFrom: string;
  /** RCPT TO addresses the server accepted, in order. */
  readonly recipients: readonly string[];
}

/**
 * The model's view of a received message. To and Cc are the accepted envelope recipients, split as the headers
 * name them (a Bcc'd recipient counts as To). Its ledger key is the one it carries in the X-Mailflow-Key header when
 * the caller trusts the client that sent it; else its Message-ID, or `keyless` for a message without one.
 */
export function messageFromWire(parsed: ReceivedHeaders, envelope: WireEnvelope, sizeBytes: number, keyless: string, trustCarriedKey = true): MailMessage {
  const headerCc = new Set(addresses(parsed.cc));
  const rcpts = envelope.recipients.map((r) => r.toLowerCase());
  // `Message-ID: <>` names nothing: treated as missing, or every such message would be one life in the ledger.
  const messageId = parsed.messageId === undefined || parsed.messageId.replace(/[<>\s]/g, '') === '' ? null : parsed.messageId;
  const carried = trustCarriedKey ? parsed.headers.get(KEY_HEADER.toLowerCase()) : undefined;
  const references = parsed.references === undefined ? undefined : Array.isArray(parsed.references) ? parsed.references : [parsed.references];
  const headers = keptHeaders(parsed);
  return {
    key: typeof carried === 'string' && carried !== '' ? carried : messageId ?? keyless, messageId,
    from: addresses(parsed.from)[0] ?? envelope.mailFrom.toLowerCase(),
    to: rcpts.filter((r) => !headerCc.has(r)), cc: rcpts.filter((r) => headerCc.has(r)),
    subject: parsed.subject ?? '', sizeBytes,
    ...(parsed.inReplyTo === undefined ? {} : { inReplyTo: parsed.inReplyTo }),
    ...(references === undefined ? {} : { references }),
    ...(headers === undefined ? {} : { headers }),
  };
}

const FILLER_LINE = 'This line stands for the body of the modelled message; only its size matters to the model.\r\n';

/** nodemailer mail for a model message, its body filled out to about the modelled size. */
export function mailOfMessage(message: MailMessage): SendMailOptions {
  // About 1 KB of headers; the rest is body.
  const lines = Math.max(1, Math.floor((message.sizeBytes - 1024) / FILLER_LINE.length));
  return {
    envelope: { from: message.from, to: [...recipientsOf(message)] },
    from: message.from,
    to: [...message.to],
    ...(message.cc.length === 0 ? {} : { cc: [...message.cc] }),
    subject: message.subject,
    ...(message.messageId === null ? {} : { messageId: message.messageId }),
    ...(message.inReplyTo === undefined ? {} : { inReplyTo: message.inReplyTo }),
    ...(message.references === undefined ? {} : { references: [...message.references] }),
    headers: { ...message.headers, ...(message.key !== message.messageId ? { [KEY_HEADER]: message.key } : {}) },
    text: FILLER_LINE.repeat(lines),
  };
}

/**
 * A message without a Message-ID must arrive without one, as in the model (Exchange may stamp one, X): nodemailer
 * always adds the header, so such a message is composed here and sent raw with the header taken out.
 */
export async function rawWithoutMessageId(mail: SendMailOptions): Promise<Buffer> {
  const raw = await new MailComposer(mail).compile().build();
  const text = raw.toString('binary');
  // The header and its folded continuation lines, in the header block only.
  const end = text.indexOf('\r\n\r\n');
  const head = text.slice(0, end).replace(/^Message-ID:.*(?:\r\n[ \t].*)*(?:\r\n|$)/im, '');
  return Buffer.from(head + text.slice(end), 'binary');
}
