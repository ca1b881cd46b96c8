// The check-deliver gap (S8, R13): with deliverRechecksDuplicate on, any interleaving of callers ends with at most one
// activity per Message-ID and direction; with it off, a duplicate arises exactly when another caller checked before
// the first delivery, so callers that do not interleave (one after another) never make one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIncomingEmail, deliverIncomingEmail } from '../../../fakes/crm/check-incoming.js';
import { newCrmDatabase } from '../../../fakes/crm/crm-database.js';
import { checkPromoteEmail, deliverPromoteEmail } from '../../../fakes/crm/promote.js';
import { ANNA, PAUL, SALES, mail, testOrg } from '../../helpers/crm-org.js';

/** Each caller appears twice: its first appearance is its check, its second its deliver. */
const interleaving = fc.integer({ min: 1, max: 5 }).chain((callers) =>
  fc.shuffledSubarray([...Array(callers).keys()].flatMap((c) => [c, c]), { minLength: callers * 2, maxLength: callers * 2 })
    .map((order) => ({ callers, order })));

const MAILBOXES = [PAUL, ANNA, SALES];

type Api = 'incoming' | 'promote';

function run(api: Api, recheck: boolean, order: readonly number[]): { activities: number; checkedBeforeFirstDeliver: number } {
  const org = testOrg({ deliverRechecksDuplicate: recheck }, { [PAUL]: { filter: 'all' }, [ANNA]: { filter: 'all' } });
  const db = newCrmDatabase();
  const message = mail({ to: [PAUL, ANNA], cc: [SALES] });
  const checked = new Map<number, boolean>();
  let firstDeliverSeen = false;
  let checkedBeforeFirstDeliver = 0;
  let activities = 0;
  for (const caller of order) {
    const mailbox = MAILBOXES[caller % MAILBOXES.length] ?? PAUL;
    if (!checked.has(caller)) {
      const ok = api === 'incoming'
        ? checkIncomingEmail(org, db, { message, receivingMailbox: mailbox, caller: `c${caller}` }, 0).shouldDeliver
        : checkPromoteEmail(db, { message, direction: 'incoming' });
      checked.set(caller, ok);
      if (ok && !firstDeliverSeen) checkedBeforeFirstDeliver++;
      continue;
    }
    if (checked.get(caller) !== true) continue;
    firstDeliverSeen = true;
    const result = api === 'incoming'
      ? deliverIncomingEmail(org, db, { message, receivingMailbox: mailbox, caller: `c${caller}` }, 0)
      : deliverPromoteEmail(org, db, { message, direction: 'incoming', mailbox, regardingId: null, caller: `c${caller}` }, 0);
    if (result.delivered) activities++;
  }
  return { activities, checkedBeforeFirstDeliver };
}

describe.each<Api>(['incoming', 'promote'])('the check-deliver gap (%s)', (api) => {
  it('with the re-check on, any interleaving ends with exactly one activity', () => {
    fc.assert(fc.property(interleaving, ({ order }) => {
      expect(run(api, true, order).activities).toBe(1);
    }));
  });

  it('with it off, every caller that checked before the first delivery creates one: duplicates need an interleaving', () => {
    fc.assert(fc.property(interleaving, ({ order }) => {
      const { activities, checkedBeforeFirstDeliver } = run(api, false, order);
      expect(activities).toBe(checkedBeforeFirstDeliver);
    }));
  });

  it('callers one after another never duplicate, with the re-check off', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), (callers) => {
      const sequential = [...Array(callers).keys()].flatMap((c) => [c, c]);
      expect(run(api, false, sequential).activities).toBe(1);
    }));
  });

  it('the generator does produce interleavings that duplicate (the property above is not vacuous)', () => {
    expect(run(api, false, [0, 1, 0, 1]).activities).toBe(2);
  });
});
