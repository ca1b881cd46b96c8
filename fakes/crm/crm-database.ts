// The CRM organisation's database: email activities and the indexes CheckIncomingEmail searches (Message-ID and
// direction for duplicates, S8; tokens, Message-IDs and conversation indexes for correlation, S10), plus the
// per-user token counters (S11). This is durable state: it survives a crash of the CRM server.
import type { MailMessage } from '../mail/mail-message.js';
import type { ActivityDirection, EmailActivity } from './email-activity.js';
import type { CrmActRecord } from './act-records.js';

export interface CrmDatabase {
  readonly activities: Map<string, EmailActivity>;
  /** `${direction} ${messageId}` -> activity ids (S8's messageiddupcheck); several only when a duplicate slipped in. */
  readonly byMessageId: Map<string, string[]>;
  /** Token -> the latest activity that carried it: after a counter wraps, the newer email wins (field report 3). */
  readonly byToken: Map<string, string>;
  /** Conversation index (Thread-Index) -> activity id (S10). */
  readonly byConversationIndex: Map<string, string>;
  /** Smart matching's subject hash -> activity ids, oldest first (S11). */
  readonly bySubjectHash: Map<string, string[]>;
  /** Per user address: the last token counter used (S11). */
  readonly tokenCounters: Map<string, number>;
  /** Outgoing activities waiting for or in the middle of a send, in creation order, with the message each sends. */
  readonly outbound: Map<string, MailMessage>;
  /** Appointments, contacts and tasks by id (S15). */
  readonly actRecords: Map<string, CrmActRecord>;
  nextActivityNumber: number;
  nextScheduledEmail: number;
}

export function newCrmDatabase(): CrmDatabase {
  return {
    activities: new Map(), byMessageId: new Map(), byToken: new Map(), byConversationIndex: new Map(), bySubjectHash: new Map(), tokenCounters: new Map(), outbound: new Map(), actRecords: new Map(),
    nextActivityNumber: 1, nextScheduledEmail: 0,
  };
}

export function newActivityId(db: CrmDatabase): string {
  return `email-${db.nextActivityNumber++}`;
}

function messageIdKey(direction: ActivityDirection, messageId: string): string {
  return `${direction} ${messageId.toLowerCase()}`;
}

export function addActivity(db: CrmDatabase, activity: EmailActivity, subjectHash: string): void {
  db.activities.set(activity.activityId, activity);
  if (activity.messageId !== null) {
    const key = messageIdKey(activity.direction, activity.messageId);
    db.byMessageId.set(key, [...(db.byMessageId.get(key) ?? []), activity.activityId]);
  }
  if (activity.trackingToken !== null) db.byToken.set(activity.trackingToken, activity.activityId);
  if (activity.conversationIndex !== null) db.byConversationIndex.set(activity.conversationIndex, activity.activityId);
  if (subjectHash.length > 0) db.bySubjectHash.set(subjectHash, [...(db.bySubjectHash.get(subjectHash) ?? []), activity.activityId]);
}

/** A person deletes the activity in CRM: gone from every index, so the duplicate check no longer finds it (R8). */
export function removeActivity(db: CrmDatabase, activityId: string): EmailActivity | undefined {
  const activity = db.activities.get(activityId);
  if (activity === undefined) return undefined;
  db.activities.delete(activityId);
  if (activity.messageId !== null) {
    const key = messageIdKey(activity.direction, activity.messageId);
    const rest = (db.byMessageId.get(key) ?? []).filter((id) => id !== activityId);
    if (rest.length === 0) db.byMessageId.delete(key);
    else db.byMessageId.set(key, rest);
  }
  return activity;
}

/** The first activity with this Message-ID in this direction (S8: the duplicate check; CheckPromoteEmail's key). */
export function activityByMessageId(db: CrmDatabase, direction: ActivityDirection, messageId: string | null): EmailActivity | undefined {
  if (messageId === null) return undefined;
  const id = db.byMessageId.get(messageIdKey(direction, messageId))?.[0];
  return id === undefined ? undefined : db.activities.get(id);
}

/** Any activity, either direction, whose Message-ID this is (In-Reply-To correlation, S10). */
export function activityWithMessageId(db: CrmDatabase, messageId: string): EmailActivity | undefined {
  return activityByMessageId(db, 'outgoing', messageId) ?? activityByMessageId(db, 'incoming', messageId);
}
