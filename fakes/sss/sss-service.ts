// The server-side synchronization service for one organisation (S1-S7, S16, R14). It works only while the
// organisation's "Process Email Using" is server-side sync. Per enabled mailbox it reads the root Inbox past the
// watermark and Process Email From every cycle (5 min after the previous ends, S5), hands each item to CRM
// (CheckIncomingEmail, then DeliverIncomingEmail), deletes it where allowed (S1), and moves the watermark (S6);
// errors are transient (retried 10 times 5 min apart, then the mailbox is disabled) or permanent (disabled at once,
// S4). Test & Enable (S3) tests the mailbox and enables it, resetting its watermark. Pending Send email of enabled
// mailboxes goes out every 5 minutes, into Sent Items from 9.1 (S16).
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import { CRM_ERROR } from '../crm/explained-untracked.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { CRM_REQUEST, type PromoteCall, type BackgroundSendCall, type CheckIncomingAnswer, type CrmCall, type DeliverAnswer, type EmailProcessor, type EmailToSend } from '../crm/crm-api.js';
import type { IncomingEmail } from '../crm/check-incoming.js';
import type { ActivityDirection } from '../crm/email-activity.js';
import { sendResultOf } from '../crm/smtp-outbound.js';
import { MAILBOX_DELETE, MAILBOX_ORG, MAILBOX_READ, type MailboxDelete, type MailboxRead, type ReadItem } from '../exchange/mailbox-access.js';
import type { SmtpSubmission } from '../exchange/exchange-server.js';
import type { SmtpOutcome } from '../mail/smtp-reply.js';
import { newActStats, type ActMailboxState, type ActStats } from './act-sync.js';
import { ACT_TIMER, actCycles } from './act-cycle.js';
import { inboxReadBound, isDue, markDone, newMailboxRecord, type MailboxRecord } from './mailbox-record.js';
import { SyncCycles } from './sync-cycles.js';
import type { EmailServerProfile, SssConfig } from './sss-config.js';
import { actOnItem, askMailbox, reached, sendFromMailbox, type MailboxReply } from '../exchange/mailbox-protocol.js';

export const SSS_CALLER = 'sss';

export interface SssDurable {
  /**
   * Mailbox -> its record. Records are added (Test & Enable of a new mailbox) and changed in place, never replaced or
   * removed: the service's slots and timers hold them.
   */
  readonly records: Map<string, MailboxRecord>;
  /** Profiles by name (Process Email From can change during a run). */
  readonly profiles: Map<string, EmailServerProfile>;
  /** Test & Enable requests waiting for the service (an operation a person starts). */
  readonly testQueue: string[];
  /** Mailboxes whose access the service account lost: reads fail with 401 (S4, permanent). */
  readonly accessDenied: Set<string>;
  /** S2, S4: the alerts raised, oldest first. */
  readonly alerts: SssAlert[];
  /** Profiles whose "more than 50% of mailboxes failing" alert is raised (until they recover). */
  readonly profilesAlerted: Set<string>;
  /** S15: per user mailbox, what ACT sync linked; and what it did, for reports. */
  readonly act: Map<string, ActMailboxState>;
  readonly actStats: ActStats;
}

export function newSssDurable(config: SssConfig): SssDurable {
  return {
    records: new Map([...config.mailboxProfile.keys()].map((a) => [a, newMailboxRecord(a)])),
    profiles: new Map(config.profiles.map((p) => [p.name, { ...p }])),
    testQueue: [], accessDenied: new Set(), alerts: [], profilesAlerted: new Set(), act: new Map(), actStats: newActStats(),
  };
}

/** Users and queues whose CRM email this service sends (outgoing access "Server-Side Synchronization or Email Router"). */
export interface SssPeople {
  readonly senders: readonly string[];
  readonly approved: (address: string) => boolean;
}

/**
 * An item a cycle works on. `tracked`: the person tracked it through the mailbox (S16), in any folder; it is promoted
 * once, with the direction its folder gives (Sent Items: outgoing), whatever the filter (S9).
 */
type CycleItem = ReadItem & { readonly tracked?: ActivityDirection };

/** One mailbox as the service works on it: its durable record and its email server profile. */
interface Slot {
  readonly address: string;
  readonly record: MailboxRecord;
  readonly profile: EmailServerProfile | undefined;
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly permanent: boolean; readonly why: string; readonly status?: number };

/** Shared answers of the calls every cycle makes, most of the time. */
const HELD: Outcome<null> = { ok: true, value: null };
const NONE: readonly CycleItem[] = [];

/**
 * What a cycle works through: the root Inbox's due items (S2a, S6), then the items the person tracked (S16) that are
 * not done yet. Tracked items are promoted (whatever the filter, S9), so the Inbox's own pass leaves them alone; those
 * the App for Outlook had CRM track at once are done already (C4: sync creates only what that failed to).
 */
function cycleItems(rec: MailboxRecord, processEmailFromMs: number | null, inbox: readonly ReadItem[], marked: readonly CycleItem[]): readonly CycleItem[] {
  if (marked.length === 0) return inbox.length === 0 ? NONE : inbox.filter((item) => isDue(rec, processEmailFromMs, item));
  const markedIds = new Set(marked.map((item) => item.storeId));
  const done = new Set(rec.markedDone);
  const due = inbox.filter((item) => !markedIds.has(item.storeId) && isDue(rec, processEmailFromMs, item));
  return [...due, ...marked.filter((item) => !done.has(item.storeId) && item.trackedInCrm !== true)];
}

export interface SssAlert {
  readonly atMs: number;
  /** S4: alerts are raised at the email, mailbox and email server profile level. */
  readonly level: 'email' | 'mailbox' | 'profile';
  readonly subject: string;
  readonly text: string;
}

/** S7: the folder failed items move to when the profile asks for it. */
export const UNDELIVERABLE = 'Undeliverable';

/** [I] How often the service picks up Test & Enable requests and waits for a free connection. */
const TICK_MS = 10_000;

/**
 * Why a read failed (S4, transient): the profile's server itself did not answer, or it answered that the mailbox
 * is unavailable (its own server is down, its database dismounted: a server that does not hold the mailbox proxies to
 * the one that does). Not "the profile's server is unavailable" for both: that named a server that was up.
 */
function unavailable(server: string, reply: MailboxReply<unknown>): string {
  return reply.ok ? `mailbox unavailable, read through ${server}` : `${server} unavailable`;
}

export function sssService(config: SssConfig, people: SssPeople, ledger: Ledger) {
  const { settings } = config;
  /** Profile name -> its mailboxes (S2's alert counts them; a Test & Enable of every mailbox asks once per mailbox). */
  const membersOf = new Map<string, string[]>();
  for (const [address, profile] of config.mailboxProfile) {
    const members = membersOf.get(profile);
    if (members === undefined) membersOf.set(profile, [address]);
    else members.push(address);
  }
  return (ctx: ActorContext, disk: SssDurable): Actor => {
    /** Memory only: the mailboxes with a cycle under way, what each still has to do, and the messages each claimed. */
    const cycles = new SyncCycles<CycleItem>((address) => config.mailboxProfile.get(address));

    const crm = <T>(tag: string, data: unknown): Outcome<T> => {
      const reply = ctx.request(config.crmServer, tag, data);
      if (!reply.ok) return { ok: false, permanent: false, why: `CRM ${config.crmServer} unreachable` };
      const call = reply.value as CrmCall<T>;
      return call.ok ? call : { ok: false, permanent: call.error.status === 401, why: `CRM ${call.error.status} ${call.error.message}`, status: call.error.status };
    };
    const active = (): boolean => {
      const answer = crm<EmailProcessor>(CRM_REQUEST.retrieveEmailSettings, null);
      return answer.ok && answer.value === 'server-side-sync';
    };
    /**
     * Mailbox -> its slot: its durable record and its profile, resolved once. Records are changed in place, never
     * replaced, and so are profiles (Process Email From). Sync's timers carry the slot, so a cycle finds its mailbox
     * without a look-up (10,000 mailboxes every 5 minutes at scale, each look-up a cache miss in a large map).
     */
    const slots = new Map<string, Slot>();
    /** The senders' slots, in the order of `people.senders` (Pending Send asks after them all every 5 minutes). */
    let senderSlots: readonly Slot[] | null = null;
    const newSlot = (address: string, rec: MailboxRecord): Slot => {
      const profileName = config.mailboxProfile.get(address);
      return { address, record: rec, profile: profileName === undefined ? undefined : disk.profiles.get(profileName) };
    };
    const keep = (slot: Slot): void => {
      slots.set(slot.address, slot);
      senderSlots = null;
    };
    for (const [address, rec] of disk.records) keep(newSlot(address, rec));
    /** A mailbox without a record gets a fresh one on every call, kept only once Test & Enable stores it. */
    const slotOf = (address: string): Slot => slots.get(address) ?? newSlot(address, newMailboxRecord(address));
    const profileOf = (address: string): EmailServerProfile | undefined => slotOf(address).profile;
    const record = (address: string): MailboxRecord => slotOf(address).record;

    /** `receivedAfterMs`: items received up to then cannot be due (`inboxReadBound`); null reads the whole Inbox. */
    const readInbox = ({ address, profile }: Slot, receivedAfterMs: number | null): Outcome<ReadItem[]> => {
      if (profile === undefined) return { ok: false, permanent: true, why: 'no email server profile' };
      if (disk.accessDenied.has(address)) return { ok: false, permanent: true, why: '401 Unauthorized: no access to the mailbox' };
      const read: MailboxRead = { mailbox: address, folder: 'Inbox', afterStoreId: 0, receivedAfterMs };
      const reply = askMailbox(ctx, profile.server, MAILBOX_READ, read);
      return reached(reply) ? reply : { ok: false, permanent: false, why: unavailable(profile.server, reply) };
    };

    /**
     * S13: Exchange keeps one OrgID per mailbox. Unclaimed, this organisation stamps it; claimed by another (its Test &
     * Enable overwrote it), the mailbox stops here, unless "sync with this org only" takes it back. Ok when Exchange
     * cannot be asked: the read that follows meets the same outage.
     */
    const holdMailbox = ({ address, record: rec, profile }: Slot): Outcome<null> => {
      const server = profile?.server ?? '';
      const reply = askMailbox(ctx, server, MAILBOX_ORG, { mailbox: address });
      if (!reached(reply) || reply.value === config.crmServer) return HELD;
      const holder = reply.value;
      if (holder === null || rec.syncWithThisOrgOnly) {
        if (holder !== null) ctx.note('sss-org', `${address}: taken back from organisation '${holder}' (sync with this org only)`);
        askMailbox(ctx, server, MAILBOX_ORG, { mailbox: address, set: config.crmServer });
        return HELD;
      }
      rec.otherOrganisation = holder;
      return { ok: false, permanent: true, why: `the mailbox synchronizes with organisation '${holder}' (S13)` };
    };

    const alert = (level: SssAlert['level'], subject: string, text: string): void => {
      disk.alerts.push({ atMs: ctx.nowMs(), level, subject, text });
      ctx.note('sss-alert', `${level} ${subject}: ${text}`);
    };

    /** S2: when more than half of a profile's mailboxes are disabled, the profile's owner is alerted (once). */
    const checkProfile = (address: string): void => {
      const profile = config.mailboxProfile.get(address);
      if (profile === undefined) return;
      const members = (membersOf.get(profile) ?? []).map((a) => record(a));
      const failing = members.filter((m) => !m.enabled && (m.disabledReason !== null || m.incoming === 'failure')).length;
      if (failing * 2 > members.length && !disk.profilesAlerted.has(profile)) {
        disk.profilesAlerted.add(profile);
        alert('profile', profile, `${failing} of ${members.length} mailboxes are failing`);
      } else if (failing * 2 <= members.length) {
        disk.profilesAlerted.delete(profile);
      }
    };

    /**
     * The mailbox is (still) disabled: a mailbox already disabled keeps when it first was, so a retest that fails
     * again does not move the instant its mail started waiting. The reason is the latest (the cause now, which is what
     * has to be over before the next retest: "not approved" at a Test & Enable after errors, say), and what disabled it
     * goes with the reason: kept while the reason is the same (a retest that meets the same 401 leaves "after
     * errors"), the new one's when it changes (so a group never reads "after errors: not approved").
     */
    const disable = (rec: MailboxRecord, why: string, by: NonNullable<MailboxRecord['disabledBy']>): void => {
      const already = !rec.enabled && rec.disabledAtMs !== null;
      rec.enabled = false;
      if (!already) Object.assign(rec, { disabledAtMs: ctx.nowMs(), disabledBy: by, disabledReason: why });
      else if (rec.disabledReason !== why) Object.assign(rec, { disabledBy: by, disabledReason: why });
    };

    /** S4: a permanent error disables at once; a transient one after `transientRetries` in a row. */
    const failed = ({ address, record: rec }: Slot, why: string, permanent: boolean): void => {
      rec.transientErrors = permanent ? rec.transientErrors : rec.transientErrors + 1;
      ctx.note('sss-error', `${address}: ${why}`);
      if (permanent || rec.transientErrors > settings.transientRetries) {
        disable(rec, why, 'errors');
        alert('mailbox', address, `disabled: ${why}`);
        checkProfile(address);
      }
    };

    const endCycle = (slot: Slot, why: string | null, permanent = false): void => {
      cycles.end(slot.address);
      if (why !== null) failed(slot, why, permanent);
      else slot.record.transientErrors = 0;
      const gap = why === null ? slot.profile?.incomingCycleGapMs ?? settings.transientRetryIntervalMs : settings.transientRetryIntervalMs;
      if (slot.record.enabled) ctx.setTimer(gap, 'cycle', slot);
    };

    const startCycle = (slot: Slot): void => {
      const { address, record: rec, profile } = slot;
      if (!rec.enabled || cycles.running(address)) return;
      if (!active()) {
        ctx.setTimer(profile?.incomingCycleGapMs ?? settings.transientRetryIntervalMs, 'cycle', slot);
        return;
      }
      if (profile !== undefined && cycles.busyIn(profile.name) >= profile.maxConcurrentConnections) {
        ctx.setTimer(TICK_MS, 'cycle', slot);
        return;
      }
      const held = holdMailbox(slot);
      if (!held.ok) return endCycle(slot, held.why, held.permanent);
      const processEmailFromMs = profile?.processEmailFromMs ?? null;
      const inbox = readInbox(slot, inboxReadBound(rec, processEmailFromMs));
      if (!inbox.ok) return endCycle(slot, inbox.why, inbox.permanent);
      const marked = readTracked(slot);
      if (!marked.ok) return endCycle(slot, marked.why, marked.permanent);
      const items = cycleItems(rec, processEmailFromMs, inbox.value, marked.value);
      // Most cycles find nothing new: they end here, with no cycle started.
      if (items.length === 0) return endCycle(slot, null);
      cycles.start(address, items);
      next(slot);
    };

    /** S16: every item the person tracked through the mailbox, in any folder, with the direction its folder gives. */
    const readTracked = ({ address, profile }: Slot): Outcome<readonly CycleItem[]> => {
      const read: MailboxRead = { mailbox: address, folder: '', afterStoreId: 0, trackRequested: true };
      const reply = askMailbox(ctx, profile?.server ?? '', MAILBOX_READ, read);
      if (!reached(reply)) return { ok: false, permanent: false, why: unavailable(profile?.server ?? '', reply) };
      const items = reply.value;
      return { ok: true, value: items.length === 0 ? NONE : items.map((item) => ({ ...item, tracked: item.folder === 'Sent Items' ? 'outgoing' : 'incoming' })) };
    };

    const promoteOf = (address: string, item: CycleItem, direction: ActivityDirection): PromoteCall =>
      ({ message: item.message, direction, mailbox: address, regardingId: null, caller: SSS_CALLER });

    const emailOf = (address: string, item: ReadItem): IncomingEmail =>
      ({ message: item.message.attached ?? item.message, receivingMailbox: address, caller: SSS_CALLER });

    /**
     * Checks the current item; delivers a round trip later, or tosses it and goes on to the next. A loop, not a call
     * per item: a cycle that tosses thousands of items in a row (a backlog after an outage) overflowed the stack.
     */
    const next = (slot: Slot): void => {
      const { address } = slot;
      for (;;) {
        if (!cycles.running(address)) return;
        const item = cycles.current(address);
        if (item === undefined) return endCycle(slot, null);
        if (!cycles.claim(address, (item.message.attached ?? item.message).key)) {
          cycles.advance(address);
          continue;
        }
        if (item.tracked !== undefined) {
          // CheckPromoteEmail: uniqueness on Message-ID and direction (S8).
          const fresh = crm<boolean>(CRM_REQUEST.checkPromote, promoteOf(address, item, item.tracked));
          if (!fresh.ok) return endCycle(slot, fresh.why, fresh.permanent);
          if (!fresh.value) {
            if (finishItem(slot)) continue;
            return;
          }
          ctx.setTimer(settings.crmCallMs, 'deliver', slot);
          return;
        }
        const check = crm<CheckIncomingAnswer>(CRM_REQUEST.checkIncoming, emailOf(address, item));
        if (!check.ok) return endCycle(slot, check.why, check.permanent);
        if (!check.value.shouldDeliver) {
          if (finishItem(slot)) continue;
          return;
        }
        ctx.setTimer(settings.crmCallMs, 'deliver', slot);
        return;
      }
    };

    const deliver = (slot: Slot): void => {
      const { address } = slot;
      const item = cycles.current(address);
      if (item === undefined) return;
      const answer = item.tracked === undefined
        ? crm<DeliverAnswer>(CRM_REQUEST.deliverIncoming, emailOf(address, item))
        : crm<DeliverAnswer>(CRM_REQUEST.deliverPromote, promoteOf(address, item, item.tracked));
      if (!answer.ok && answer.status === 500) return undeliverable(slot, item, answer.why);
      if (!answer.ok) return endCycle(slot, answer.why, answer.permanent);
      finish(slot);
    };

    /**
     * S7: the activity could not be created (a plug-in failed). The item gets the Undeliverable category (and goes to
     * the Undeliverable folder when the profile says so), the email-level alert is raised, and the cycle moves on.
     */
    const undeliverable = (slot: Slot, item: ReadItem, why: string): void => {
      const { address, profile } = slot;
      const key = (item.message.attached ?? item.message).key;
      alert('email', key, `${address}: ${why}`);
      ledger.untracked(key, CRM_ERROR);
      if (profile?.moveFailedToUndeliverable === true) {
        actOnItem(ctx, profile.server, { kind: 'file', mailbox: address, storeId: item.storeId, folder: UNDELIVERABLE });
      }
      finish(slot);
    };

    /** The current item is done: on to the next one. */
    const finish = (slot: Slot): void => {
      if (finishItem(slot)) next(slot);
    };

    /** S1: delete where allowed; S6: the watermark moves to the item's received time. False when the cycle ended. */
    const finishItem = (slot: Slot): boolean => {
      const { address } = slot;
      const item = cycles.current(address);
      if (item === undefined) return false;
      if (item.tracked !== undefined) {
        cycles.advance(address);
        slot.record.markedDone.push(item.storeId);
        return true;
      }
      if (config.deleteAfterProcessing.has(address)) {
        const request: MailboxDelete = { mailbox: address, storeId: item.storeId };
        if (!reached(askMailbox(ctx, slot.profile?.server ?? '', MAILBOX_DELETE, request))) {
          endCycle(slot, 'cannot delete the processed item');
          return false;
        }
      }
      cycles.advance(address);
      markDone(slot.record, item);
      return true;
    };

    const acts = config.act === null ? null : actCycles({
      ctx, act: config.act, states: disk.act, stats: disk.actStats,
      crm: <T>(tag: string, data: unknown) => {
        const answer = crm<T>(tag, data);
        return answer.ok ? answer.value : null;
      },
      serverOf: (address) => profileOf(address)?.server,
      // S13: the OrgID governs this sync too; a mailbox another organisation holds waits for the incoming cycle to stop it.
      syncing: (address) => {
        const slot = slotOf(address);
        return slot.record.enabled && active() && holdMailbox(slot).ok;
      },
      alert: (subject, text) => alert('mailbox', subject, text),
    });

    /** S3: Test & Enable: incoming and outgoing tested; success enables and re-reads from Process Email From. */
    const testAndEnable = (address: string): void => {
      const slot = slotOf(address);
      const rec = slot.record;
      disk.records.set(address, rec);
      keep(slot);
      const inbox = readInbox(slot, null);
      const approved = people.approved(address);
      rec.incoming = inbox.ok && approved ? 'success' : 'failure';
      rec.outgoing = rec.incoming;
      rec.act = config.act?.filters.has(address) === true ? rec.incoming : 'not-run';
      if (rec.incoming === 'failure') {
        const why = !approved ? 'not approved (S3)' : inbox.ok ? 'test failed' : inbox.why;
        disable(rec, why, 'test-and-enable');
        alert('mailbox', address, `Test & Enable failed: ${why}`);
        checkProfile(address);
        return;
      }
      const wasEnabled = rec.enabled;
      // A time disabled ends, whether the mailbox had been enabled before or its first Test & Enable failed (a
      // cutover's failing mailbox): its mail waited from the disabling to now either way.
      if (!wasEnabled && rec.disabledAtMs !== null && rec.disabledBy !== null) {
        (rec.pastDisablings ??= []).push({ by: rec.disabledBy, why: rec.disabledReason ?? 'unknown', fromMs: rec.disabledAtMs, toMs: ctx.nowMs() });
      }
      // S13: Test & Enable claims the mailbox for this organisation, overwriting another's OrgID.
      askMailbox(ctx, slot.profile?.server ?? '', MAILBOX_ORG, { mailbox: address, set: config.crmServer });
      Object.assign(rec, {
        enabled: true, disabledReason: null, disabledAtMs: null, disabledBy: null, otherOrganisation: null, enabledAtMs: ctx.nowMs(), watermarkMs: null, doneAtWatermark: [], transientErrors: 0,
        firstEnabledAtMs: rec.firstEnabledAtMs ?? ctx.nowMs(),
      });
      if (!wasEnabled && !cycles.running(address)) ctx.setTimer(0, 'cycle', slot);
      acts?.start(address);
      checkProfile(address);
    };

    /**
     * S5: Pending Send of enabled mailboxes every 5 minutes; S16: into Sent Items when the profile says so. O2: email of
     * a mailbox not tested and enabled waits here; of one not approved, CRM hands none out (OutboundStatus.ready).
     */
    const outgoing = (): void => {
      senderSlots ??= people.senders.map(slotOf);
      const owners = senderSlots.filter((slot) => slot.record.enabled).map((slot) => slot.address);
      if (owners.length > 0 && active()) {
        const call: BackgroundSendCall = { caller: SSS_CALLER, owners, perOwner: 1_000, pendingForMs: 0, sendingForMs: 30 * 60_000 };
        const emails = crm<EmailToSend[]>(CRM_REQUEST.backgroundSendEmail, call);
        if (emails.ok) for (const email of emails.value) send(email);
      }
      ctx.setTimer(settings.outgoingPollIntervalMs, 'outgoing');
    };

    const send = (email: EmailToSend): void => {
      const from = email.message.from;
      const profile = profileOf(from);
      let outcome: SmtpOutcome = { kind: 'no-connection', why: 'unknown-actor' };
      if (profile !== undefined) {
        // Saved to Sent Items: the mailbox submits it (a copy kept); otherwise straight to the server's SMTP.
        const submission: SmtpSubmission = { message: email.message, authenticated: true };
        const reply = profile.saveOutgoingToSentItems
          ? sendFromMailbox(ctx, profile.server, { kind: 'send', mailbox: from, message: email.message })
          : ctx.request(profile.server, 'smtp', submission) as MailboxReply<SmtpOutcome>;
        outcome = reached(reply) ? reply.value : { kind: 'no-connection', why: 'refused' };
      }
      crm<boolean>(CRM_REQUEST.sendEmailResult, sendResultOf(email.activityId, outcome, settings.transientRetries));
    };

    return {
      onStart() {
        for (const slot of slots.values()) {
          if (!slot.record.enabled) continue;
          ctx.setTimer(ctx.rng.uniformInt(0, (slot.profile?.incomingCycleGapMs ?? 300_000) - 1), 'cycle', slot);
          acts?.start(slot.address);
        }
        ctx.setTimer(TICK_MS, 'tick');
        ctx.setTimer(settings.outgoingPollIntervalMs, 'outgoing');
      },
      onTimer(tag, data) {
        if (tag === 'tick') {
          for (const address of disk.testQueue.splice(0)) testAndEnable(address);
          ctx.setTimer(TICK_MS, 'tick');
          return;
        }
        if (tag === 'outgoing') return outgoing();
        if (tag === ACT_TIMER) return acts?.onTimer(data as string);
        if (tag === 'cycle') return startCycle(data as Slot);
        if (tag === 'deliver') return deliver(data as Slot);
      },
    };
  };
}
