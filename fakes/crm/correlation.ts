// S10: which existing CRM email an incoming message belongs with, tried in the documented order: In-Reply-To (the
// Message-ID of an email in CRM), the tracking token in the subject, the conversation index, then smart matching
// (off by default). parentactivityid is set only for In-Reply-To and conversation-index matches.
import type { MailMessage } from '../mail/mail-message.js';
import { activityWithMessageId, type CrmDatabase } from './crm-database.js';
import type { CrmSettings } from './crm-config.js';
import { CORRELATION, type CorrelationMethod, type EmailActivity } from './email-activity.js';
import { findToken } from './tracking-token.js';
import { subjectHash } from './smart-matching.js';
import { subjectCandidates } from './subject-index.js';

export interface Correlation {
  readonly method: CorrelationMethod;
  /** The earlier email it correlated with, if any. */
  readonly match: EmailActivity | null;
  /** The token the subject carries, matched or not (an unmatched token makes NoCorrelationMatch, S8). */
  readonly token: string | null;
}

export const NO_CORRELATION: Correlation = { method: CORRELATION.none, match: null, token: null };

/** Marks a conversation index kept as the hex of its bytes: a 22-byte header, then one 5-byte block per reply. */
const BYTES = 'bytes:';
const HEADER_BYTES = 22;
const BLOCK_BYTES = 5;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The conversation index, from Thread-Index (the header Outlook and Exchange keep it in). A real one is base64 of a
 * 22-byte header plus 5 bytes per reply, so a reply's bytes extend its parent's although its base64 text does not
 * (padding): it is compared as bytes. Anything else is compared as text, a reply's extending its parent's. [I]
 */
export function conversationIndexOf(message: MailMessage): string | null {
  const headers = message.headers;
  if (headers === undefined) return null;
  // for-in rather than Object.entries: this runs for every message CRM judges, and most carry no headers to list.
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || value.length === 0 || name.toLowerCase() !== 'thread-index') continue;
    const text = value.trim();
    if (BASE64.test(text) && text.length % 4 === 0) {
      const bytes = Buffer.from(text, 'base64');
      if (bytes.length >= HEADER_BYTES && (bytes.length - HEADER_BYTES) % BLOCK_BYTES === 0) return `${BYTES}${bytes.toString('hex')}`;
    }
    return text;
  }
  return null;
}

/** The indexes of a conversation index's ancestors, nearest first. */
function ancestorsOf(index: string): string[] {
  const ancestors: string[] = [];
  if (index.startsWith(BYTES)) {
    for (let length = index.length - 2 * BLOCK_BYTES; length >= BYTES.length + 2 * HEADER_BYTES; length -= 2 * BLOCK_BYTES) {
      ancestors.push(index.slice(0, length));
    }
    return ancestors;
  }
  for (let length = index.length - 1; length > 0; length--) ancestors.push(index.slice(0, length));
  return ancestors;
}

export function correlate(db: CrmDatabase, settings: CrmSettings, message: MailMessage, nowMs: number): Correlation {
  const token = findToken(settings.token, message.subject);
  const byReply = message.inReplyTo === undefined ? undefined : activityWithMessageId(db, message.inReplyTo);
  if (byReply !== undefined) return { method: CORRELATION.inReplyTo, match: byReply, token };
  const byToken = token === null ? undefined : activityById(db, db.byToken.get(token));
  if (byToken !== undefined) return { method: CORRELATION.trackingToken, match: byToken, token };
  const byIndex = byConversationIndex(db, conversationIndexOf(message));
  if (byIndex !== undefined) return { method: CORRELATION.conversationIndex, match: byIndex, token };
  const bySubject = settings.smartMatching.enabled ? bySmartMatching(db, settings, message, nowMs) : undefined;
  if (bySubject !== undefined) return { method: CORRELATION.smartMatching, match: bySubject, token };
  // Nothing matched: the one shared answer, unless the subject carries a token (NoCorrelationMatch needs to know).
  return token === null ? NO_CORRELATION : { method: CORRELATION.none, match: null, token };
}

function activityById(db: CrmDatabase, id: string | undefined): EmailActivity | undefined {
  return id === undefined ? undefined : db.activities.get(id);
}

/** The nearest ancestor in the conversation that CRM has. */
function byConversationIndex(db: CrmDatabase, index: string | null): EmailActivity | undefined {
  if (index === null) return undefined;
  for (const ancestor of ancestorsOf(index)) {
    const match = activityById(db, db.byConversationIndex.get(ancestor));
    if (match !== undefined) return match;
  }
  return undefined;
}

/** S11: same subject hash, within the look-back, sharing at least `minMatchingRecipients` addresses; newest first. */
function bySmartMatching(db: CrmDatabase, settings: CrmSettings, message: MailMessage, nowMs: number): EmailActivity | undefined {
  const { maxSubjectWords, minMatchingRecipients, lookbackMs } = settings.smartMatching;
  const candidates = subjectCandidates(db.bySubjectHash, subjectHash(message.subject, maxSubjectWords));
  const addresses = new Set([message.from, ...message.to, ...message.cc].map((a) => a.toLowerCase()));
  for (let i = candidates.length - 1; i >= 0; i--) {
    const candidate = activityById(db, candidates[i]);
    if (candidate === undefined || candidate.createdAtMs < nowMs - lookbackMs) continue;
    const shared = [candidate.from, ...candidate.to, ...candidate.cc].filter((a) => addresses.has(a.toLowerCase()));
    if (new Set(shared).size >= minMatchingRecipients) return candidate;
  }
  return undefined;
}
