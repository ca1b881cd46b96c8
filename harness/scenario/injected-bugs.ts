// Known defects a scenario can switch on (`injectBug:`) so that a fuzz campaign must find them (issue 8), and so a
// counterexample file replays the defect it was found with. Each maps onto a behaviour switch of one model; the
// models know nothing of "bugs", only of the alternative behaviour.

export const INJECTED_BUGS = {
  'no-dedup': 'CRM skips the duplicate check by Message-ID and direction (S8): every copy of a message becomes an activity.',
  'delete-before-create': 'The router deletes the forward-mailbox item before the activity exists (R10 done wrong): a crash between the two loses it.',
  'threshold-before-create': 'The router moves its ThresholdDate past an item before the activity exists (R8 done wrong): a crash between the two leaves it unread for good.',
  'no-sender-retry': 'Outside senders drop a message on a connection failure or a 4xx instead of queueing it for another try (X1 done wrong).',
  'two-active-routers': 'Every router install runs a second active instance on the same mailboxes with its own state file (R13\'s unsupported setup).',
} as const;

export type InjectedBug = keyof typeof INJECTED_BUGS;

export const INJECTED_BUG_NAMES = Object.keys(INJECTED_BUGS) as [InjectedBug, ...InjectedBug[]];
