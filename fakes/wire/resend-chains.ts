// A client that loses the 250 after DATA (a `dropReply` fault) must send the message again (X1). An MTA keeps the
// Message-ID; an app mailer usually builds the message anew (nodemailer draws a Message-ID per sendMail call), so the
// fake Exchange takes one email as two messages, and CRM, which knows mail only by Message-ID (S8), tracks it twice.
// Here a client's message is a resend when it has the same From, recipients, Subject and body (body-digest.ts) as a
// message whose 250 was lost earlier in the run, and no 250 has been heard for that content since: once the client
// hears one, it knows the email arrived, and the same content later is an email of its own (a report sent hourly).
// [I] Content stands in for the client's intent, which the wire cannot see. One per run, shared by its listeners.
import { lowerCase } from '../mail/lower-case.js';

/** What a client message is known by here: everything the author wrote but the ids and dates a mailer makes anew. */
export interface ClientContent {
  readonly from: string;
  readonly recipients: readonly string[];
  readonly subject: string;
  /** body-digest.ts */
  readonly body: string;
}

export class ResendChains {
  /** Content whose 250 was lost and not heard since -> the first message of its chain (its ledger key). */
  private readonly unanswered = new Map<string, string>();

  /** The content's key here: recipients in any order and case, as the envelope may list them. */
  static contentKey(content: ClientContent): string {
    const recipients = [...new Set(content.recipients.map(lowerCase))].sort();
    return [lowerCase(content.from), recipients.join(','), content.subject, content.body].join('\n');
  }

  /** The first message of the chain this content continues, if its 250 was lost and none heard since. */
  chainOf(contentKey: string): string | undefined {
    return this.unanswered.get(contentKey);
  }

  /** The client lost the 250 of `messageKey`: the next message with this content is a resend (of the chain's first). */
  replyLost(contentKey: string, messageKey: string): void {
    if (!this.unanswered.has(contentKey)) this.unanswered.set(contentKey, messageKey);
  }

  /** The client heard a 250 for this content: the chain is over. */
  replyHeard(contentKey: string): void {
    this.unanswered.delete(contentKey);
  }
}
