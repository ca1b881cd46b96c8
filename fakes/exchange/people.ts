// The organisation's people: they read mail, file it out of the Inbox, delete it and reply, each with a seeded probability and
// delay, and send their own internal mail. They act through their mailbox server; while it is down or the database
// is dismounted they try again later, as Outlook does with its Outbox.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { recipientsOf, domainOf, type MailMessage } from '../mail/mail-message.js';
import type { ExplicitMessage } from '../internet/traffic.js';
import { USER_ACTION, isOutlookAction, type DeliveryNotice, type UserAction } from './user-actions.js';
import { trackWithApp } from '../outlook/app-for-outlook.js';
import { formatReply, isTransient } from '../mail/smtp-reply.js';
import { askMailbox, reached } from './mailbox-protocol.js';

export const PEOPLE_ACTOR = 'people';

export interface Habit {
  readonly probability: number;
  readonly meanDelayMs: number;
}

export interface PeopleConfig {
  /** Open a received message. */
  readonly read: Habit;
  /** Move a received message out of the Inbox into `fileFolder`. */
  readonly file: Habit;
  readonly fileFolder: string;
  /**
   * Move a message back to the Inbox: out of Junk ("Not junk"), or out of the folder it was filed into (the delay
   * then counts from the filing). S6: server-side sync never processes it if later mail was processed meanwhile.
   */
  readonly moveBack: Habit;
  /** Delete a received message (to Deleted Items). Drawn only when the message is not filed. */
  readonly delete: Habit;
  /** Reply to the sender, independently of filing or deleting. */
  readonly reply: Habit;
  /** Click "Track in CRM" on a received message: in Outlook with the CRM client (C1), or the App for Outlook (C4). */
  readonly track: Habit;
  /** Wait before trying again while the mailbox server cannot be reached. [I] 5 min */
  readonly retryIntervalMs: number;
  /** Mail the users send themselves, sorted by time. */
  readonly messages: readonly ExplicitMessage[];
}

interface Pending {
  readonly action: UserAction;
  submitted: boolean;
  /** What the person does once this action is done (moving filed mail back), and how long after. */
  readonly then?: { readonly action: UserAction; readonly delayMs: number };
}

export interface PeopleDurable {
  readonly pending: Map<number, Pending>;
  nextId: number;
  nextExplicit: number;
  nextReply: number;
}

export function newPeopleDurable(): PeopleDurable {
  return { pending: new Map(), nextId: 1, nextExplicit: 0, nextReply: 1 };
}

/**
 * `outlookOf` names the actor playing a user's Outlook with the CRM client, or null for a user without one; tracking
 * and tracked sends go there, everything else to the mailbox server. `appForOutlookOf` names the CRM server a user
 * without the client tracks with through the App for Outlook (C4, S16), or null for a user who cannot; `appReady` says
 * whether the app works for the mailbox now: server-side sync has it approved and enabled (S3, S4). Until it does, a
 * track is only the mark, which sync promotes once it reads the mailbox.
 */
export function people(
  ledger: Ledger, config: PeopleConfig, homeServerOf: (mailbox: string) => string, outlookOf: (mailbox: string) => string | null = () => null,
  appForOutlookOf: (mailbox: string) => string | null = () => null, appReady: (mailbox: string) => boolean = () => true,
) {
  const tracksThroughMailbox = (mailbox: string): boolean => appForOutlookOf(mailbox) !== null;
  /**
   * Without the CRM client, a user on server-side sync tracks through the mailbox: the item is marked (S16), then the
   * app asks CRM at once (C4, trackAtOnce); a tracked send is marked in Sent Items, and sync picks it up there.
   */
  const throughMailbox = (action: UserAction): UserAction | null => {
    if (!isOutlookAction(action) || outlookOf(action.mailbox) !== null || !tracksThroughMailbox(action.mailbox)) return action;
    if (action.kind === 'send-tracked') return { kind: 'send', mailbox: action.mailbox, message: action.message, track: true };
    if (action.kind === 'track') return { kind: 'mark-for-tracking', mailbox: action.mailbox, storeId: action.storeId };
    return null;
  };
  const canTrack = (mailbox: string): boolean => outlookOf(mailbox) !== null || tracksThroughMailbox(mailbox);
  return (ctx: ActorContext, disk: PeopleDurable): Actor => {
    const plan = (action: UserAction, delayMs: number, then?: Pending['then']): void => {
      const id = disk.nextId++;
      disk.pending.set(id, then === undefined ? { action, submitted: false } : { action, submitted: false, then });
      ctx.setTimer(delayMs, 'act', id);
    };

    /**
     * C4: once the item is marked, the App for Outlook asks CRM at once. Tracked (or found tracked by another path,
     * S8), the item shows so and sync leaves it alone; CRM down or erroring, the mark stays and sync promotes the item
     * at its next cycle, unless the person has deleted it by then (sync never reads Deleted Items).
     */
    const trackAtOnce = (track: Extract<UserAction, { kind: 'track' }>, server: string): void => {
      const crm = appForOutlookOf(track.mailbox);
      if (crm === null || !appReady(track.mailbox) || trackWithApp(ctx, crm, track.mailbox, track.message) === 'failed') return;
      const shown: UserAction = { kind: 'tracked-in-crm', mailbox: track.mailbox, storeId: track.storeId };
      askMailbox(ctx, server, USER_ACTION, shown);
    };

    const act = (id: number): void => {
      const pending = disk.pending.get(id);
      if (pending === undefined) return;
      const action = throughMailbox(pending.action) ?? pending.action;
      const sends = action.kind === 'send' || action.kind === 'send-tracked';
      if (sends && !pending.submitted) {
        pending.submitted = true;
        ledger.submitted(action.message.key, action.message.from, recipientsOf(action.message));
      }
      const target = isOutlookAction(action) ? outlookOf(action.mailbox) : homeServerOf(action.mailbox);
      if (target === null) {
        disk.pending.delete(id);
        return;
      }
      const reply = askMailbox(ctx, target, USER_ACTION, action);
      if (!reached(reply)) {
        ctx.setTimer(config.retryIntervalMs, 'act', id);
        return;
      }
      if (sends && typeof reply.value === 'object' && reply.value !== null) {
        const outcome = reply.value;
        if (outcome.kind === 'replied' && outcome.reply.code >= 300) {
          ledger.smtpAttempt(action.message.key, outcome.stage, formatReply(outcome.reply));
          // A 4xx (over the sending rate) stays in the Outbox; a 5xx comes back to the user as an NDR.
          if (isTransient(outcome.reply)) {
            ctx.setTimer(config.retryIntervalMs, 'act', id);
            return;
          }
          ledger.bounced(action.message.key, `NDR: ${formatReply(outcome.reply)}`);
        }
      }
      disk.pending.delete(id);
      if (action.kind === 'mark-for-tracking' && pending.action.kind === 'track' && reply.value === 'done') trackAtOnce(pending.action, target);
      // Nothing to move back when the filing found the message gone (deleted, rolled back by a restore).
      if (pending.then !== undefined && reply.value !== 'gone') plan(pending.then.action, pending.then.delayMs);
    };

    const replyTo = (notice: DeliveryNotice): UserAction => {
      const original = notice.message;
      const id = `<reply-${disk.nextReply++}@${domainOf(notice.mailbox)}>`;
      const message: MailMessage = {
        key: id, messageId: id, from: notice.mailbox, to: [original.from], cc: [], subject: `RE: ${original.subject}`,
        sizeBytes: 4_000,
        ...(original.messageId === null ? {} : { inReplyTo: original.messageId, references: [original.messageId] }),
      };
      return { kind: 'send', mailbox: notice.mailbox, message };
    };

    const movesBack = (): boolean => config.moveBack.probability > 0 && ctx.rng.chance(config.moveBack.probability);
    const backToInbox = (notice: DeliveryNotice): UserAction => ({ kind: 'file', mailbox: notice.mailbox, storeId: notice.storeId, folder: 'Inbox' });

    const scheduleExplicit = (): void => {
      const next = config.messages[disk.nextExplicit];
      if (next !== undefined) ctx.setTimer(Math.max(0, next.atMs - ctx.nowMs()), 'explicit');
    };

    return {
      onStart() {
        scheduleExplicit();
        for (const id of disk.pending.keys()) ctx.setTimer(0, 'act', id);
      },
      onMessage(_from, _tag, data) {
        const notice = data as DeliveryNotice;
        // Junk is only ever moved back (or left alone). No draw while nobody moves mail back: seeds keep their runs.
        if (notice.folder === 'Junk') {
          if (movesBack()) plan(backToInbox(notice), ctx.rng.exponentialMs(config.moveBack.meanDelayMs));
          return;
        }
        if (ctx.rng.chance(config.read.probability)) {
          plan({ kind: 'read', mailbox: notice.mailbox, storeId: notice.storeId }, ctx.rng.exponentialMs(config.read.meanDelayMs));
        }
        const draw = ctx.rng.uniform();
        if (draw < config.file.probability) {
          const file: UserAction = { kind: 'file', mailbox: notice.mailbox, storeId: notice.storeId, folder: config.fileFolder };
          const filedAfterMs = ctx.rng.exponentialMs(config.file.meanDelayMs);
          // Moved back only once it is filed: a filing that waits for its server (Outbox) delays the move back too.
          if (movesBack()) plan(file, filedAfterMs, { action: backToInbox(notice), delayMs: ctx.rng.exponentialMs(config.moveBack.meanDelayMs) });
          else plan(file, filedAfterMs);
        } else if (draw < config.file.probability + config.delete.probability) {
          plan({ kind: 'delete', mailbox: notice.mailbox, storeId: notice.storeId }, ctx.rng.exponentialMs(config.delete.meanDelayMs));
        }
        if (config.track.probability > 0 && canTrack(notice.mailbox) && ctx.rng.chance(config.track.probability)) {
          const track: UserAction = { kind: 'track', mailbox: notice.mailbox, storeId: notice.storeId, message: notice.message };
          plan(track, ctx.rng.exponentialMs(config.track.meanDelayMs));
        }
        if (notice.message.viaRule !== true && ctx.rng.chance(config.reply.probability)) {
          plan(replyTo(notice), ctx.rng.exponentialMs(config.reply.meanDelayMs));
        }
      },
      onTimer(tag, data) {
        if (tag === 'act') return act(data as number);
        const next = config.messages[disk.nextExplicit++];
        if (next !== undefined) plan({ kind: next.tracked === true ? 'send-tracked' : 'send', mailbox: next.message.from, message: next.message }, 0);
        scheduleExplicit();
      },
    };
  };
}
