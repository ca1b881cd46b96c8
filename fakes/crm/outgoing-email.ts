// CRM email created by a person in the web client or by a workflow (O1): an outgoing activity with a CRM-generated
// Message-ID and a tracking token in its subject (S11), entering Pending Send; the user's outgoing access decides
// who sends it (O3: the CRM server's own SMTP outbound never writes Sent Items).
import type { MailMessage } from '../mail/mail-message.js';
import type { CrmEmailSpec } from './crm-config.js';
import { newEmailActivity, type CrmOrg } from './check-incoming.js';
import type { CrmDatabase } from './crm-database.js';
import { NO_CORRELATION } from './correlation.js';
import { STATUS, setStatus, type EmailActivity } from './email-activity.js';
import { formatToken, nextCounter, withToken } from './tracking-token.js';

/** The next token for a user: the counter advances and wraps (S11). Null for an unknown sender or a queue. */
export function nextToken(org: CrmOrg, db: CrmDatabase, user: string, offline = false): string | null {
  const mailbox = org.directory.mailbox(user);
  if (mailbox === undefined || mailbox.kind !== 'user') return null;
  const counter = nextCounter(org.settings.token, db.tokenCounters.get(mailbox.address) ?? 0);
  db.tokenCounters.set(mailbox.address, counter);
  return formatToken(org.settings.token, mailbox.userNumber, counter, offline);
}

/** Creates the email as a Draft and sends it: it leaves the call in Pending Send (O1). */
export function createOutgoingEmail(
  org: CrmOrg, db: CrmDatabase, spec: CrmEmailSpec, domain: string, nowMs: number,
): { activity: EmailActivity; message: MailMessage } {
  const token = nextToken(org, db, spec.from);
  const messageId = `<crm-${db.nextActivityNumber}.${nowMs}@${domain}>`;
  const message: MailMessage = {
    key: messageId, messageId, from: spec.from, to: spec.to, cc: spec.cc,
    subject: token === null ? spec.subject : withToken(spec.subject, token), sizeBytes: spec.sizeBytes,
  };
  const activity = newEmailActivity(db, org.settings, message, {
    direction: 'outgoing', status: STATUS.draft, correlation: NO_CORRELATION, regardingId: spec.regarding, owner: spec.from,
    receivingMailbox: null, acceptingEntity: null, createdBy: 'crm-web', nowMs,
  });
  setStatus(activity, STATUS.pendingSend, nowMs);
  db.outbound.set(activity.activityId, message);
  return { activity, message };
}
