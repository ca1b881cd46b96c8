// Transport's decisions at each SMTP stage, as pure functions (sans-I/O): the virtual driver and the wire listener
// call the same ones. Unknown recipient 550 5.1.1, relaying without authentication 550 5.7.1, oversize 552 5.3.4.
import { domainOf } from '../mail/mail-message.js';
import { REPLY, type SmtpReply } from '../mail/smtp-reply.js';
import type { ExchangeConfig, MailboxHome, SendingLimits } from './exchange-config.js';
import { lowerCase } from '../mail/lower-case.js';

/** RCPT TO: is this address ours, and may this client send to it? */
export function replyToRecipient(
  config: ExchangeConfig, directory: ReadonlyMap<string, MailboxHome>, address: string, authenticated: boolean,
): SmtpReply {
  const domain = domainOf(address);
  if (!config.acceptedDomains.includes(domain)) return authenticated ? REPLY.ok : REPLY.relayDenied;
  return directory.has(lowerCase(address)) ? REPLY.ok : REPLY.unknownRecipient;
}

/** End of DATA: the size limit. */
export function replyToData(config: ExchangeConfig, sizeBytes: number): SmtpReply {
  return sizeBytes > config.settings.maxMessageSizeBytes ? REPLY.tooBig : REPLY.queued;
}

/** What one mailbox has sent recently: submission times (last minute) and [time, recipients] (last day). */
export interface SendingHistory {
  minute: number[];
  day: Array<readonly [number, number]>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * MAIL FROM / RCPT TO for an authenticated mailbox: refuses a message over the sending limits, or records it against
 * them and returns null. The history is trimmed to its windows as a side effect.
 */
export function replyToSendingLimits(limits: SendingLimits, history: SendingHistory, recipients: number, nowMs: number): SmtpReply | null {
  if (recipients > limits.recipientsPerMessage) return REPLY.tooManyRecipients;
  history.minute = history.minute.filter((t) => t > nowMs - MINUTE_MS);
  history.day = history.day.filter(([t]) => t > nowMs - DAY_MS);
  if (history.minute.length >= limits.messagesPerMinute) return REPLY.submissionRateExceeded;
  const sentToday = history.day.reduce((sum, [, n]) => sum + n, 0);
  if (sentToday + recipients > limits.recipientsPerDay) return REPLY.recipientQuotaExceeded;
  history.minute.push(nowMs);
  history.day.push([nowMs, recipients]);
  return null;
}
