// A Message-ID names one message (RFC 5322 3.6.4), but nothing stops a client from giving two different messages the
// same one: a mailer with a fixed or recycled ID, a template that carries it. CRM's duplicate check knows a message
// only by its Message-ID and direction (S8), so it answers the second message Duplicate and the second is never
// tracked, with no error anywhere. [I] from S8. The ledger keeps the two messages apart (one life each): the first
// keeps the Message-ID as its key, each later one gets the key below, and CRM names the reason when it answers one
// of them Duplicate. "Different" is judged by From and Subject: the same Message-ID with the same From and Subject
// is the same message sent again (a retry after a lost 250, or the same mail to more recipients in another
// transaction, which CRM rightly tracks once). Date and the body are not compared: a client may rebuild them for a
// retry. Scenario traffic (harness/world/build-exchange-world.ts) and `mailflow serve`'s clients are judged alike.
import { lowerCase } from './lower-case.js';
import type { MailMessage } from './mail-message.js';

/** The untracked reason of a message CRM answered Duplicate because an earlier, different message had its Message-ID. */
export const MESSAGE_ID_REUSED = 'message-id-reused';

/** The ledger key of the `nth` (2, 3, ...) different message with this Message-ID. */
export function reusedMessageIdKey(messageId: string, nth: number): string {
  return `${messageId} (message ${nth} with this Message-ID)`;
}

/** The messages seen so far per Message-ID, in order of sending or arrival: which one is which. */
export class MessageIdUses {
  /** Lower-case Message-ID -> the From and Subject of each different message that used it. */
  private readonly uses = new Map<string, string[]>();

  /** The key of the message with this Message-ID, From and Subject: null for the first to use it (the ID is its key). */
  keyFor(messageId: string, from: string, subject: string): string | null {
    const id = lowerCase(messageId);
    const author = `${lowerCase(from)}\n${subject}`;
    let authors = this.uses.get(id);
    if (authors === undefined) this.uses.set(id, (authors = []));
    let nth = authors.indexOf(author) + 1;
    if (nth === 0) nth = authors.push(author);
    return nth === 1 ? null : reusedMessageIdKey(messageId, nth);
  }

  /** The message with its ledger key: unchanged for the first to use its Message-ID, its own key for later ones. */
  keyed(message: MailMessage): MailMessage {
    if (message.messageId === null) return message;
    const key = this.keyFor(message.messageId, message.from, message.subject);
    return key === null ? message : { ...message, key };
  }
}
