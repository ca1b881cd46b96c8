// C4: the App for Outlook (no CRM client; the user's mailbox is on server-side sync, S16). A person's track asks CRM
// at once: CheckPromoteEmail, then DeliverPromoteEmail, as the Outlook client's Track in CRM does (C1), bypassing the
// filter (S9). Only when CRM cannot be reached or answers an error does tracking fall back to the mark on the item,
// which server-side sync promotes at its next cycle. Asking at once matters: sync never reads Deleted Items, so a
// tracked item the person deletes before that cycle would otherwise never reach CRM.
//
// [I] The app works with server-side sync: while the organisation still processes email with the router (R14, before
// a cutover's switch) a track is only the mark, which sync promotes once it runs, as before C4's immediate path.
// [I] The app's track is one request to CRM, which checks and creates together: the app has no check-deliver gap of
// its own. A track that lands inside another caller's gap (sync or the router between its check and its deliver of
// the same message) still makes two activities unless CRM repeats the duplicate check (docs/crm.md).
import type { ActorContext } from '../../sim/core/actor.js';
import type { MailMessage } from '../mail/mail-message.js';
import { CRM_REQUEST, callCrm, type DeliverAnswer, type EmailProcessor, type PromoteCall } from '../crm/crm-api.js';

/** The caller CRM and the ledger see for these tracks (an activity's createdBy). */
export const APP_FOR_OUTLOOK = 'app-for-outlook';

/**
 * 'tracked': CRM made the activity now; 'already-in-crm': CheckPromoteEmail found one with this Message-ID and
 * direction (S8: another path tracked it), so none is made; 'failed': CRM down or erroring, or the organisation not on
 * server-side sync yet: sync will do it (C4).
 */
export type AppTrackResult = 'tracked' | 'already-in-crm' | 'failed';

/** Tracks a received message of `mailbox` in CRM `crmServer` at once (incoming: the track habit is on received mail). */
export function trackWithApp(ctx: ActorContext, crmServer: string, mailbox: string, message: MailMessage): AppTrackResult {
  if (callCrm<EmailProcessor>(ctx, crmServer, CRM_REQUEST.retrieveEmailSettings, null) !== 'server-side-sync') return 'failed';
  const call: PromoteCall = { message, direction: 'incoming', mailbox, regardingId: null, caller: APP_FOR_OUTLOOK };
  const fresh = callCrm<boolean>(ctx, crmServer, CRM_REQUEST.checkPromote, call);
  if (fresh === null) return 'failed';
  if (!fresh) return 'already-in-crm';
  const answer = callCrm<DeliverAnswer>(ctx, crmServer, CRM_REQUEST.deliverPromote, call);
  if (answer === null) return 'failed';
  // Refused at delivery only when CRM repeats the duplicate check (deliverRechecksDuplicate) and finds one.
  return answer.delivered ? 'tracked' : 'already-in-crm';
}
