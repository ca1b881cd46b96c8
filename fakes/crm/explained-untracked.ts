// Untracked reasons recorded as a message was processed, when CRM's answer itself explains the loss: the activity
// could not be created (S7, `crm-error`), or an earlier, different message holds the Message-ID (S8,
// `message-id-reused`). The end of a run explains what is left in the mailboxes by where it sits (router-stopped,
// behind-watermark, ...); those guesses must not replace a reason CRM gave, and the ledger keeps the last one written.
import { MESSAGE_ID_REUSED } from '../mail/reused-message-id.js';

/** S7: server-side sync could not create the activity (a plug-in failed); the item is marked Undeliverable. */
export const CRM_ERROR = 'crm-error';

/** Was this reason given while the message was processed (keep it), rather than guessed at the end? */
export function explainedWhileProcessing(reason: string | null | undefined): boolean {
  return reason === CRM_ERROR || reason === MESSAGE_ID_REUSED;
}
