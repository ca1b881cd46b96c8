// no-lost-mail: every (message, recipient) the organisation accepted is, at the end, in one of that recipient's
// folders or was removed on purpose (a user's delete, processing by design). A restore without logs loses mail (X3).
import type { Ledger } from '../ledger/ledger.js';
import { lostRecipients } from '../ledger/counts.js';
import type { CheckResult } from './check-result.js';
import { OffenderList } from './offender-order.js';
import { counted } from './counted.js';
import { runPass, type CheckPass } from './check-pass.js';

export const NO_LOST_MAIL = 'no-lost-mail';

export function noLostMailPass(): CheckPass {
  const offenders = new OffenderList();
  let acceptedStillInFlight = 0;
  return {
    visit(life, inFlightAt) {
      if (life.acceptedMailboxes.length === 0) return;
      if (inFlightAt !== undefined) {
        acceptedStillInFlight++;
        return;
      }
      for (const mailbox of lostRecipients(life)) {
        offenders.add({ messageId: life.messageId, detail: `accepted for ${mailbox}, no copy left`, path: life.path });
      }
    },
    result() {
      if (offenders.length > 0) {
        return { name: NO_LOST_MAIL, verdict: 'fail', summary: `${counted(offenders.length, 'accepted copy', 'accepted copies')} lost`, offenders: offenders.ordered() };
      }
      if (acceptedStillInFlight > 0) {
        // Mail still moving at the end of the drain cannot be judged yet; `liveness` says why it is still moving.
        return {
          name: NO_LOST_MAIL, verdict: 'unknown', offenders: [],
          summary: `nothing lost so far, but ${counted(acceptedStillInFlight, 'accepted message is', 'accepted messages are')} still in flight`,
        };
      }
      return { name: NO_LOST_MAIL, verdict: 'pass', summary: 'every accepted copy is accounted for', offenders: [] };
    },
  };
}

export function checkNoLostMail(ledger: Ledger): CheckResult {
  return runPass(ledger, noLostMailPass());
}
