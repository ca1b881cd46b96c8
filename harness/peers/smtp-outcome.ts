// What one nodemailer hand-over to a real MTA came to, as the models' SmtpOutcome value (design.md: simulated
// failures are values): a 250 with any refused recipients, a reply code at some stage, or no connection at all.
import type { SentMessageInfo } from 'nodemailer';
import type { SmtpStage } from '../../sim/ledger/records.js';
import { NO_REJECTIONS, OUTCOME, type SmtpOutcome } from '../../fakes/mail/smtp-reply.js';

/** nodemailer's `command` on an error -> the stage it failed at. */
const STAGES: Readonly<Record<string, SmtpStage>> = {
  CONN: 'connect', EHLO: 'ehlo', HELO: 'ehlo', 'MAIL FROM': 'mail', 'RCPT TO': 'rcpt', DATA: 'data', 'DATA END': 'end-of-data',
};

export function acceptedOutcome(info: SentMessageInfo): SmtpOutcome {
  const rejected = ((info as { rejected?: Array<string | { address: string }> }).rejected ?? [])
    .map((r) => ({ address: (typeof r === 'string' ? r : r.address).toLowerCase(), reply: { code: 550, enhanced: '5.1.1', text: 'Recipient refused' } }));
  const reply = { code: 250, enhanced: '2.0.0', text: String((info as { response?: unknown }).response ?? 'OK') };
  return { kind: 'replied', stage: 'end-of-data', reply, rejectedRecipients: rejected.length === 0 ? NO_REJECTIONS : rejected };
}

export function failedOutcome(error: unknown): SmtpOutcome {
  const e = error as { code?: string; responseCode?: number; command?: string; response?: string };
  if (e.responseCode === undefined) return e.code === 'ECONNREFUSED' || e.code === 'ESOCKET' ? OUTCOME.refused : OUTCOME.replyLost;
  const text = e.response ?? '';
  const enhanced = /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(text)?.[0] ?? '';
  return {
    kind: 'replied', stage: STAGES[e.command ?? ''] ?? 'end-of-data', reply: { code: e.responseCode, enhanced, text },
    rejectedRecipients: NO_REJECTIONS,
  };
}
