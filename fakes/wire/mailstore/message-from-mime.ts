// A message read off a real mail store as the models see it (MailMessage): headers parsed with mailparser, and for a
// copy forwarded as an attachment (R1, R2: what the Rule Deployment Wizard's rules put in the forward mailbox) the
// original taken out of its message/rfc822 part, Message-ID and all, whether the part is marked as an attachment or
// inline (embedded-message.ts). Bytes in, values out: no I/O here.
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { MailMessage } from '../../mail/mail-message.js';
import { embeddedMessage } from './embedded-message.js';

/** Parses one stored item; a part that cannot be parsed gives a message marked malformed (R10: poison). */
export async function messageFromMime(raw: Buffer): Promise<MailMessage> {
  let parsed: ParsedMail;
  let inner: Buffer | null;
  try {
    parsed = await simpleParser(raw);
    inner = await embeddedMessage(raw);
  } catch {
    return { ...unparsable(raw), malformed: true };
  }
  const message = headersOf(parsed, raw);
  if (inner === null) return message;
  try {
    return { ...message, attached: headersOf(await simpleParser(inner), inner) };
  } catch {
    return { ...message, attached: { ...unparsable(inner), malformed: true } };
  }
}

/** When the store says nothing of it (POP3): the instant the topmost Received header gives, else the Date header. */
export async function receivedAtOf(raw: Buffer): Promise<number | null> {
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  const received = parsed.headers.get('received');
  const top = Array.isArray(received) ? received[0] : received;
  const stamp = typeof top === 'string' ? Date.parse(top.slice(top.lastIndexOf(';') + 1).trim()) : NaN;
  if (!Number.isNaN(stamp)) return stamp;
  return parsed.date?.getTime() ?? null;
}

function headersOf(parsed: ParsedMail, raw: Buffer): MailMessage {
  const messageId = parsed.messageId ?? null;
  const threadIndex = parsed.headers.get('thread-index');
  const references = parsed.references === undefined ? undefined : Array.isArray(parsed.references) ? parsed.references : [parsed.references];
  return {
    key: messageId ?? keyOf(raw), messageId, from: addresses(parsed.from)[0] ?? '', to: addresses(parsed.to), cc: addresses(parsed.cc),
    subject: parsed.subject ?? '', sizeBytes: raw.length,
    ...(parsed.inReplyTo === undefined ? {} : { inReplyTo: parsed.inReplyTo }),
    ...(references === undefined ? {} : { references }),
    // The conversation index, which CRM correlates on (S10).
    ...(typeof threadIndex === 'string' ? { headers: { 'Thread-Index': threadIndex } } : {}),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((o) => o.value).map((a) => a.address?.toLowerCase() ?? '').filter((a) => a !== '');
}

/** A message without a Message-ID still needs a ledger key that is the same each time it is read. */
function keyOf(raw: Buffer): string {
  return `(no Message-ID ${createHash('sha256').update(raw).digest('hex').slice(0, 16)})`;
}

function unparsable(raw: Buffer): MailMessage {
  return { key: keyOf(raw), messageId: null, from: '', to: [], cc: [], subject: '', sizeBytes: raw.length };
}
