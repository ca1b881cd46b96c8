// Under `mailflow serve` the clients are not the model's: one of them may give two different messages the same
// Message-ID, which CRM's duplicate check cannot tell apart (S8; fakes/mail/reused-message-id.ts). The listeners
// remember, per Message-ID, the messages that used it, so the second different one gets a ledger life of its own
// instead of folding into the first's. "Different" is judged by From and Subject: the same Message-ID with the same
// From and Subject is the same message sent again (a retry after a lost 250, or the same mail to more recipients in
// another transaction, which CRM rightly tracks once). Date and the body are not compared: a client may rebuild them
// for a retry.
import { lowerCase } from '../mail/lower-case.js';
import { reusedMessageIdKey } from '../mail/reused-message-id.js';
import type { MailMessage } from '../mail/mail-message.js';

export class MessageIdUses {
  /** Lower-case Message-ID -> the From and Subject of each different message that used it, in order of arrival. */
  private readonly uses = new Map<string, string[]>();

  /** The message with its ledger key: its Message-ID for the first message to use it, its own key for later ones. */
  keyed(message: MailMessage): MailMessage {
    if (message.messageId === null) return message;
    const id = lowerCase(message.messageId);
    const author = `${lowerCase(message.from)}\n${message.subject}`;
    let authors = this.uses.get(id);
    if (authors === undefined) this.uses.set(id, (authors = []));
    let nth = authors.indexOf(author) + 1;
    if (nth === 0) nth = authors.push(author);
    const key = nth === 1 ? message.key : reusedMessageIdKey(message.messageId, nth);
    return key === message.key ? message : { ...message, key };
  }
}
