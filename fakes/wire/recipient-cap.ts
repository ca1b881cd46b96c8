// The listener's cap on recipients per transaction (ListenerLimits.maxRecipients), kept in its own RCPT hook rather
// than left to smtp-server's maxRecipients: smtp-server answers that 452 before onRcptTo runs, so the recipient it
// refused never reached the session's refusals and the ledger never learnt the author had addressed it (docs/wire.md).
import type { SmtpReply } from '../mail/smtp-reply.js';

/** RFC 5321 4.5.3.1.10: 452 (the client sends the rest in another transaction), in Exchange's words. */
export const TOO_MANY_RECIPIENTS: SmtpReply = { code: 452, enhanced: '4.5.3', text: 'Too many recipients' };

/**
 * The reply to one more RCPT TO when `accepted` are the transaction's recipients so far: null under the cap. As
 * smtp-server counts, a recipient already accepted may be named again (its entry is replaced, not added).
 */
export function replyOverRecipientCap(accepted: ReadonlyArray<{ readonly address: string }>, address: string, max: number): SmtpReply | null {
  if (accepted.length < max) return null;
  const key = address.toLowerCase();
  return accepted.some((r) => r.address.toLowerCase() === key) ? null : TOO_MANY_RECIPIENTS;
}
