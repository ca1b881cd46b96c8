// C1: CheckPromoteEmail refuses a Message-ID and direction already in CRM; DeliverPromoteEmail bypasses the filter
// (S9) and skips correlation when the user sets regarding.
import { describe, expect, it } from 'vitest';
import { deliverIncomingEmail } from '../../../fakes/crm/check-incoming.js';
import { newCrmDatabase } from '../../../fakes/crm/crm-database.js';
import { checkPromoteEmail, deliverPromoteEmail } from '../../../fakes/crm/promote.js';
import { CORRELATION, STATUS } from '../../../fakes/crm/email-activity.js';
import { REASON } from '../../../fakes/crm/reason-codes.js';
import { PAUL, STRANGER, mail, testOrg } from '../../helpers/crm-org.js';

describe('promotion (C1)', () => {
  it('tracks what the filter would refuse (S9: manual tracking bypasses it)', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'none' } });
    const db = newCrmDatabase();
    const message = mail({ from: STRANGER });
    expect(checkPromoteEmail(db, { message, direction: 'incoming' })).toBe(true);
    const result = deliverPromoteEmail(org, db, { message, direction: 'incoming', mailbox: PAUL, regardingId: 'contact-1', caller: 'outlook' }, 0);
    expect(result.delivered && result.activity).toMatchObject({ statuscode: STATUS.received, correlationMethod: CORRELATION.skipped, regardingId: 'contact-1' });
  });

  it('refuses a message another path already tracked in the same direction, not in the other', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'all' } });
    const db = newCrmDatabase();
    const message = mail();
    deliverIncomingEmail(org, db, { message, receivingMailbox: PAUL, caller: 'router' }, 0);
    expect(checkPromoteEmail(db, { message, direction: 'incoming' })).toBe(false);
    expect(checkPromoteEmail(db, { message, direction: 'outgoing' })).toBe(true);
  });

  it('a tracked sent message becomes a Sent outgoing activity', () => {
    const org = testOrg();
    const db = newCrmDatabase();
    const message = mail({ from: PAUL, to: [STRANGER] });
    const result = deliverPromoteEmail(org, db, { message, direction: 'outgoing', mailbox: PAUL, regardingId: null, caller: 'outlook' }, 0);
    expect(result.delivered && result.activity).toMatchObject({ direction: 'outgoing', statuscode: STATUS.sent, statecode: 1, owner: PAUL });
  });

  it('DeliverPromoteEmail re-checks only with deliverRechecksDuplicate', () => {
    const message = mail();
    const request = { message, direction: 'incoming' as const, mailbox: PAUL, regardingId: null, caller: 'outlook' };
    const db = newCrmDatabase();
    deliverPromoteEmail(testOrg(), db, request, 0);
    expect(deliverPromoteEmail(testOrg(), db, request, 0).delivered).toBe(true);
    const dbOn = newCrmDatabase();
    deliverPromoteEmail(testOrg({ deliverRechecksDuplicate: true }), dbOn, request, 0);
    expect(deliverPromoteEmail(testOrg({ deliverRechecksDuplicate: true }), dbOn, request, 0)).toEqual({ delivered: false, reasonCode: REASON.duplicate });
    // injectBug: no-dedup switches every duplicate check off, the repeated one as well.
    const noDedup = testOrg({ deliverRechecksDuplicate: true, skipDuplicateCheck: true });
    const dbNoDedup = newCrmDatabase();
    deliverPromoteEmail(noDedup, dbNoDedup, request, 0);
    expect(deliverPromoteEmail(noDedup, dbNoDedup, request, 0).delivered).toBe(true);
  });
});
