// The kinds of path step, each with its name (the trace tag and the path's `step`) and how its arguments read as
// the path's text. The ledger appends a step's arguments in the order its `write` reads them (ledger.ts); the text
// is the same one reports, the CLI and the trace hash have always shown.
import type { TextOut } from '../core/trace.js';
import type { StepArgs } from './path-log.js';
import { fromStartText } from '../core/utc-instant.js';
import { BEFORE_THRESHOLD_DATE } from './untracked-reasons.js';

export const STEP = {
  submitted: 0,
  smtpAttempt: 1,
  accepted: 2,
  delivered: 3,
  reappeared: 4,
  delayNotification: 5,
  sentCopy: 6,
  sentOut: 7,
  outbound: 8,
  read: 9,
  moved: 10,
  removed: 11,
  evaluated: 12,
  activityCreated: 13,
  activityDeleted: 14,
  bounced: 15,
  untracked: 16,
  trackRequested: 17,
  // Only the wire's listeners record these three (fakes/wire/wire-policy.ts); virtual runs never do, so their traces
  // and hashes are as before.
  wireClient: 18,
  resendOf: 19,
  resentAs: 20,
} as const;

export interface StepKind {
  readonly name: string;
  /** Writes the step's text from its arguments. */
  readonly write: (args: StepArgs, out: TextOut) => void;
}

/** The bit of a kind in a message's set of kinds (ledger.ts keeps one per message to skip replays). */
export function kindBit(kind: number): number {
  return 1 << kind;
}

function writeList(args: StepArgs, out: TextOut): void {
  for (let n = args.listLength(), i = 0; i < n; i++) {
    if (i > 0) out.write(', ');
    out.write(args.string());
  }
}

/** Indexed by the codes in STEP. */
export const STEP_KINDS: readonly StepKind[] = [
  { // from, to[]
    name: 'submitted',
    write: (a, out) => {
      out.write('from ');
      out.write(a.string());
      out.write(' to ');
      writeList(a, out);
    },
  },
  { // stage, reply
    name: 'smtp-attempt',
    write: (a, out) => {
      out.write(a.string());
      out.write(': ');
      out.write(a.string());
    },
  },
  { // mailboxes[]
    name: 'accepted',
    write: writeList,
  },
  { // mailbox, folder, mailboxKind, eligible
    name: 'delivered',
    write: (a, out) => {
      out.write(a.string());
      out.write('/');
      out.write(a.string());
      out.write(' (');
      out.write(a.string());
      out.write(a.flag() ? ', eligible)' : ')');
    },
  },
  { // mailbox, folder, mailboxKind, eligible, why
    name: 'reappeared',
    write: (a, out) => {
      out.write(a.string());
      out.write('/');
      out.write(a.string());
      a.string();
      a.flag();
      out.write(' (');
      out.write(a.string());
      out.write(')');
    },
  },
  { // detail
    name: 'delay-notification',
    write: (a, out) => out.write(a.string()),
  },
  { // mailbox
    name: 'sent-copy',
    write: (a, out) => {
      out.write(a.string());
      out.write('/Sent Items');
    },
  },
  { // recipient, why?
    name: 'sent-out',
    write: (a, out) => {
      out.write(a.string());
      const why = a.optionalString();
      if (why === null) return;
      out.write(' (');
      out.write(why);
      out.write(')');
    },
  },
  { // status, attempts
    name: 'outbound',
    write: (a, out) => {
      out.write(a.string());
      out.write(' (attempts ');
      out.writeNumber(a.number());
      out.write(')');
    },
  },
  { // mailbox
    name: 'read',
    write: (a, out) => out.write(a.string()),
  },
  { // mailbox, folder, from? (the folder left, which of two copies: not in the text)
    name: 'moved',
    write: (a, out) => {
      out.write(a.string());
      out.write('/');
      out.write(a.string());
    },
  },
  { // mailbox, cause, folder? (which of two copies: not in the text)
    name: 'removed',
    write: (a, out) => {
      out.write(a.string());
      out.write(': ');
      out.write(a.string());
    },
  },
  { // caller, reasonCode, correlationMethod?, correlated activity?, correlated message?, acceptingEntity?
    name: 'evaluated',
    write: (a, out) => {
      out.write(a.string());
      out.write(': reason ');
      out.writeNumber(a.number());
      const correlationMethod = a.optionalNumber();
      if (correlationMethod !== null) {
        out.write(', correlation ');
        out.writeNumber(correlationMethod);
      }
      const activityId = a.optionalString();
      const messageId = a.optionalString();
      if (activityId !== null) {
        out.write(' with ');
        out.write(activityId);
        out.write(' (');
        out.write(messageId ?? '');
        out.write(')');
      }
      const acceptingEntity = a.optionalString();
      if (acceptingEntity !== null) {
        out.write(', accepted by ');
        out.write(acceptingEntity);
      }
    },
  },
  { // activityId, direction, createdBy, receivingMailbox?, acceptingEntity?, organisation?
    name: 'activity-created',
    write: (a, out) => {
      out.write(a.string());
      out.write(' ');
      out.write(a.string());
      out.write(' by ');
      out.write(a.string());
      const receivingMailbox = a.optionalString();
      const acceptingEntity = a.optionalString();
      if (receivingMailbox !== null) {
        // The mailbox the activity was read from (a forward mailbox, or the user's own), not the sender.
        out.write(' read from ');
        out.write(receivingMailbox);
        if (acceptingEntity !== null) {
          out.write(' for ');
          out.write(acceptingEntity);
        }
      }
      const organisation = a.optionalString();
      if (organisation !== null) {
        out.write(' in ');
        out.write(organisation);
      }
    },
  },
  { // activityId
    name: 'activity-deleted',
    write: (a, out) => out.write(a.string()),
  },
  { // why, recipients[]
    name: 'bounced',
    write: (a, out) => out.write(a.string()),
  },
  { // reason; with before-threshold-date, the mailbox and its ThresholdDate (virtual ms)
    name: 'untracked',
    write: (a, out) => {
      const reason = a.string();
      out.write(reason);
      if (reason !== BEFORE_THRESHOLD_DATE) return;
      out.write(' (');
      out.write(a.string());
      out.write('\'s ThresholdDate ');
      out.write(fromStartText(a.number()));
      out.write(')');
    },
  },
  { // mailbox
    name: 'track-requested',
    write: (a, out) => out.write(a.string()),
  },
  { // server
    name: 'wire-client',
    write: (a, out) => {
      out.write('submitted by an SMTP client outside the model, at ');
      out.write(a.string());
    },
  },
  { // earlier message (the first of its resends)
    name: 'resend-of',
    write: (a, out) => {
      out.write(a.string());
      out.write(': the same From, recipients, Subject and body, sent again with a new Message-ID after that one\'s 250 was lost');
    },
  },
  { // later message
    name: 'resent-as',
    write: (a, out) => {
      out.write(a.string());
      out.write(': its client lost this one\'s 250 and sent it again with a new Message-ID');
    },
  },
];

export function stepKind(kind: number): StepKind {
  const found = STEP_KINDS[kind];
  if (found === undefined) throw new Error(`ledger: no step kind ${kind}`);
  return found;
}
