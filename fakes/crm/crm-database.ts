// The CRM organisation's database: email activities and the indexes CheckIncomingEmail searches (Message-ID and
// direction for duplicates, S8; tokens, Message-IDs and conversation indexes for correlation, S10), plus the
// per-user token counters (S11). This is durable state: it survives a crash of the CRM server.
import type { MailMessage } from '../mail/mail-message.js';
import type { ActivityDirection, EmailActivity } from './email-activity.js';
import { ActRecordStore } from './act-records.js';
import { addToSubjectIndex, type SubjectIndex } from './subject-index.js';
import { lowerCase } from '../mail/lower-case.js';

/**
 * One Message-ID's activities in one direction: the activity itself, or (only when a duplicate slipped in, R13) all
 * of them oldest first. Kept as the activity, not an array, because nearly every Message-ID has just one.
 */
export type MessageIdEntry = EmailActivity | EmailActivity[];

export interface CrmDatabase {
  readonly activities: Map<string, EmailActivity>;
  /** S8's messageiddupcheck, one index per direction: lower-cased Message-ID -> its activities. */
  readonly byMessageId: Readonly<Record<ActivityDirection, Map<string, MessageIdEntry>>>;
  /** Token -> the latest activity that carried it: after a counter wraps, the newer email wins (field report 3). */
  readonly byToken: Map<string, string>;
  /** Conversation index (Thread-Index) -> activity id (S10). */
  readonly byConversationIndex: Map<string, string>;
  /** Smart matching's subject hash -> activity ids, oldest first (S11); filled only while smart matching is on. */
  readonly bySubjectHash: SubjectIndex;
  /** Per user address: the last token counter used (S11). */
  readonly tokenCounters: Map<string, number>;
  /** Outgoing activities waiting for or in the middle of a send, in creation order, with the message each sends. */
  readonly outbound: Map<string, MailMessage>;
  /** Appointments, contacts and tasks by id (S15). */
  readonly actRecords: ActRecordStore;
  nextActivityNumber: number;
  nextScheduledEmail: number;
}

export function newCrmDatabase(): CrmDatabase {
  return {
    activities: new Map(), byMessageId: { incoming: new Map(), outgoing: new Map() }, byToken: new Map(), byConversationIndex: new Map(),
    bySubjectHash: new Map(), tokenCounters: new Map(), outbound: new Map(), actRecords: new ActRecordStore(), nextActivityNumber: 1, nextScheduledEmail: 0,
  };
}

export function newActivityId(db: CrmDatabase): string {
  return `email-${db.nextActivityNumber++}`;
}

/**
 * Stores an activity and indexes it. `subjectHash`: its smart-matching hash, or null when smart matching is off (the
 * subject index is then neither filled nor read).
 */
export function addActivity(db: CrmDatabase, activity: EmailActivity, subjectHash: string | null): void {
  db.activities.set(activity.activityId, activity);
  if (activity.messageId !== null) {
    const index = db.byMessageId[activity.direction];
    const key = lowerCase(activity.messageId);
    const entry = index.get(key);
    if (entry === undefined) index.set(key, activity);
    else if (Array.isArray(entry)) entry.push(activity);
    else index.set(key, [entry, activity]);
  }
  if (activity.trackingToken !== null) db.byToken.set(activity.trackingToken, activity.activityId);
  if (activity.conversationIndex !== null) db.byConversationIndex.set(activity.conversationIndex, activity.activityId);
  if (subjectHash !== null) addToSubjectIndex(db.bySubjectHash, subjectHash, activity.activityId);
}

/** A person deletes the activity in CRM: gone from every index, so the duplicate check no longer finds it (R8). */
export function removeActivity(db: CrmDatabase, activityId: string): EmailActivity | undefined {
  const activity = db.activities.get(activityId);
  if (activity === undefined) return undefined;
  db.activities.delete(activityId);
  if (activity.messageId !== null) {
    const index = db.byMessageId[activity.direction];
    const key = lowerCase(activity.messageId);
    const entry = index.get(key);
    const rest = entry === undefined ? [] : Array.isArray(entry) ? entry.filter((a) => a !== activity) : entry === activity ? [] : [entry];
    if (rest.length === 0) index.delete(key);
    else index.set(key, rest.length === 1 ? rest[0] as EmailActivity : rest);
  }
  return activity;
}

/** The first activity with this Message-ID in this direction (S8: the duplicate check; CheckPromoteEmail's key). */
export function activityByMessageId(db: CrmDatabase, direction: ActivityDirection, messageId: string | null): EmailActivity | undefined {
  if (messageId === null) return undefined;
  const entry = db.byMessageId[direction].get(lowerCase(messageId));
  return Array.isArray(entry) ? entry[0] : entry;
}

/** Any activity, either direction, whose Message-ID this is (In-Reply-To correlation, S10). */
export function activityWithMessageId(db: CrmDatabase, messageId: string): EmailActivity | undefined {
  return activityByMessageId(db, 'outgoing', messageId) ?? activityByMessageId(db, 'incoming', messageId);
}
