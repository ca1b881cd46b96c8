// A Message-ID names one message (RFC 5322 3.6.4), but nothing stops a client from giving two different messages the
// same one: a mailer with a fixed or recycled ID, a template that carries it. CRM's duplicate check knows a message
// only by its Message-ID and direction (S8), so it answers the second message Duplicate and the second is never
// tracked, with no error anywhere. [I] from S8. The ledger keeps the two messages apart (one life each): the first
// keeps the Message-ID as its key, each later one gets the key below, and CRM names the reason when it answers one
// of them Duplicate.

/** The untracked reason of a message CRM answered Duplicate because an earlier, different message had its Message-ID. */
export const MESSAGE_ID_REUSED = 'message-id-reused';

/** The ledger key of the `nth` (2, 3, ...) different message with this Message-ID. */
export function reusedMessageIdKey(messageId: string, nth: number): string {
  return `${messageId} (message ${nth} with this Message-ID)`;
}
