// What the fake Exchange answers a real client at each SMTP stage, decided by the model (sans-I/O: no sockets here).
// The server's process state and its scheduled faults apply as the model applies them to outside senders: down ->
// 421 at connect, inbound stopped at the firewall -> the connection is dropped, a stage fault -> its reply at that
// stage (X1), RCPT by transport policy (550 5.1.1 unknown, 550 5.7.1 no relaying), the message through the model's
// own 'smtp' request.
import type { SmtpStage } from '../../sim/ledger/records.js';
import { recipientsOf, type MailMessage } from '../mail/mail-message.js';
import { NO_REJECTIONS, REPLY, formatReply, type RejectedRecipients, type SmtpOutcome, type SmtpReply } from '../mail/smtp-reply.js';
import { replyToRecipient } from '../exchange/transport-policy.js';
import type { ModelPort } from './model-port.js';
import type { DataScan } from './data-scan.js';

/** Drop the connection without a word (a firewall), as `stopInbound` does to outside MTAs. */
export const DROP = 'drop';

/** At connect: null to greet, a reply to refuse with, or DROP. */
export function replyAtConnect(port: ModelPort, server: string): SmtpReply | typeof DROP | null {
  if (!port.running(server)) return REPLY.serviceUnavailable;
  const disk = port.server(server);
  if (disk.inboundBlocked) return DROP;
  return faultAt(port, server, 'connect');
}

/**
 * `stopInbound` closes the firewall on connections already open too: a command on one is dropped like a new
 * connection (X4), not answered, so a client sees what an outside MTA sees in the model (no connection).
 */
export function droppedByFirewall(port: ModelPort, server: string): boolean {
  return port.running(server) && port.server(server).inboundBlocked;
}

/**
 * The stage fault a command meets, if any. smtp-server has no hook for EHLO or for the DATA command itself, so an
 * `ehlo` fault is answered at MAIL FROM and a `data` fault at the end of the data (the model answers it there too).
 */
export function faultAt(port: ModelPort, server: string, stage: SmtpStage): SmtpReply | null {
  if (!port.running(server)) return REPLY.serviceUnavailable;
  const fault = port.server(server).stageFault;
  return fault?.reply != null && fault.stage === stage ? fault.reply : null;
}

/** MAIL FROM: an `ehlo` or `mail` stage fault. */
export function replyToMailFrom(port: ModelPort, server: string): SmtpReply | null {
  return faultAt(port, server, 'ehlo') ?? faultAt(port, server, 'mail');
}

/** RCPT TO: a stage fault, else transport policy (unknown recipient, relaying). */
export function replyToRcpt(port: ModelPort, server: string, address: string, authenticated: boolean): SmtpReply {
  return faultAt(port, server, 'rcpt') ?? replyToRecipient(port.config, port.directory, address, authenticated);
}

/**
 * The end of DATA, before the model sees the message: the listener's own limits. Over the size limit 552 5.3.4; a
 * bare LF or CR 554 5.6.0 (RFC 5321 2.3.8: the whole message is refused, so a `<LF>.<LF>` smuggling attempt is one
 * refused message, never two); a text line over the limit 552 5.3.4 (RFC 5321 4.5.3.1.6).
 */
export function replyToData(scan: DataScan, sizeExceeded: boolean, maxLineOctets: number): SmtpReply | null {
  if (sizeExceeded) return REPLY.tooBig;
  if (scan.bareLineBreaks > 0) return { code: 554, enhanced: '5.6.0', text: 'Bare LF or CR in message data (RFC 5321 2.3.8); message refused' };
  if (scan.longestLineOctets > maxLineOctets) return { code: 552, enhanced: '5.3.4', text: `Line longer than ${maxLineOctets} octets (RFC 5321 4.5.3.1.6); message refused` };
  return null;
}

/** What the client hears of the model's outcome; null: nothing, the connection is closed (a 250 a fault drops). */
export function replyOfOutcome(outcome: SmtpOutcome): SmtpReply | null {
  if (outcome.kind === 'reply-lost') return null;
  return outcome.kind === 'no-connection' ? REPLY.serviceUnavailable : outcome.reply;
}

/**
 * The end of DATA: the message enters the model through the same request an outside sender makes. A message the
 * ledger has not heard of comes from a client outside the model (`mailflow serve`): it is recorded as submitted, and
 * what its client will do with a refusal (retry, or an NDR to its author) is recorded for it, as the model's outside
 * senders record theirs (X1). `refusedAtRcpt`: the recipients this transaction's RCPT TO refused; the envelope no
 * longer names them, but the author addressed them, so they are part of what was submitted, and those refused for good
 * (5xx) of the NDR.
 */
export function receiveMessage(
  port: ModelPort, server: string, message: MailMessage, authenticated: boolean, fromOutside: Set<string>, refusedAtRcpt: RejectedRecipients = NO_REJECTIONS,
): SmtpOutcome {
  const { ledger } = port;
  if (ledger.get(message.key) === undefined) {
    ledger.submitted(message.key, message.from, [...recipientsOf(message), ...refusedAtRcpt.map((r) => r.address)]);
    fromOutside.add(message.key);
  }
  const outcome = port.submit(server, { message, authenticated });
  if (!fromOutside.has(message.key)) return outcome;
  for (const { address, reply } of refusedAtRcpt) ledger.smtpAttempt(message.key, 'rcpt', `${address}: ${formatReply(reply)}`);
  if (outcome.kind === 'reply-lost') ledger.smtpAttempt(message.key, 'end-of-data', 'no reply after DATA (connection lost)');
  if (outcome.kind === 'no-connection') ledger.smtpAttempt(message.key, 'connect', `no connection (${outcome.why})`);
  const replied = outcome.kind === 'replied' ? outcome : null;
  // Refused for good at RCPT, a recipient gets its NDR whatever becomes of the rest (an MTA bounces it at once and
  // retries only what was deferred; a 4xx at RCPT is retried): unless the whole message is refused for good.
  const bouncedWhole = replied !== null && replied.reply.code >= 500;
  const forGood = [...refusedAtRcpt.filter((r) => r.reply.code >= 500), ...(replied !== null && replied.reply.code < 300 ? replied.rejectedRecipients : [])];
  const ndrFor = [...new Set(forGood.map((r) => r.address))];
  if (ndrFor.length > 0 && !bouncedWhole) ledger.bounced(message.key, `NDR for ${ndrFor.join(', ')}`);
  if (replied === null) return outcome;
  if (replied.reply.code >= 300) ledger.smtpAttempt(message.key, replied.stage, formatReply(replied.reply));
  if (bouncedWhole) ledger.bounced(message.key, `NDR: ${formatReply(replied.reply)}`);
  return outcome;
}
