// Model-based test of CRM's duplicate check (S8, issue 8): random sequences of check-then-deliver calls, callers whose
// check and deliver interleave (R13), activities people delete (deleteTrackedEmail, R8) and tracked outgoing copies
// with the same Message-ID (C1: direction is part of the key) run against the CRM database and against a list of
// (Message-ID, direction) activities. After every command the database holds exactly the model's activities, and at
// most one incoming activity per Message-ID that no interleaving explains; a message without a Message-ID is never
// recognised (field report 11).
//
// CI pins the seed. To explore, change SEED (or run with CRM_DUPLICATE_SEED=<n>, CRM_DUPLICATE_RUNS=<n>); a failure
// prints the seed, the path and the shrunk command list, e.g. `checkDeliver(<a@fabrikam.com>, paul), interleave(...)`.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIncomingEmail, deliverIncomingEmail, isDuplicateIncoming, type CrmOrg, type IncomingEmail } from '../../fakes/crm/check-incoming.js';
import { activityByMessageId, newCrmDatabase, removeActivity, type CrmDatabase } from '../../fakes/crm/crm-database.js';
import { checkPromoteEmail, deliverPromoteEmail } from '../../fakes/crm/promote.js';
import { REASON } from '../../fakes/crm/reason-codes.js';
import type { ActivityDirection } from '../../fakes/crm/email-activity.js';
import type { MailMessage } from '../../fakes/mail/mail-message.js';
import { ANNA, CONTACT, PAUL, SALES, testOrg } from '../helpers/crm-org.js';

const SEED = Number(process.env['CRM_DUPLICATE_SEED'] ?? 20_260_509);
const NUM_RUNS = Number(process.env['CRM_DUPLICATE_RUNS'] ?? 150);

/** A small pool, so Message-IDs recur; the upper-case twin is the same key (the index compares case-insensitively). */
const MESSAGE_IDS = ['<a@fabrikam.com>', '<A@FABRIKAM.COM>', '<b@fabrikam.com>', '<c@fabrikam.com>', null] as const;
const KEYS = ['<a@fabrikam.com>', '<b@fabrikam.com>', '<c@fabrikam.com>'];
const DIRECTIONS: readonly ActivityDirection[] = ['incoming', 'outgoing'];
/** Users and the queue, all filtering All (S9), so only the duplicate check and the sender decide. */
const MAILBOXES = [PAUL, ANNA, SALES] as const;

const keyOf = (messageId: string | null): string | null => messageId?.toLowerCase() ?? null;
const short = (address: string): string => address.slice(0, address.indexOf('@'));

interface ModelActivity {
  readonly id: string;
  readonly key: string | null;
  readonly direction: ActivityDirection;
  readonly owner: string;
  /** Created although an incoming activity with its Message-ID existed: a caller checked before another delivered (R13). */
  readonly raced: boolean;
}

interface Model {
  readonly recheck: boolean;
  /** Live activities in creation order. */
  activities: ModelActivity[];
  nowMs: number;
}

interface Real {
  readonly org: CrmOrg;
  readonly db: CrmDatabase;
}

const live = (model: Model, direction: ActivityDirection, key: string | null): ModelActivity[] =>
  key === null ? [] : model.activities.filter((a) => a.direction === direction && a.key === key);

/** What the database must show: every activity the model holds, indexed by Message-ID and direction (S8). */
function checkAgainstModel(model: Model, real: Real, after: string): void {
  const ids = (list: Iterable<{ activityId: string } | { id: string }>) => [...list].map((a) => ('id' in a ? a.id : a.activityId));
  expect(ids(real.db.activities.values()), `activities after ${after}`).toEqual(ids(model.activities));
  for (const direction of DIRECTIONS) {
    for (const key of KEYS) {
      const realIds = [...real.db.activities.values()].filter((a) => a.direction === direction && keyOf(a.messageId) === key).map((a) => a.activityId);
      expect(realIds, `${direction} ${key} after ${after}`).toEqual(ids(live(model, direction, key)));
      expect(activityByMessageId(real.db, direction, key.toUpperCase())?.activityId, `first ${direction} ${key} after ${after}`)
        .toBe(live(model, direction, key)[0]?.id);
    }
  }
  for (const messageId of MESSAGE_IDS) {
    const probe = incomingMessage(messageId, PAUL, false);
    expect(isDuplicateIncoming(real.db, probe), `isDuplicateIncoming(${String(messageId)}) after ${after}`)
      .toBe(live(model, 'incoming', keyOf(messageId)).length > 0);
  }
  // The invariant: more than one incoming activity per Message-ID only through an interleaving, never with the re-check.
  for (const key of KEYS) {
    const incoming = live(model, 'incoming', key);
    expect(incoming.filter((a) => !a.raced).length, `unexplained duplicates of ${key} after ${after}`).toBeLessThanOrEqual(1);
    if (model.recheck) expect(incoming.length, `${key} with deliverRechecksDuplicate, after ${after}`).toBeLessThanOrEqual(1);
  }
}

let messageNumber = 0;
/** Mail from a contact (or, internal, from Anna) to one of the mailboxes; without a Message-ID it keeps a ledger key. */
function incomingMessage(messageId: string | null, to: string, internal: boolean): MailMessage {
  return {
    key: messageId ?? `(no id ${++messageNumber})`, messageId, from: internal ? ANNA : CONTACT, to: [to], cc: [], subject: 'Hello', sizeBytes: 1_000,
  };
}

type Cmd = fc.Command<Model, Real>;

/** One caller's half of the work: a check, or a deliver after its own check passed. */
type Step = 'check1' | 'check2' | 'deliver1' | 'deliver2';
/** Orders two callers' check/deliver pairs can run in (each delivers only after its own check); symmetric ones left out. */
const ORDERS: ReadonlyArray<readonly Step[]> = [
  ['check1', 'deliver1', 'check2', 'deliver2'], // one after the other: the second sees the first's activity
  ['check1', 'check2', 'deliver1', 'deliver2'], // R13: both check before either delivers
  ['check1', 'check2', 'deliver2', 'deliver1'],
];

/**
 * Callers checking and delivering one message, in a given order. A caller delivers only when its check said so.
 * Model: the check passes unless an incoming activity with the Message-ID exists (S8; InternalEmailReject otherwise,
 * S12, which the duplicate check comes before); the deliver creates one unless `deliverRechecksDuplicate` finds one.
 */
class Callers implements Cmd {
  constructor(
    readonly idIndex: number, readonly to: string, readonly internal: boolean,
    readonly mailboxes: readonly [string, string], readonly order: readonly Step[],
  ) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    model.nowMs += 1_000;
    const messageId = MESSAGE_IDS[this.idIndex] ?? null;
    const key = keyOf(messageId);
    const message = incomingMessage(messageId, this.to, this.internal);
    const passed: [boolean, boolean] = [false, false];
    for (const step of this.order) {
      const caller = step.endsWith('1') ? 0 : 1;
      const email: IncomingEmail = { message, receivingMailbox: this.mailboxes[caller], caller: `caller${caller + 1}` };
      const duplicate = live(model, 'incoming', key).length > 0;
      if (step.startsWith('check')) {
        const result = checkIncomingEmail(real.org, real.db, email, model.nowMs);
        const reason = duplicate ? REASON.duplicate : this.internal ? REASON.internalEmailReject : REASON.acceptAll;
        expect({ shouldDeliver: result.shouldDeliver, reasonCode: result.reasonCode }, `${this}: ${step}`)
          .toEqual({ shouldDeliver: !duplicate && !this.internal, reasonCode: reason });
        passed[caller] = result.shouldDeliver;
        continue;
      }
      if (!passed[caller]) continue;
      const result = deliverIncomingEmail(real.org, real.db, email, model.nowMs);
      if (model.recheck && duplicate) {
        expect(result, `${this}: ${step}`).toEqual({ delivered: false, reasonCode: REASON.duplicate });
        continue;
      }
      if (!result.delivered) throw new Error(`${this}: ${step} refused with reason ${result.reasonCode}`);
      expect({ messageId: result.activity.messageId, direction: result.activity.direction, owner: result.activity.owner }, `${this}: ${step}`)
        .toEqual({ messageId, direction: 'incoming', owner: this.to });
      model.activities.push({ id: result.activity.activityId, key, direction: 'incoming', owner: this.to, raced: duplicate });
    }
    checkAgainstModel(model, real, String(this));
  }
  toString = (): string => {
    const who = `${String(MESSAGE_IDS[this.idIndex])}${this.internal ? ' from anna' : ''} to ${short(this.to)}`;
    if (this.order.length === 2) return `checkDeliver(${who}, via ${short(this.mailboxes[0])})`;
    return `interleave(${who}, ${this.order.join(' ')}, via ${this.mailboxes.map(short).join('/')})`;
  };
}

/** C1: Paul tracks his sent copy from Outlook (CheckPromoteEmail, then DeliverPromoteEmail) as an outgoing activity. */
class TrackOutgoing implements Cmd {
  constructor(readonly idIndex: number) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    model.nowMs += 1_000;
    const messageId = MESSAGE_IDS[this.idIndex] ?? null;
    const key = keyOf(messageId);
    const message: MailMessage = { key: messageId ?? `(no id ${++messageNumber})`, messageId, from: PAUL, to: [CONTACT], cc: [], subject: 'Offer', sizeBytes: 1_000 };
    const free = live(model, 'outgoing', key).length === 0;
    expect(checkPromoteEmail(real.db, { message, direction: 'outgoing' }), `${this}: CheckPromoteEmail`).toBe(free);
    if (free) {
      const result = deliverPromoteEmail(real.org, real.db, { message, direction: 'outgoing', mailbox: PAUL, regardingId: null, caller: 'outlook' }, model.nowMs);
      if (!result.delivered) throw new Error(`${this}: DeliverPromoteEmail refused with reason ${result.reasonCode}`);
      model.activities.push({ id: result.activity.activityId, key, direction: 'outgoing', owner: PAUL, raced: false });
    }
    checkAgainstModel(model, real, String(this));
  }
  toString = (): string => `trackOutgoing(${String(MESSAGE_IDS[this.idIndex])})`;
}

/** A person deletes one activity in CRM (or asks to delete one that is gone already): the message may be tracked again. */
class DeleteActivity implements Cmd {
  constructor(readonly pick: number) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    const target = model.activities[this.pick % (model.activities.length + 1)];
    const id = target?.id ?? 'email-0';
    expect(removeActivity(real.db, id)?.activityId, `${this}: ${id}`).toBe(target?.id);
    model.activities = model.activities.filter((a) => a !== target);
    checkAgainstModel(model, real, String(this));
  }
  toString = (): string => `deleteActivity(#${this.pick})`;
}

/** deleteTrackedEmail as the fault verb does it: every incoming activity, or one owner's, removed (R8). */
class DeleteTrackedEmail implements Cmd {
  constructor(readonly owner: string | null) {}
  check = (): boolean => true;
  run(model: Model, real: Real): void {
    for (const activity of [...real.db.activities.values()]) {
      if (activity.direction !== 'incoming' || (this.owner !== null && activity.owner !== this.owner)) continue;
      removeActivity(real.db, activity.activityId);
    }
    model.activities = model.activities.filter((a) => a.direction !== 'incoming' || (this.owner !== null && a.owner !== this.owner));
    checkAgainstModel(model, real, String(this));
  }
  toString = (): string => `deleteTrackedEmail(${this.owner === null ? 'all' : short(this.owner)})`;
}

const arbIdIndex = fc.nat(MESSAGE_IDS.length - 1);
const arbMailbox = fc.constantFrom(...MAILBOXES);
const arbInternal = fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

const commands = fc.commands<Model, Real>([
  fc.tuple(arbIdIndex, arbMailbox, arbInternal, arbMailbox)
    .map(([id, to, internal, via]) => new Callers(id, to, internal, [via, via], ['check1', 'deliver1'])),
  fc.tuple(arbIdIndex, arbMailbox, arbInternal, arbMailbox, arbMailbox, fc.constantFrom(...ORDERS))
    .map(([id, to, internal, a, b, order]) => new Callers(id, to, internal, [a, b], order)),
  fc.tuple(arbIdIndex, arbMailbox, arbInternal, arbMailbox)
    .map(([id, to, internal, via]) => new Callers(id, to, internal, [via, via], ['check1', 'deliver1'])),
  arbIdIndex.map((id) => new TrackOutgoing(id)),
  fc.nat(20).map((pick) => new DeleteActivity(pick)),
  fc.option(arbMailbox, { freq: 2 }).map((owner) => new DeleteTrackedEmail(owner)),
], { maxCommands: 40, size: 'max' });

describe.each([false, true])('the CRM duplicate check against a model (S8, R13), deliverRechecksDuplicate %s', (recheck) => {
  it('holds exactly the activities the model predicts: one incoming per Message-ID unless an interleaving or a missing Message-ID explains more', () => {
    fc.assert(fc.property(commands, (cmds) => {
      fc.modelRun(() => ({
        model: { recheck, activities: [], nowMs: 0 },
        real: { org: testOrg({ deliverRechecksDuplicate: recheck }, { [PAUL]: { filter: 'all' }, [ANNA]: { filter: 'all' } }), db: newCrmDatabase() },
      }), cmds);
    }), { seed: SEED, numRuns: NUM_RUNS });
  });
});
