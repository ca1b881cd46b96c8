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
import { ResendChains } from './resend-chains.js';

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
 * what its client will do with a refusal (retry, or tell its author) is recorded for it, as the model's outside
 * senders record theirs (X1). `refusedAtRcpt`: the recipients this transaction's RCPT TO refused; the envelope no
 * longer names them, but the author addressed them, so they are part of what was submitted, and those refused for good
 * (5xx) of what the author must be told. `body`: the body's digest (body-digest.ts), to know a client's resend with a
 * new Message-ID after a lost 250 (resend-chains.ts).
 */
export function receiveMessage(
  port: ModelPort, server: string, message: MailMessage, authenticated: boolean, fromOutside: Set<string>, refusedAtRcpt: RejectedRecipients = NO_REJECTIONS,
  body: string | null = null,
): SmtpOutcome {
  const { ledger } = port;
  const recipients = [...recipientsOf(message), ...refusedAtRcpt.map((r) => r.address)];
  const fresh = ledger.get(message.key) === undefined;
  if (fresh) {
    ledger.submitted(message.key, message.from, recipients);
    ledger.fromWireClient(message.key, server);
    fromOutside.add(message.key);
  }
  const content = body !== null && fromOutside.has(message.key)
    ? ResendChains.contentKey({ from: message.from, recipients, subject: message.subject, body }) : null;
  const first = content === null || !fresh ? undefined : port.resends.chainOf(content);
  if (first !== undefined && first !== message.key) ledger.resent(first, message.key);
  const outcome = port.submit(server, { message, authenticated });
  if (!fromOutside.has(message.key)) return outcome;
  if (content !== null) followChain(port.resends, content, message.key, outcome);
  for (const { address, reply } of refusedAtRcpt) ledger.smtpAttempt(message.key, 'rcpt', `${address}: ${formatReply(reply)}`);
  if (outcome.kind === 'reply-lost') ledger.smtpAttempt(message.key, 'end-of-data', 'no reply after DATA (connection lost)');
  if (outcome.kind === 'no-connection') ledger.smtpAttempt(message.key, 'connect', `no connection (${outcome.why})`);
  const replied = outcome.kind === 'replied' ? outcome : null;
  // Refused for good at RCPT, a recipient is given up whatever becomes of the rest (an MTA bounces it at once and
  // retries only what was deferred; a 4xx at RCPT is retried): unless the whole message is refused for good.
  const refusedWhole = replied !== null && replied.reply.code >= 500;
  const forGood = [...refusedAtRcpt.filter((r) => r.reply.code >= 500), ...(replied !== null && replied.reply.code < 300 ? replied.rejectedRecipients : [])];
  const refusedFor = [...new Set(forGood.map((r) => r.address))];
  if (refusedFor.length > 0 && !refusedWhole) ledger.bounced(message.key, `refused for good for ${refusedFor.join(', ')} ${TELL_THE_AUTHOR}`);
  if (replied === null) return outcome;
  if (replied.reply.code >= 300) ledger.smtpAttempt(message.key, replied.stage, formatReply(replied.reply));
  if (refusedWhole) ledger.bounced(message.key, `refused for good: ${formatReply(replied.reply)} ${TELL_THE_AUTHOR}`);
  return outcome;
}

/**
 * A client's 5xx is the end of the message, counted `bounced` as an outside MTA's NDR is (design.md's counts): but the
 * client may be an app mailer, which sends no NDR, so the path says who must tell the author rather than claim an NDR.
 */
const TELL_THE_AUTHOR = '(the client must tell its author: an MTA by an NDR, an app by an error)';

/** A lost 250 opens a resend chain for the content; a 250 the client heard closes it (resend-chains.ts). */
function followChain(resends: ResendChains, content: string, key: string, outcome: SmtpOutcome): void {
  if (outcome.kind === 'reply-lost') resends.replyLost(content, key);
  else if (outcome.kind === 'replied' && outcome.reply.code < 300) resends.replyHeard(content);
}
