// Inbox rules: what a mailbox's rules make of a message it received. Forward as attachment is what the Rule
// Deployment Wizard deploys (R1, R2): the copy to the forward mailbox carries the original, Message-ID and all.
// A person's move rule files the message into a folder as it arrives (S6). Copies made by a rule are never processed
// by rules again: Exchange's guard against forwarding loops. [I] Every rule runs (none says "stop processing more
// rules"), so a message a move rule files is still copied to the forward mailbox.
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailMessage } from '../mail/mail-message.js';
import type { CopyRule, MailboxConfig, MoveRule } from './exchange-config.js';

export interface RuleCopy {
  readonly message: MailMessage;
  readonly recipients: readonly string[];
}

export function copiesByRules(
  message: MailMessage, mailbox: MailboxConfig, newMessageId: () => string, ledger: Ledger,
): RuleCopy[] {
  if (message.viaRule === true || mailbox.rules.length === 0) return [];
  const owner = mailbox.address.toLowerCase();
  return mailbox.rules.filter((rule): rule is CopyRule => rule.action !== 'move').map((rule): RuleCopy => {
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

/** The folder the first matching move rule files the message into, or null: it stays in the Inbox. */
export function folderByRules(message: MailMessage, mailbox: MailboxConfig): string | null {
  if (message.viaRule === true) return null;
  for (const rule of mailbox.rules) {
    if (rule.action === 'move' && movesFrom(rule, message.from)) return rule.folder;
  }
  return null;
}

function movesFrom(rule: MoveRule, from: string): boolean {
  if (rule.from === null) return true;
  const sender = from.toLowerCase();
  return rule.from.startsWith('@') ? sender.endsWith(rule.from) : sender === rule.from;
}
