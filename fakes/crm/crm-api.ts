// The CRM server's web service as callers see it: the requests (one per SDK message the model uses) and their
// answers. A call can fail as a real caller's does: no connection while the server is down (the engine refuses the
// request), or an HTTP error while the API is faulted; callers retry either way.
import type { ActorContext } from '../../sim/core/actor.js';
import type { MailMessage } from '../mail/mail-message.js';
import type { ActivityDirection } from './email-activity.js';
import type { ReasonCode } from './reason-codes.js';

export const CRM_REQUEST = {
  checkIncoming: 'CheckIncomingEmail',
  deliverIncoming: 'DeliverIncomingEmail',
  checkPromote: 'CheckPromoteEmail',
  deliverPromote: 'DeliverPromoteEmail',
  nextToken: 'NextTrackingToken',
  /** The router takes Pending Send email of some users (and marks it Sending), R7. */
  backgroundSendEmail: 'BackgroundSendEmail',
  /** The router reports how a send went. */
  sendEmailResult: 'SendEmailResult',
  /** Which component processes the organisation's email (R14). */
  retrieveEmailSettings: 'RetrieveEmailSettings',
} as const;

export interface BackgroundSendCall {
  readonly caller: string;
  readonly owners: readonly string[];
  readonly perOwner: number;
  readonly pendingForMs: number;
  readonly sendingForMs: number;
}

export interface EmailToSend {
  readonly activityId: string;
  readonly message: MailMessage;
}

export interface SendEmailResultCall {
  readonly activityId: string;
  readonly result: 'sent' | 'failed-attempt' | 'failed';
  readonly detail: string;
  readonly maxAttempts: number;
}

/** R14: the System Settings field "Process Email Using". */
export type EmailProcessor = 'email-router' | 'server-side-sync';

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

/** Calls the CRM web service; null when it could not be reached or answered an error (callers retry later). */
export function callCrm<T>(ctx: ActorContext, server: string, tag: string, data: unknown): T | null {
  const reply = ctx.request(server, tag, data);
  if (!reply.ok) return null;
  const call = reply.value as CrmCall<T>;
  return call.ok ? call.value : null;
}
