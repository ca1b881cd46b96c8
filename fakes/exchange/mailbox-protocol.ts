// The requests a client makes of an Exchange server about one mailbox, and what each answers, in one table: the
// clients (router, server-side sync, Outlook, people) and the server agree on the types through it, and the answer for
// a mailbox that cannot be reached is written once.
import type { ActorContext, RequestResult } from '../../sim/core/actor.js';
import type { SmtpOutcome } from '../mail/smtp-reply.js';
import { ACT_READ, ACT_WRITE, type ActRead, type ActWrite, type ExchangeActItem } from './act-items.js';
import { MAILBOX_DELETE, MAILBOX_ORG, MAILBOX_READ, type MailboxDelete, type MailboxOrg, type MailboxRead, type ReadItem } from './mailbox-access.js';
import { USER_ACTION, type StoreAction, type UserAction } from './user-actions.js';

/**
 * The server's answer when it reached no mailbox: the database holding it is dismounted, the server it proxied to did
 * not answer, or the action is one the user's Outlook handles (not the store). A reply, not a refused connection:
 * a client that needs to tell the two apart (sync's reasons do) looks at `ok`.
 */
export const MAILBOX_UNAVAILABLE = 'unavailable';
export type MailboxUnavailable = typeof MAILBOX_UNAVAILABLE;

/** Each request tag: what the client sends, what a reached mailbox answers. */
export interface MailboxProtocol {
  [MAILBOX_READ]: { request: MailboxRead; answer: ReadItem[] };
  /** 'gone': the item was no longer there. */
  [MAILBOX_DELETE]: { request: MailboxDelete; answer: 'done' | 'gone' };
  /** The mailbox's OrgID (S13), or null for none. */
  [MAILBOX_ORG]: { request: MailboxOrg; answer: string | null };
  /** Copies of the mailbox's appointments, contacts and tasks (S15). */
  [ACT_READ]: { request: ActRead; answer: ExchangeActItem[] };
  /** false: the item to change was not there. */
  [ACT_WRITE]: { request: ActWrite; answer: boolean };
  /** A send answers as SMTP would (the mailbox's own submission); an action on a stored item, 'done' or 'gone'. */
  [USER_ACTION]: { request: UserAction; answer: SmtpOutcome | 'done' | 'gone' };
}

export type MailboxTag = keyof MailboxProtocol;
export type MailboxRequestOf<K extends MailboxTag> = MailboxProtocol[K]['request'];
export type MailboxAnswerOf<K extends MailboxTag> = MailboxProtocol[K]['answer'];

/** Is this request one of the table's? (Compared one by one: a server asks it of every request it gets.) */
export function isMailboxTag(tag: string): tag is MailboxTag {
  return tag === MAILBOX_READ || tag === MAILBOX_ORG || tag === MAILBOX_DELETE || tag === USER_ACTION || tag === ACT_READ || tag === ACT_WRITE;
}

/** A mailbox request's result as the engine hands it back, with the answer typed by the tag. */
export type MailboxReply<A> =
  | { readonly ok: true; readonly value: A | MailboxUnavailable }
  | Extract<RequestResult, { ok: false }>;

/** A reply that reached the mailbox. */
export type MailboxReached<A> = { readonly ok: true; readonly value: A };

/**
 * Asks `server` about a mailbox. The result is the engine's own (no object is made here: sync asks 10,000 mailboxes
 * every cycle at scale); `reached` says whether it holds an answer.
 */
export function askMailbox<K extends MailboxTag>(
  ctx: Pick<ActorContext, 'request'>, server: string, tag: K, request: MailboxRequestOf<K>,
): MailboxReply<MailboxAnswerOf<K>> {
  return ctx.request(server, tag, request) as MailboxReply<MailboxAnswerOf<K>>;
}

/** A send from the mailbox (its own submission, a copy kept in Sent Items): answered as SMTP would. */
export function sendFromMailbox(
  ctx: Pick<ActorContext, 'request'>, server: string, send: Extract<UserAction, { kind: 'send' }>,
): MailboxReply<SmtpOutcome> {
  return askMailbox(ctx, server, USER_ACTION, send) as MailboxReply<SmtpOutcome>;
}

/** An action on a stored item (read, file, delete, mark): 'done', or 'gone' when the item is no longer there. */
export function actOnItem(ctx: Pick<ActorContext, 'request'>, server: string, action: StoreAction): MailboxReply<'done' | 'gone'> {
  return askMailbox(ctx, server, USER_ACTION, action) as MailboxReply<'done' | 'gone'>;
}

/** Did the request reach the mailbox (the server answered, and not with MAILBOX_UNAVAILABLE)? */
export function reached<A>(reply: MailboxReply<A>): reply is MailboxReached<A> {
  return reply.ok && reply.value !== MAILBOX_UNAVAILABLE;
}
