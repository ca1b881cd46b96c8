// What a message's steps add up to: its copies, activities, evaluations and the rest of MessageLife, replayed from
// the path log in the order the models recorded them. The ledger keeps only the steps; readers get these on demand,
// each part on its own so a reader that wants one part (a checker, a model's `finish`) pays for that part only.
import { NO_STEP, type PathLog } from './path-log.js';
import type { ActivityRecord, Direction, Evaluation, MailboxKind, OutboundRecord, PassedThreshold, Placement, RemovalCause } from './records.js';
import { STEP } from './step-kinds.js';
import { BEFORE_THRESHOLD_DATE } from './untracked-reasons.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Each part is its own loop over the message's steps (no shared visitor): these run for every message at the end
// of a run, once per checker, and a plain loop lets the engine keep them allocation-free but for what they return.

/** Copies as delivered (or brought back), moved and removed. Fails, as recording did, on a move of a copy not there. */
export function replayPlacements(log: PathLog, messageId: string, first: number): Placement[] {
  const placements: Array<Mutable<Placement>> = [];
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    const kind = log.kindOf(step);
    if (kind === STEP.delivered || kind === STEP.reappeared) {
      const a = log.argsOf(step);
      const mailbox = a.string();
      const folder = a.string();
      const mailboxKind = a.string() as MailboxKind;
      placements.push({ mailbox, mailboxKind, folder, deliveredAtMs: log.atMsOf(step), eligible: a.flag(), removal: null });
    } else if (kind === STEP.moved) {
      const a = log.argsOf(step);
      const mailbox = a.string();
      const folder = a.string();
      const from = a.optionalString();
      // A mailbox may hold two copies (a sender sent again after losing the 250, X1): the move is of the copy in the
      // folder it left, when the step says; else of one not already in the target folder.
      const present = (p: Placement) => p.mailbox === mailbox && p.removal === null;
      const copy = placements.find((p) => present(p) && (from === null ? p.folder !== folder : p.folder === from));
      (copy ?? presentCopy(placements, messageId, mailbox)).folder = folder;
    } else if (kind === STEP.removed) {
      const a = log.argsOf(step);
      const mailbox = a.string();
      const cause = a.string() as RemovalCause;
      const folder = a.optionalString();
      // Of two copies in one mailbox, the one in the folder the step names, when it names one.
      const copy = folder === null ? undefined : placements.find((p) => p.mailbox === mailbox && p.removal === null && p.folder === folder);
      (copy ?? presentCopy(placements, messageId, mailbox)).removal = { atMs: log.atMsOf(step), cause };
    }
  }
  return placements;
}

export function replayActivities(log: PathLog, messageId: string, first: number): ActivityRecord[] {
  const activities: Array<Mutable<ActivityRecord>> = [];
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    const kind = log.kindOf(step);
    if (kind === STEP.activityCreated) {
      // In the order the ledger appended them (ledger.ts, activityCreated).
      const a = log.argsOf(step);
      const activityId = a.string();
      const direction = a.string() as Direction;
      const createdBy = a.string();
      const receivingMailbox = a.optionalString();
      const acceptingEntity = a.optionalString();
      const organisation = a.optionalString();
      activities.push({ activityId, direction, atMs: log.atMsOf(step), createdBy, receivingMailbox, acceptingEntity, deletedAtMs: null, organisation });
    } else if (kind === STEP.activityDeleted) {
      activityOf(activities, messageId, log.argsOf(step).string()).deletedAtMs = log.atMsOf(step);
    }
  }
  return activities;
}

export function replayEvaluations(log: PathLog, first: number): Evaluation[] {
  const evaluations: Evaluation[] = [];
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    if (log.kindOf(step) !== STEP.evaluated) continue;
    const a = log.argsOf(step);
    const caller = a.string();
    const reasonCode = a.number();
    const correlationMethod = a.optionalNumber();
    const activityId = a.optionalString();
    const correlatedMessageId = a.optionalString();
    const acceptingEntity = a.optionalString();
    const correlatedWith = activityId === null ? null : { activityId, messageId: correlatedMessageId ?? '' };
    evaluations.push({ atMs: log.atMsOf(step), caller, reasonCode, correlationMethod, acceptingEntity, correlatedWith });
  }
  return evaluations;
}

/**
 * The mailboxes named by every step of `kind` whose arguments end in a list (accepted: the mailboxes; bounced: the
 * accepted recipients it gave up on), each once, first seen first. `skip` arguments come before the list.
 */
export function replayListed(log: PathLog, first: number, kind: number, skip: number): string[] {
  const mailboxes: string[] = [];
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    if (log.kindOf(step) !== kind) continue;
    const a = log.argsOf(step);
    for (let i = 0; i < skip; i++) a.string();
    for (let n = a.listLength(); n > 0; n--) {
      const mailbox = a.string();
      if (!mailboxes.includes(mailbox)) mailboxes.push(mailbox);
    }
  }
  return mailboxes;
}

/**
 * Copies per recipient: each delivery to a user or queue mailbox and each hand-over to the Internet. A restore or
 * Safety Net bringing a copy back is not a second delivery.
 */
export function replayDeliveries(log: PathLog, first: number): Map<string, number> {
  const deliveries = new Map<string, number>();
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    const kind = log.kindOf(step);
    if (kind !== STEP.delivered && kind !== STEP.sentOut) continue;
    const a = log.argsOf(step);
    let recipient = a.string();
    if (kind === STEP.sentOut) {
      recipient = recipient.toLowerCase();
    } else {
      a.string();
      if (a.string() === 'forward') continue;
    }
    deliveries.set(recipient, (deliveries.get(recipient) ?? 0) + 1);
  }
  return deliveries;
}

/** The status and attempts of the last `outbound` step, or null. */
export function replayOutbound(log: PathLog, first: number): OutboundRecord | null {
  let outbound: OutboundRecord | null = null;
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    if (log.kindOf(step) !== STEP.outbound) continue;
    const a = log.argsOf(step);
    outbound = { status: a.string(), attempts: a.number() };
  }
  return outbound;
}

/** The reason of the last `untracked` step, or null. */
export function replayUntrackedReason(log: PathLog, first: number): string | null {
  let reason: string | null = null;
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    if (log.kindOf(step) === STEP.untracked) reason = log.argsOf(step).string();
  }
  return reason;
}

/** The ThresholdDate of the last `untracked` step when its reason is before-threshold-date (R8), or null. */
export function replayPassedThreshold(log: PathLog, first: number): PassedThreshold | null {
  let passed: PassedThreshold | null = null;
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    if (log.kindOf(step) !== STEP.untracked) continue;
    const a = log.argsOf(step);
    passed = a.string() === BEFORE_THRESHOLD_DATE ? { mailbox: a.string(), atMs: a.number() } : null;
  }
  return passed;
}

/** The first argument of each step of `kind`, in order (a resend's earlier message, the resends of one). */
export function replayFirstStrings(log: PathLog, first: number, kind: number): string[] {
  const values: string[] = [];
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    if (log.kindOf(step) === kind) values.push(log.argsOf(step).string());
  }
  return values;
}

/** The mailboxes whose owners tracked the message by hand (C4), each once, in order. */
export function replayTrackedByHandIn(log: PathLog, first: number): string[] {
  const mailboxes: string[] = [];
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    if (log.kindOf(step) !== STEP.trackRequested) continue;
    const mailbox = log.argsOf(step).string();
    if (!mailboxes.includes(mailbox)) mailboxes.push(mailbox);
  }
  return mailboxes;
}

/** The copy a move or removal applies to: the first one in the mailbox still there. */
export function presentCopy<P extends Pick<Placement, 'mailbox' | 'removal'>>(placements: readonly P[], messageId: string, mailbox: string): P {
  const placement = placements.find((p) => p.mailbox === mailbox && p.removal === null);
  if (placement === undefined) throw new Error(`ledger: ${messageId} has no copy in ${mailbox} to move or remove`);
  return placement;
}

export function activityOf<A extends Pick<ActivityRecord, 'activityId'>>(activities: readonly A[], messageId: string, activityId: string): A {
  const activity = activities.find((a) => a.activityId === activityId);
  if (activity === undefined) throw new Error(`ledger: ${messageId} has no activity ${activityId} to delete`);
  return activity;
}
