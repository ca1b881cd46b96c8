// What a message's steps add up to: its copies, activities, evaluations and the rest of MessageLife, replayed from
// the path log in the order the models recorded them. The ledger keeps only the steps; readers get these on demand.
import { NO_STEP, type PathLog } from './path-log.js';
import type { ActivityRecord, Evaluation, MailboxKind, OutboundRecord, Placement, RemovalCause } from './records.js';
import { STEP } from './step-kinds.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface LifeRecords {
  readonly placements: readonly Placement[];
  readonly activities: readonly ActivityRecord[];
  readonly evaluations: readonly Evaluation[];
  readonly acceptedFor: ReadonlySet<string>;
  readonly bouncedFor: ReadonlySet<string>;
  readonly deliveries: ReadonlyMap<string, number>;
  readonly outbound: OutboundRecord | null;
  readonly untrackedReason: string | null;
}

/** Replays the steps from `first` on. Fails like the recording did if a step names a copy or activity not there. */
export function replayLife(log: PathLog, messageId: string, first: number): LifeRecords {
  const placements: Array<Mutable<Placement>> = [];
  const activities: Array<Mutable<ActivityRecord>> = [];
  const evaluations: Evaluation[] = [];
  const acceptedFor = new Set<string>();
  const bouncedFor = new Set<string>();
  const deliveries = new Map<string, number>();
  let outbound: OutboundRecord | null = null;
  let untrackedReason: string | null = null;
  const countDelivery = (recipient: string): void => {
    deliveries.set(recipient, (deliveries.get(recipient) ?? 0) + 1);
  };
  for (let step = first; step !== NO_STEP; step = log.nextOf(step)) {
    const atMs = log.atMsOf(step);
    const a = log.argsOf(step);
    switch (log.kindOf(step)) {
      case STEP.accepted:
        for (let n = a.listLength(); n > 0; n--) acceptedFor.add(a.string());
        break;
      case STEP.delivered:
      case STEP.reappeared: {
        const mailbox = a.string();
        const folder = a.string();
        const mailboxKind = a.string() as MailboxKind;
        const eligible = a.flag();
        placements.push({ mailbox, mailboxKind, folder, deliveredAtMs: atMs, eligible, removal: null });
        // A restore or Safety Net brings back a copy that had arrived: not a second delivery.
        if (log.kindOf(step) === STEP.delivered && mailboxKind !== 'forward') countDelivery(mailbox);
        break;
      }
      case STEP.sentOut:
        countDelivery(a.string().toLowerCase());
        break;
      case STEP.outbound:
        outbound = { status: a.string(), attempts: a.number() };
        break;
      case STEP.moved: {
        const mailbox = a.string();
        presentCopy(placements, messageId, mailbox).folder = a.string();
        break;
      }
      case STEP.removed: {
        const mailbox = a.string();
        presentCopy(placements, messageId, mailbox).removal = { atMs, cause: a.string() as RemovalCause };
        break;
      }
      case STEP.evaluated: {
        const caller = a.string();
        const reasonCode = a.number();
        const correlationMethod = a.optionalNumber();
        const activityId = a.optionalString();
        const correlatedMessageId = a.optionalString();
        const acceptingEntity = a.optionalString();
        const correlatedWith = activityId === null ? null : { activityId, messageId: correlatedMessageId ?? '' };
        evaluations.push({ atMs, caller, reasonCode, correlationMethod, acceptingEntity, correlatedWith });
        break;
      }
      case STEP.activityCreated:
        activities.push({
          activityId: a.string(), direction: a.string() as ActivityRecord['direction'], atMs, createdBy: a.string(),
          receivingMailbox: a.optionalString(), acceptingEntity: a.optionalString(), deletedAtMs: null,
          organisation: a.optionalString(),
        });
        break;
      case STEP.activityDeleted:
        activityOf(activities, messageId, a.string()).deletedAtMs = atMs;
        break;
      case STEP.bounced:
        a.string();
        for (let n = a.listLength(); n > 0; n--) bouncedFor.add(a.string());
        break;
      case STEP.untracked:
        untrackedReason = a.string();
        break;
      default:
        break;
    }
  }
  return { placements, activities, evaluations, acceptedFor, bouncedFor, deliveries, outbound, untrackedReason };
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
