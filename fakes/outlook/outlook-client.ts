// One user's Outlook with the CRM client (C1-C4). With the user's incoming access set to Outlook it evaluates new
// Inbox mail while it runs (CheckIncomingEmail, then DeliverIncomingEmail a moment later); "Track in CRM" promotes a
// message (CheckPromoteEmail, then DeliverPromoteEmail), bypassing the filter; tracked mail sent through Outlook gets
// a token, goes out through Exchange (so it lands in Sent Items) and is promoted as outgoing. Offline, tracking
// waits (crmLinkState 1, pending) until the client is online again; CRM errors are retried, never dropped.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { MailMessage } from '../mail/mail-message.js';
import { MAILBOX_READ, type MailboxRead } from '../exchange/mailbox-access.js';
import type { UserAction } from '../exchange/user-actions.js';
import { CRM_REQUEST, callCrm as callCrmAt, type CheckIncomingAnswer, type DeliverAnswer, type PromoteCall } from '../crm/crm-api.js';
import type { IncomingEmail } from '../crm/check-incoming.js';
import type { ActivityDirection } from '../crm/email-activity.js';
import { LINK_STATE, nextLinkState, type LinkEvent, type LinkState } from './crm-link-state.js';
import { formatToken, nextCounter, withToken } from '../crm/tracking-token.js';
import { sendPendingEmail, type OutlookSending } from './outlook-outgoing.js';
import type { TokenSettings } from '../crm/crm-config.js';
import { MAILBOX_UNAVAILABLE, askMailbox, reached, sendFromMailbox } from '../exchange/mailbox-protocol.js';

export { LINK_STATE } from './crm-link-state.js';

export interface OutlookClientConfig {
  readonly mailbox: string;
  readonly homeServer: string;
  readonly crmServer: string;
  /** The user's incoming access is Outlook: new Inbox mail is evaluated automatically. */
  readonly evaluatesIncoming: boolean;
  /** The user's outgoing access is Outlook: the client sends the user's CRM email (R4). */
  readonly sending: OutlookSending | null;
  /** How often the client looks at the Inbox and retries waiting work. [I] 1 min */
  readonly pollIntervalMs: number;
  /** Between a Check... call and its Deliver... call. [I] 500 ms */
  readonly checkDeliverGapMs: number;
  /** For tokens made offline (S11's offline digit): the organisation's token format and the user's number. */
  readonly token: TokenSettings;
  readonly userNumber: number;
}

type Work =
  | { readonly kind: 'evaluate'; readonly storeId: number; readonly message: MailMessage }
  | { readonly kind: 'promote'; readonly storeId: number; readonly message: MailMessage; readonly direction: ActivityDirection };

export interface OutlookDurable {
  /** Offline mode: the client cannot reach CRM (C3); tracking waits. */
  online: boolean;
  /** The last Inbox item the client has seen. */
  lastSeenStoreId: number;
  /** crmLinkState per item (store id; sent items by their own negative ids). */
  readonly links: Map<number, LinkState>;
  /** Evaluations and promotions not finished yet, one per item (by store id; sent items by negative ids), oldest
   * first. One job per item, so the client never races itself into two activities for one message. */
  readonly work: Map<number, Work>;
  nextSentId: number;
  /** The counter of tokens made offline, which carry the offline digit so they never clash with CRM's own. */
  offlineTokenCounter: number;
}

export function newOutlookDurable(): OutlookDurable {
  return { online: true, lastSeenStoreId: 0, links: new Map(), work: new Map(), nextSentId: -1, offlineTokenCounter: 0 };
}

export const outlookActorName = (mailbox: string): string => `outlook:${mailbox}`;

export function outlookClient(config: OutlookClientConfig) {
  const caller = 'outlook';
  return (ctx: ActorContext, disk: OutlookDurable): Actor => {
    /** Items between their check and their deliver; lost on a crash, when the work is simply redone. */
    const inProgress = new Set<number>();

    const callCrm = <T>(tag: string, data: unknown): T | null => callCrmAt<T>(ctx, config.crmServer, tag, data);

    const scanInbox = (): void => {
      const read: MailboxRead = { mailbox: config.mailbox, folder: 'Inbox', afterStoreId: disk.lastSeenStoreId };
      const reply = askMailbox(ctx, config.homeServer, MAILBOX_READ, read);
      if (!reached(reply)) return;
      for (const item of reply.value) {
        disk.lastSeenStoreId = Math.max(disk.lastSeenStoreId, item.storeId);
        if (config.evaluatesIncoming && !disk.links.has(item.storeId) && !disk.work.has(item.storeId)) {
          addWork({ kind: 'evaluate', storeId: item.storeId, message: item.message });
        }
      }
    };

    const link = (storeId: number, event: LinkEvent): void => {
      const state = nextLinkState(disk.links.get(storeId), event);
      if (state !== undefined) disk.links.set(storeId, state);
    };

    const addWork = (work: Work): void => {
      if (work.kind === 'promote') link(work.storeId, 'track-asked');
      // Track in CRM on an item still waiting for its automatic evaluation replaces that job (S9: manual tracking
      // bypasses the filter); the item keeps its place in the queue.
      disk.work.set(work.storeId, work);
    };

    const incoming = (work: Work): IncomingEmail => ({ message: work.message, receivingMailbox: config.mailbox, caller });
    const promoteCall = (work: Work & { kind: 'promote' }): PromoteCall =>
      ({ message: work.message, direction: work.direction, mailbox: config.mailbox, regardingId: null, caller });

    /** The first half: the check. Returns false when CRM cannot be reached, to stop this round. */
    const begin = (id: number, work: Work): boolean => {
      if (work.kind === 'evaluate') {
        const answer = callCrm<CheckIncomingAnswer>(CRM_REQUEST.checkIncoming, incoming(work));
        if (answer === null) return false;
        if (answer.shouldDeliver) return schedule(id);
        disk.work.delete(id);
        return true;
      }
      const ok = callCrm<boolean>(CRM_REQUEST.checkPromote, promoteCall(work));
      if (ok === null) return false;
      if (ok) return schedule(id);
      // Already in CRM (another path tracked it): the item shows as tracked, and no second activity is made (C1).
      link(work.storeId, 'already-in-crm');
      disk.work.delete(id);
      return true;
    };

    const schedule = (id: number): boolean => {
      inProgress.add(id);
      ctx.setTimer(config.checkDeliverGapMs, 'deliver', id);
      return true;
    };

    /** The second half: the deliver. On a failure the work stays and starts again from the check. */
    const finish = (id: number): void => {
      inProgress.delete(id);
      const work = disk.work.get(id);
      if (work === undefined || !disk.online) return;
      const answer = work.kind === 'evaluate'
        ? callCrm<DeliverAnswer>(CRM_REQUEST.deliverIncoming, incoming(work))
        : callCrm<DeliverAnswer>(CRM_REQUEST.deliverPromote, promoteCall(work));
      if (answer === null) return;
      if (answer.delivered || work.kind === 'promote') link(work.storeId, answer.delivered ? 'promoted' : 'already-in-crm');
      disk.work.delete(id);
    };

    const round = (): void => {
      if (!disk.online) return;
      if (config.sending !== null) sendPendingEmail(ctx, config.sending);
      scanInbox();
      for (const [id, work] of disk.work) {
        if (inProgress.has(id)) continue;
        if (!begin(id, work)) break;
      }
    };

    /** S11: a token from CRM when it answers; otherwise one the client makes with the offline digit. */
    const tokenForSend = (): string => {
      const online = disk.online ? callCrm<string | null>(CRM_REQUEST.nextToken, { user: config.mailbox, offline: false }) : null;
      if (online !== null) return online;
      disk.offlineTokenCounter = nextCounter(config.token, disk.offlineTokenCounter);
      return formatToken(config.token, config.userNumber, disk.offlineTokenCounter, true);
    };

    /** Tracked mail written in Outlook: a token, the send through Exchange (a copy in Sent Items), then promotion. */
    const sendTracked = (message: MailMessage): unknown => {
      const tracked: MailMessage = { ...message, subject: withToken(message.subject, tokenForSend()) };
      const reply = sendFromMailbox(ctx, config.homeServer, { kind: 'send', mailbox: config.mailbox, message: tracked });
      if (!reached(reply)) return MAILBOX_UNAVAILABLE;
      const outcome = reply.value;
      if (outcome.kind === 'replied' && outcome.reply.code < 300) {
        addWork({ kind: 'promote', storeId: disk.nextSentId--, message: tracked, direction: 'outgoing' });
      }
      return outcome;
    };

    return {
      onStart() {
        // [I] Clients are not in step with each other: each starts its rounds at its own point in the interval.
        ctx.setTimer(ctx.rng.uniformInt(0, config.pollIntervalMs - 1), 'poll');
      },
      onTimer(tag, data) {
        if (tag === 'deliver') return finish(data as number);
        round();
        ctx.setTimer(config.pollIntervalMs, 'poll');
      },
      onRequest(_from, _tag, data) {
        const action = data as UserAction;
        if (action.kind === 'send-tracked') return sendTracked(action.message);
        if (action.kind === 'track') {
          if (disk.links.get(action.storeId) !== LINK_STATE.tracked) addWork({ kind: 'promote', storeId: action.storeId, message: action.message, direction: 'incoming' });
          return 'done';
        }
        if (action.kind === 'untrack') {
          link(action.storeId, 'untrack-asked');
          return 'done';
        }
        return MAILBOX_UNAVAILABLE;
      },
    };
  };
}
