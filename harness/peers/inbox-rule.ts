// The inbox rule the Rule Deployment Wizard deploys (R1, R2), which Postfix and Dovecot do not have: for each new
// message in a user's Inbox, a copy forwarded as an attachment (message/rfc822, the original's bytes and Message-ID
// untouched) to the forward mailbox, sent through the MTA like any mail. Reading the Inbox is also where the ledger
// learns the user's copy arrived, and whether CRM would track it (eligible, S9).
import type { Transporter } from 'nodemailer';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailboxSession } from '../../fakes/wire/mailstore/mailbox-session.js';
import { messageFromMime } from '../../fakes/wire/mailstore/message-from-mime.js';
import type { PeerCrm } from './peer-crm.js';

export interface InboxRule {
  readonly owner: string;
  readonly forwardTo: string;
  open(): Promise<MailboxSession>;
}

/** Store ids of items a rule has forwarded, per owner: a rule fires once per message, on arrival. */
export type RuleMemory = Map<string, Set<string>>;

/** Runs the rule over the owner's Inbox; returns how many copies it forwarded. */
export async function runInboxRule(rule: InboxRule, memory: RuleMemory, transport: Transporter, crm: PeerCrm, ledger: Ledger): Promise<number> {
  const done = memory.get(rule.owner) ?? new Set<string>();
  memory.set(rule.owner, done);
  const session = await rule.open();
  let forwarded = 0;
  try {
    for (const item of await session.list()) {
      if (done.has(item.id)) continue;
      const raw = await session.fetch(item.id);
      const message = await messageFromMime(raw);
      ledger.delivered(message.key, rule.owner, 'user', 'Inbox', crm.eligible(message, rule.owner, 'user'));
      await transport.sendMail({
        messageId: `<fw-${done.size + 1}.${rule.owner.replace('@', '.')}@rules.peers.test>`,
        from: rule.owner, to: rule.forwardTo, subject: `FW: ${message.subject}`, text: 'Forwarded by an inbox rule (R1).',
        // As Exchange sends it: an attachment (a part marked inline reads the same: embedded-message.ts).
        attachments: [{ filename: 'original.eml', content: raw, contentType: 'message/rfc822', contentDisposition: 'attachment' }],
      });
      done.add(item.id);
      forwarded++;
    }
  } finally {
    await session.close();
  }
  return forwarded;
}
