// Transport's decisions at each SMTP stage, as pure functions (sans-I/O): the virtual driver and the wire listener
// call the same ones. Unknown recipient 550 5.1.1, relaying without authentication 550 5.7.1, oversize 552 5.3.4.
import { domainOf } from '../mail/mail-message.js';
import { REPLY, type SmtpReply } from '../mail/smtp-reply.js';
import type { ExchangeConfig, MailboxHome } from './exchange-config.js';

/** RCPT TO: is this address ours, and may this client send to it? */
export function replyToRecipient(
  config: ExchangeConfig, directory: ReadonlyMap<string, MailboxHome>, address: string, authenticated: boolean,
): SmtpReply {
  const domain = domainOf(address);
  if (!config.acceptedDomains.includes(domain)) return authenticated ? REPLY.ok : REPLY.relayDenied;
  return directory.has(address.toLowerCase()) ? REPLY.ok : REPLY.unknownRecipient;
}

/** End of DATA: the size limit. */
export function replyToData(config: ExchangeConfig, sizeBytes: number): SmtpReply {
  return sizeBytes > config.settings.maxMessageSizeBytes ? REPLY.tooBig : REPLY.queued;
}
