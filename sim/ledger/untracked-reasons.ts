// Every reason eligible mail can end up untracked for: what the models record (ledger.untracked) and what the
// counts derive from a message's own history (counts.ts). One list, so that a scenario's `expect.untracked` is checked
// against it: a misspelt reason used to be declared, never met, and pass as `>= 0` beside the real one's failure.

export const UNTRACKED_REASONS = {
  'not-in-root-inbox': 'filed or moved out of the root Inbox before a cycle or the router read it (S6, R4)',
  'deleted-before-tracking': 'its owner deleted it before any path looked at it',
  'behind-watermark': 'in the root Inbox, but behind sync\'s watermark: moved back too late, or put back by a restore or Safety Net (S6)',
  'before-process-email-from': 'received before the profile\'s Process Email From, and the router had not tracked it (S2a)',
  'before-mailbox-enabled': 'received before the mailbox\'s first Test & Enable, with no Process Email From on its profile [I]',
  'mailbox-disabled': 'sync\'s mailbox failed Test & Enable or was disabled by errors (S3, S4)',
  'never-polled': 'sync\'s mailbox was never enabled',
  'other-organisation': 'another CRM organisation claimed the mailbox (S13)',
  'router-stopped': 'the router stopped reading the mailbox (its organisation moved to server-side sync, R14) before it tracked it',
  'before-threshold-date': 'the router\'s ThresholdDate had passed it (R8)',
  'rolled-back': 'a restore or failover took the mailbox\'s copy (or a person\'s mark on it) away before anything tracked it (X2, X3)',
  'crm-error': 'CRM refused the activity (a plug-in or privilege failure, S7)',
  'message-id-reused': 'CRM answered Duplicate on another message\'s activity with the same Message-ID (S8) [I]',
  'mark-not-promoted': 'a person tracked it with the App for Outlook while the organisation was not on server-side sync (R14): only the mark was made, and no sync ever promoted it (C4) [I]',
} as const satisfies Record<string, string>;

export type UntrackedReason = keyof typeof UNTRACKED_REASONS;

/** The one reason recorded with more than its name: whose ThresholdDate had passed the message, and when (R8). */
export const BEFORE_THRESHOLD_DATE = 'before-threshold-date' satisfies UntrackedReason;

/** Every other reason, recorded by its name alone (ledger.untracked). */
export type PlainUntrackedReason = Exclude<UntrackedReason, typeof BEFORE_THRESHOLD_DATE>;

export function isUntrackedReason(reason: string): reason is UntrackedReason {
  return Object.hasOwn(UNTRACKED_REASONS, reason);
}
