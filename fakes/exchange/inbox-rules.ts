// Inbox rules: what a mailbox's rules make of a message it received. Forward as attachment is what the Rule
// Deployment Wizard deploys (R1, R2): the copy to the forward mailbox carries the original, Message-ID and all.
// Copies made by a rule are never processed by rules again: Exchange's guard against forwarding loops.
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailMessage } from '../mail/mail-message.js';
import type { MailboxConfig } from './exchange-config.js';

export interface RuleCopy {
  readonly message: MailMessage;
  readonly recipients: readonly string[];
}

export function copiesByRules(
  message: MailMessage, mailbox: MailboxConfig, newMessageId: () => string, ledger: Ledger,
): RuleCopy[] {
  if (message.viaRule === true || mailbox.rules.length === 0) return [];
  const owner = mailbox.address.toLowerCase();
  return mailbox.rules.map((rule): RuleCopy => {
    const to = [rule.to.toLowerCase()];
    switch (rule.action) {
      case 'forward-as-attachment': {
        const id = newMessageId();
        const wrapper: MailMessage = {
          key: id, messageId: id, from: owner, to, cc: [], subject: `FW: ${message.subject}`,
          sizeBytes: message.sizeBytes + 1024, viaRule: true, attached: message,
        };
        return { message: wrapper, recipients: to };
      }
      case 'redirect':
        // The same message, envelope changed: same key, same Message-ID.
        return { message: { ...message, viaRule: true }, recipients: to };
      case 'forward': {
        // An inline forward is a new message from the mailbox owner, with a Message-ID of its own.
        const id = newMessageId();
        const forwarded: MailMessage = {
          key: id, messageId: id, from: owner, to, cc: [], subject: `FW: ${message.subject}`,
          sizeBytes: message.sizeBytes, viaRule: true,
          ...(message.messageId === null ? {} : { references: [message.messageId] }),
        };
        ledger.submitted(id, owner, to);
        ledger.accepted(id, to);
        return { message: forwarded, recipients: to };
      }
    }
  });
}
