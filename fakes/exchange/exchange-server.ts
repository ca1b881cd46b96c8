// One Exchange server: SMTP reception (per stage, by transport-policy), a transport queue kept on disk (it survives
// a crash, as mail.que does), delivery into its mailbox databases, and the inbox rules of the mailboxes it holds.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailboxKind, SmtpStage } from '../../sim/ledger/records.js';
import { NO_ADDRESSES, domainOf, recipientsOf, type MailMessage } from '../mail/mail-message.js';
import { NO_REJECTIONS, OUTCOME, REPLY, type SmtpOutcome, type SmtpReply } from '../mail/smtp-reply.js';
import type { ExchangeConfig, MailboxHome } from './exchange-config.js';
import { newDatabase, type DatabaseState, type StoreItem } from './mailbox-store.js';
import { holdDelivered, holdSentOut, newSafetyNet, type SafetyNet } from './safety-net.js';
import { replyToData, replyToRecipient, replyToSendingLimits, type SendingHistory } from './transport-policy.js';
import { copiesByRules, folderByRules } from './inbox-rules.js';
import { ACT_READ, ACT_WRITE, applyActWrite, itemsOf, type ActWrite } from './act-items.js';
import { MAILBOX_DELETE, MAILBOX_ORG, MAILBOX_READ, deleteItem, readFolder, type MailboxDelete, type MailboxOrg, type MailboxRead } from './mailbox-access.js';
import { USER_ACTION, applyUserAction, isOutlookAction, type DeliveryNotice, type UserAction } from './user-actions.js';
import { lowerCase } from '../mail/lower-case.js';
import type { HomeLookup } from './home-lookup.js';
import { MAILBOX_UNAVAILABLE, askMailbox, isMailboxTag, type MailboxAnswerOf, type MailboxRequestOf, type MailboxTag, type MailboxUnavailable } from './mailbox-protocol.js';

/** What every server of one organisation shares: configuration, the directory, the ledger, the eligibility test. */
export interface ExchangeOrg {
  readonly config: ExchangeConfig;
  readonly directory: ReadonlyMap<string, MailboxHome>;
  readonly ledger: Ledger;
  /** Would the CRM organisation track this copy (S9)? Worlds without CRM say no. */
  readonly eligible: (message: MailMessage, mailbox: string, kind: MailboxKind) => boolean;
  /** The actor playing the organisation's people (reads, files, deletes, replies), if the scenario has one. */
  readonly people: string | null;
  /** Outside domain -> the sender actor that receives mail sent there (and may reply). */
  readonly outsideSenders: ReadonlyMap<string, string>;
  /**
   * Mailboxes whose copying inbox rules (the router's: forward, redirect) an administrator removed, as a cutover from
   * the router does. Rules live in the mailbox. A person's own move rules stay.
   */
  readonly rulesRemoved: Set<string>;
  /** The directory, remembering the last mailbox asked after (clients' requests come in runs about one mailbox). */
  readonly homes: HomeLookup;
}

export interface QueueEntry {
  readonly id: number;
  readonly message: MailMessage;
  /** Recipients this server still has to deliver or hand on. */
  recipients: readonly string[];
  dueMs: number;
  /** When transport took the message: after `messageExpirationMs` in the queue it returns an NDR (X1). */
  readonly queuedAtMs: number;
}

export interface ExchangeServerDurable {
  readonly name: string;
  /** Inbound mail flow stopped at the firewall: outside SMTP connections fail, the server itself stays up. */
  inboundBlocked: boolean;
  /** An injected fault on the SMTP listener (outside MTAs, CRM's outbound): a reply at one stage, or the 250 lost after DATA. */
  stageFault: StageFault | null;
  readonly databases: Map<string, DatabaseState>;
  /** In id order (the order transport took them). An array: the queue is walked whole on every run anyway. */
  queue: QueueEntry[];
  /** What each mailbox has sent lately, against the sending limits. */
  readonly sendingHistory: Map<string, SendingHistory>;
  /** Delivered messages held for resubmission after a failover or lagged-copy activation (X2), oldest first. */
  safetyNet: SafetyNet;
  nextQueueId: number;
  nextStoreId: number;
  nextMessageNumber: number;
}

export function newExchangeServerDurable(name: string, config: ExchangeConfig): ExchangeServerDurable {
  const databases = new Map<string, DatabaseState>();
  for (const db of config.databases.filter((d) => d.server === name)) {
    const mailboxes = config.mailboxes.filter((m) => m.database === db.name).map((m) => m.address);
    databases.set(db.name, newDatabase(db.name, mailboxes));
  }
  return {
    name, inboundBlocked: false, stageFault: null, databases, queue: [], sendingHistory: new Map(), safetyNet: newSafetyNet(), nextQueueId: 1, nextStoreId: 1, nextMessageNumber: 1,
  };
}

export interface StageFault {
  readonly stage: SmtpStage;
  /** null: accept the message but drop the reply after DATA (only at end-of-data). */
  readonly reply: SmtpReply | null;
}

export interface SmtpSubmission {
  readonly message: MailMessage;
  readonly authenticated: boolean;
  /** Submitted from the sender's own mailbox (Outlook, OWA), which keeps a copy in Sent Items; SMTP clients such as
   * CRM's outbound never leave one (O3). */
  readonly fromMailbox?: boolean;
  /** The person tracked the mail as they sent it (App for Outlook): the Sent Items copy is marked for sync (S16). */
  readonly trackSentCopy?: boolean;
}

export interface RelayRequest {
  readonly message: MailMessage;
  readonly recipients: readonly string[];
  readonly latencyMs: number;
}

/** Stages answered before the recipients are looked at. */
const EARLY_STAGES: ReadonlySet<SmtpStage> = new Set(['connect', 'ehlo', 'mail', 'rcpt']);

export function exchangeServer(org: ExchangeOrg) {
  const { config, directory, ledger } = org;
  const site = new Map(config.servers.map((s) => [s.name, s.site]));

  return (ctx: ActorContext, disk: ExchangeServerDurable): Actor => {
    // Memory only: the one pending queue-run timer and when it fires (lost on a crash; onStart schedules a run from
    // the disk queue). An earlier run replaces a later one, so runs never pile up.
    let nextRunAtMs = Infinity;
    let runTimer: number | null = null;

    const scheduleRun = (atMs: number): void => {
      if (atMs >= nextRunAtMs) return;
      if (runTimer !== null) ctx.cancelTimer(runTimer);
      nextRunAtMs = atMs;
      runTimer = ctx.setTimer(Math.max(0, atMs - ctx.nowMs()), 'queue-run');
    };

    const newMessageId = (): string => `<${disk.nextMessageNumber++}.${disk.name}@${config.acceptedDomains[0] ?? 'exchange.invalid'}>`;

    const enqueue = (message: MailMessage, recipients: readonly string[], dueMs: number): void => {
      disk.queue.push({ id: disk.nextQueueId++, message, recipients, dueMs, queuedAtMs: ctx.nowMs() });
      scheduleRun(dueMs);
    };

    const deliver = (message: MailMessage, home: MailboxHome): boolean => {
      const db = disk.databases.get(home.mailbox.database);
      if (db === undefined || !db.mounted) return false;
      const address = home.mailbox.address.toLowerCase();
      // A copy forwarded as an attachment is, for the ledger, a copy of the original inside it (R2).
      const key = message.attached?.key ?? message.key;
      // [I] The junk filter sees only mail from the Internet, and junked mail is not forwarded by inbox rules.
      const junk = message.external === true && message.viaRule !== true && home.mailbox.kind === 'user'
        && config.settings.junkProbability > 0 && ctx.rng.chance(config.settings.junkProbability);
      // A person's move rule files the message as it arrives: it is never in the root Inbox (S6, R4). Removing the
      // router's rules (a cutover) leaves the person's own.
      const rulesRun = !junk && home.mailbox.rules.length > 0;
      const folder = junk ? 'Junk' : (rulesRun ? folderByRules(message, home.mailbox) : null) ?? 'Inbox';
      const storeId = disk.nextStoreId++;
      const item: StoreItem = message.attached === undefined
        ? { storeId, key, messageId: message.messageId, message, folder, receivedAtMs: ctx.nowMs() }
        : { storeId, key, messageId: message.messageId, message, folder, receivedAtMs: ctx.nowMs(), attachedMessageId: message.attached.messageId };
      db.itemLists.get(address)?.push(item);
      holdDelivered(disk.safetyNet, address, item, config.settings.safetyNetHoldMs);
      ledger.delivered(key, address, home.mailbox.kind, folder, org.eligible(message.attached ?? message, address, home.mailbox.kind));
      // People see what lands in Junk too: some of it they move back to the Inbox (S6).
      if (org.people !== null && home.mailbox.kind === 'user') {
        const notice: DeliveryNotice = { mailbox: address, storeId, message, folder };
        ctx.send(org.people, 'delivered', notice, 0);
      }
      if (!rulesRun || org.rulesRemoved.has(address)) return true;
      for (const copy of copiesByRules(message, home.mailbox, newMessageId, ledger)) {
        enqueue(copy.message, copy.recipients, ctx.nowMs());
      }
      return true;
    };

    const sendOut = (message: MailMessage, recipient: string): void => {
      ledger.sentOut(message.key, recipient);
      const receiver = org.outsideSenders.get(domainOf(recipient));
      if (receiver !== undefined) ctx.send(receiver, 'received', { message, recipient }, 0);
    };

    const latencyTo = (server: string): number =>
      site.get(server) === site.get(disk.name) ? config.settings.intraSiteLatencyMs : config.settings.interSiteLatencyMs;

    /** Delivers or hands on what it can of one entry; returns the recipients still waiting. */
    const work = (entry: QueueEntry): readonly string[] => {
      // Most entries are delivered whole: the lists are made only when something waits or goes to another server.
      let waiting: string[] | null = null;
      let remote: Map<string, string[]> | null = null;
      for (const recipient of entry.recipients) {
        const home = directory.get(lowerCase(recipient));
        if (home === undefined) {
          // Not ours: an authenticated submission to an outside address leaves for the Internet.
          sendOut(entry.message, recipient);
          holdSentOut(disk.safetyNet, ctx.nowMs(), recipient, entry.message, config.settings.safetyNetHoldMs);
          continue;
        }
        if (home.server === disk.name) {
          if (!deliver(entry.message, home)) (waiting ??= []).push(recipient);
        } else {
          remote ??= new Map();
          const list = remote.get(home.server);
          if (list === undefined) remote.set(home.server, [recipient]);
          else list.push(recipient);
        }
      }
      for (const [server, recipients] of remote ?? []) {
        const relay: RelayRequest = { message: entry.message, recipients, latencyMs: latencyTo(server) };
        if (!ctx.request(server, 'relay', relay).ok) (waiting ??= []).push(...recipients);
      }
      return waiting ?? NO_ADDRESSES;
    };

    const runQueue = (): void => {
      nextRunAtMs = Infinity;
      runTimer = null;
      const now = ctx.nowMs();
      let earliest = Infinity;
      // The entries still waiting are compacted to the front in place. Entries a delivery adds during the run (inbox
      // rules' copies) are not worked now: they come after `count` and keep their place behind the others.
      const queue = disk.queue;
      const count = queue.length;
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const entry = queue[i] as QueueEntry;
        if (entry.dueMs <= now) {
          entry.recipients = work(entry);
          if (entry.recipients.length > 0 && now - entry.queuedAtMs >= config.settings.messageExpirationMs) {
            // X1: Exchange's own queues give up after the expiration too, and tell the author.
            ledger.bounced(entry.message.attached?.key ?? entry.message.key,
              `NDR: expired in ${disk.name}'s queue for ${entry.recipients.join(', ')}`, entry.recipients);
            entry.recipients = NO_ADDRESSES;
          }
          if (entry.recipients.length === 0) continue;
          entry.dueMs = now + config.settings.transientRetryIntervalMs;
        }
        queue[kept++] = entry;
        earliest = Math.min(earliest, entry.dueMs);
      }
      for (let i = count; i < queue.length; i++) queue[kept++] = queue[i] as QueueEntry;
      queue.length = kept;
      if (earliest < Infinity) scheduleRun(earliest);
    };

    /** A mailbox's own submission leaves a copy in its Sent Items. */
    const keepSentCopy = (message: MailMessage, trackRequested: boolean): void => {
      const home = directory.get(message.from);
      const db = home === undefined ? undefined : disk.databases.get(home.mailbox.database);
      if (db === undefined || !db.mounted) return;
      db.itemLists.get(message.from)?.push({
        storeId: disk.nextStoreId++, key: message.key, messageId: message.messageId, message, folder: 'Sent Items', receivedAtMs: ctx.nowMs(), sent: true,
        ...(trackRequested ? { trackRequested } : {}),
      });
      if (trackRequested) db.everMarked.add(message.from);
      ledger.sentCopy(message.key, message.from);
    };

    /**
     * Transport stamps a missing Message-ID once, on arrival, so every copy carries the same one, and marks mail from
     * the Internet as external. A message that already says all that (generated outside traffic does) is kept as it
     * is rather than copied.
     */
    const stampedOnArrival = (message: MailMessage, external: boolean): MailMessage => {
      const messageId = message.messageId === null && config.settings.assignMessageId ? newMessageId() : message.messageId;
      if (messageId === message.messageId && message.external === external) return message;
      return { ...message, messageId, external };
    };

    const receive = (submission: SmtpSubmission): SmtpOutcome => {
      if (disk.inboundBlocked && !submission.authenticated) return OUTCOME.blocked;
      const { message } = submission;
      // A stage fault is on the SMTP listener: outside MTAs and SMTP clients such as CRM meet it, a mailbox's own
      // submission (MAPI) does not.
      const fault = submission.fromMailbox === true ? null : disk.stageFault;
      if (fault?.reply != null && EARLY_STAGES.has(fault.stage)) {
        return { kind: 'replied', stage: fault.stage, reply: fault.reply, rejectedRecipients: NO_REJECTIONS };
      }
      const limits = config.settings.sendingLimits;
      if (submission.authenticated && limits !== null) {
        let history = disk.sendingHistory.get(message.from);
        if (history === undefined) disk.sendingHistory.set(message.from, (history = { minute: [], day: [] }));
        const refusal = replyToSendingLimits(limits, history, recipientsOf(message).length, ctx.nowMs());
        if (refusal !== null) return { kind: 'replied', stage: 'rcpt', reply: refusal, rejectedRecipients: NO_REJECTIONS };
      }
      const accepted: string[] = [];
      let rejected: Array<{ address: string; reply: SmtpReply }> | null = null;
      for (const address of recipientsOf(message)) {
        const reply = replyToRecipient(config, directory, address, submission.authenticated);
        if (reply.code === 250) accepted.push(lowerCase(address));
        else (rejected ??= []).push({ address, reply });
      }
      if (accepted.length === 0) {
        return { kind: 'replied', stage: 'rcpt', reply: rejected?.[0]?.reply ?? REPLY.noValidRecipients, rejectedRecipients: rejected ?? NO_REJECTIONS };
      }
      if (fault?.reply != null) return { kind: 'replied', stage: fault.stage, reply: fault.reply, rejectedRecipients: rejected ?? NO_REJECTIONS };
      const dataReply = replyToData(config, message.sizeBytes);
      if (dataReply.code !== 250) return { kind: 'replied', stage: 'end-of-data', reply: dataReply, rejectedRecipients: rejected ?? NO_REJECTIONS };
      ledger.accepted(message.key, accepted.every((a) => directory.has(a)) ? accepted : accepted.filter((a) => directory.has(a)));
      const stamped = stampedOnArrival(message, !submission.authenticated);
      if (submission.fromMailbox === true) keepSentCopy(stamped, submission.trackSentCopy === true);
      enqueue(stamped, accepted, ctx.nowMs());
      if (fault !== null && fault.reply === null) return OUTCOME.replyLost;
      if (rejected === null && dataReply === REPLY.queued) return OUTCOME.queued;
      return { kind: 'replied', stage: 'end-of-data', reply: dataReply, rejectedRecipients: rejected ?? NO_REJECTIONS };
    };

    /**
     * A client's request about one mailbox (read, delete, OrgID, ACT items, a person's action on an item). The
     * mailbox is looked up once, lower-cased, and the organisation remembers the last one (server-side sync asks
     * 10,000 mailboxes every 5 minutes at scale, several requests each, and each look-up is a miss in a large map).
     */
    const mailboxRequest = (tag: MailboxTag, data: MailboxRequestOf<MailboxTag>): MailboxAnswerOf<MailboxTag> | MailboxUnavailable => {
      const home = org.homes.find(data.mailbox);
      const mailbox = org.homes.key;
      // Clients may connect to any server: one that does not hold the mailbox proxies to the one that does, as
      // Exchange's client access does.
      if (home !== undefined && home.server !== disk.name) {
        const proxied = askMailbox(ctx, home.server, tag, data);
        return proxied.ok ? proxied.value : MAILBOX_UNAVAILABLE;
      }
      const db = disk.databases.get(home?.mailbox.database ?? '');
      if (db === undefined || !db.mounted) return MAILBOX_UNAVAILABLE;
      if (tag === MAILBOX_READ) return readFolder(db, data as MailboxRead, mailbox);
      if (tag === USER_ACTION) {
        const action = data as UserAction;
        if (action.kind === 'send') return receive({ message: action.message, authenticated: true, fromMailbox: true, ...(action.track === true ? { trackSentCopy: true } : {}) });
        if (isOutlookAction(action)) return MAILBOX_UNAVAILABLE;
        return applyUserAction(db, action.mailbox === mailbox ? action : { ...action, mailbox }, ledger);
      }
      if (tag === MAILBOX_DELETE) {
        const item = deleteItem(db, data as MailboxDelete);
        if (item === undefined) return 'gone';
        if (item.sent !== true) ledger.removed(item.key, mailbox, 'processed', item.folder); // not a received copy: see user-actions.ts
        return 'done';
      }
      if (tag === MAILBOX_ORG) {
        const request = data as MailboxOrg;
        if (request.set !== undefined) db.syncOrg.set(mailbox, request.set);
        return db.syncOrg.get(mailbox) ?? null;
      }
      return tag === ACT_READ ? itemsOf(db.act, mailbox).map((i) => ({ ...i })) : applyActWrite(db.act, data as ActWrite);
    };

    return {
      onStart() {
        let earliest = Infinity;
        for (const entry of disk.queue) earliest = Math.min(earliest, entry.dueMs);
        if (earliest < Infinity) scheduleRun(Math.max(earliest, ctx.nowMs()));
      },
      onTimer() {
        runQueue();
      },
      onRequest(_from, tag, data) {
        if (tag === 'smtp') return receive(data as SmtpSubmission);
        if (isMailboxTag(tag)) return mailboxRequest(tag, data as MailboxRequestOf<MailboxTag>);
        const relay = data as RelayRequest;
        enqueue(relay.message, relay.recipients, ctx.nowMs() + relay.latencyMs);
        return true;
      },
    };
  };
}
