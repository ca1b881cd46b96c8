// The CRM server's web service as callers see it: the requests (one per SDK message the model uses) and their
// answers. A call can fail as a real caller's does: no connection while the server is down (the engine refuses the
// request), or an HTTP error while the API is faulted; callers retry either way.
import type { MailMessage } from '../mail/mail-message.js';
import type { ActivityDirection } from './email-activity.js';
import type { ReasonCode } from './reason-codes.js';

export const CRM_REQUEST = {
  checkIncoming: 'CheckIncomingEmail',
  deliverIncoming: 'DeliverIncomingEmail',
  checkPromote: 'CheckPromoteEmail',
  deliverPromote: 'DeliverPromoteEmail',
  nextToken: 'NextTrackingToken',
} as const;

/** What an HTTP error from the API looks like to the caller. */
export interface CrmError {
  readonly status: number;
  readonly message: string;
}

export type CrmCall<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CrmError };

export interface CheckIncomingAnswer {
  readonly shouldDeliver: boolean;
  readonly reasonCode: ReasonCode;
}

export type DeliverAnswer =
  | { readonly delivered: true; readonly activityId: string }
  | { readonly delivered: false; readonly reasonCode: ReasonCode };

export interface PromoteCall {
  readonly message: MailMessage;
  readonly direction: ActivityDirection;
  readonly mailbox: string;
  readonly regardingId: string | null;
  readonly caller: string;
}
