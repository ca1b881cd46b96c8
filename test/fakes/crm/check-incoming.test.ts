// CheckIncomingEmail and DeliverIncomingEmail, one reason code at a time (S8), in the documented order (duplicate,
// sender, recipients and filter, then correlation, S9-S10), with the accepting entity apart from the mailbox (S12).
import { describe, expect, it } from 'vitest';
import { checkIncomingEmail, deliverIncomingEmail, type CrmOrg } from '../../../fakes/crm/check-incoming.js';
import { newCrmDatabase, type CrmDatabase } from '../../../fakes/crm/crm-database.js';
import { createOutgoingEmail } from '../../../fakes/crm/outgoing-email.js';
import { REASON } from '../../../fakes/crm/reason-codes.js';
import { CORRELATION, STATE, STATUS, directionCode } from '../../../fakes/crm/email-activity.js';
import type { MailMessage } from '../../../fakes/mail/mail-message.js';
import { ACCOUNT, ANNA, CONTACT, LEAD, PAUL, SALES, STRANGER, mail, testOrg } from '../../helpers/crm-org.js';

const check = (org: CrmOrg, db: CrmDatabase, message: MailMessage, mailbox = PAUL) =>
  checkIncomingEmail(org, db, { message, receivingMailbox: mailbox, caller: 'test' }, 0);
const deliver = (org: CrmOrg, db: CrmDatabase, message: MailMessage, mailbox = PAUL) =>
  deliverIncomingEmail(org, db, { message, receivingMailbox: mailbox, caller: 'test' }, 0);

function sentByPaul(org: CrmOrg, db: CrmDatabase): MailMessage {
  return createOutgoingEmail(org, db, { atMs: 0, from: PAUL, to: [CONTACT], cc: [], subject: 'Offer', regarding: 'account-1', sizeBytes: 1 }, 'contoso.com', 0).message;
}

describe('CheckIncomingEmail reason codes (S8)', () => {
  it('0 Duplicate: a Message-ID already tracked as incoming, whoever received it', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'all' }, [ANNA]: { filter: 'all' } });
    const db = newCrmDatabase();
    const message = mail({ to: [PAUL, ANNA] });
    expect(deliver(org, db, message).delivered).toBe(true);
    expect(check(org, db, message, ANNA).reasonCode).toBe(REASON.duplicate);
  });

  it('a message without a Message-ID is never recognised as a duplicate (field report 11)', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'all' } });
    const db = newCrmDatabase();
    const message = mail({ messageId: null });
    deliver(org, db, message);
    expect(check(org, db, message).shouldDeliver).toBe(true);
  });

  it('7 InvalidSender: a sender address CRM cannot read', () => {
    expect(check(testOrg({}, { [PAUL]: { filter: 'all' } }), newCrmDatabase(), mail({ from: 'not an address' })).reasonCode).toBe(REASON.invalidSender);
  });

  it('3 NoRecipientMatch: no recipient (nor the receiving mailbox) is a CRM user or queue', () => {
    expect(check(testOrg(), newCrmDatabase(), mail({ to: [STRANGER] }), 'nobody@contoso.com').reasonCode).toBe(REASON.noRecipientMatch);
  });

  it('4 InternalEmailReject between users, unless the two-activities setting is on (S12)', () => {
    const message = mail({ from: ANNA, to: [PAUL] });
    expect(check(testOrg({}, { [PAUL]: { filter: 'all' } }), newCrmDatabase(), message).reasonCode).toBe(REASON.internalEmailReject);
    const two = testOrg({ trackInternalAsTwoActivities: true }, { [PAUL]: { filter: 'all' } });
    expect(check(two, newCrmDatabase(), message).reasonCode).toBe(REASON.acceptAll);
  });

  it('1 NoCorrelationMatch: the default filter takes only responses to CRM email', () => {
    expect(check(testOrg(), newCrmDatabase(), mail()).reasonCode).toBe(REASON.noCorrelationMatch);
    expect(check(testOrg(), newCrmDatabase(), mail({ subject: 'RE: Offer CRM:0001999' })).reasonCode).toBe(REASON.noCorrelationMatch);
  });

  it('-1 Unknown: every recipient filters out all email', () => {
    expect(check(testOrg({}, { [PAUL]: { filter: 'none' } }), newCrmDatabase(), mail()).reasonCode).toBe(REASON.unknown);
  });

  it('2 CorrelationMatch: a response to CRM email passes the default filter', () => {
    const org = testOrg();
    const db = newCrmDatabase();
    const offer = sentByPaul(org, db);
    const result = check(org, db, mail({ subject: `RE: ${offer.subject}` }));
    expect(result).toMatchObject({ shouldDeliver: true, reasonCode: REASON.correlationMatch, acceptingEntity: PAUL });
  });

  it('5 SenderMatch: a filter on contacts, accounts and leads, or on any email-enabled record', () => {
    const lca = testOrg({}, { [PAUL]: { filter: 'leads-contacts-accounts' } });
    for (const from of [CONTACT, ACCOUNT, LEAD]) expect(check(lca, newCrmDatabase(), mail({ from })).reasonCode).toBe(REASON.senderMatch);
    expect(check(lca, newCrmDatabase(), mail({ from: STRANGER })).reasonCode).toBe(REASON.noCorrelationMatch);
    const enabled = testOrg({}, { [PAUL]: { filter: 'email-enabled' } });
    expect(check(enabled, newCrmDatabase(), mail({ from: 'sales@contoso.com' })).reasonCode).toBe(REASON.senderMatch);
    expect(check(enabled, newCrmDatabase(), mail({ from: STRANGER })).reasonCode).toBe(REASON.noCorrelationMatch);
  });

  it('6 AcceptAll: a recipient accepts all email', () => {
    expect(check(testOrg({}, { [PAUL]: { filter: 'all' } }), newCrmDatabase(), mail({ from: STRANGER })).reasonCode).toBe(REASON.acceptAll);
  });

  it('the duplicate check comes before everything else, the sender check before the filter', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'all' } });
    const db = newCrmDatabase();
    const message = mail();
    deliver(org, db, message);
    expect(check(org, db, { ...message, from: 'bad', to: [STRANGER] }).reasonCode).toBe(REASON.duplicate);
    expect(check(org, newCrmDatabase(), { ...message, from: 'bad', to: [STRANGER] }, STRANGER).reasonCode).toBe(REASON.invalidSender);
  });

  it('an unapproved user accepts nothing while approval is required (S3)', () => {
    const unapproved = { [PAUL]: { filter: 'all' as const, approved: false } };
    expect(check(testOrg({}, unapproved), newCrmDatabase(), mail()).reasonCode).toBe(REASON.noRecipientMatch);
    expect(check(testOrg({ requireApproval: false }, unapproved), newCrmDatabase(), mail()).reasonCode).toBe(REASON.acceptAll);
  });
});

describe('accepting entity and receiving mailbox (S12)', () => {
  it('Paul\'s mailbox is processed and the Sales queue, first in the headers, accepts', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'none' } });
    const db = newCrmDatabase();
    const result = deliver(org, db, mail({ to: [SALES], cc: [PAUL] }));
    expect(result.delivered && result.activity).toMatchObject({ receivingMailbox: PAUL, acceptingEntity: SALES, owner: SALES });
  });

  it('a Bcc recipient accepts through its own mailbox', () => {
    const org = testOrg({}, { [ANNA]: { filter: 'all' } });
    expect(check(org, newCrmDatabase(), mail({ to: [STRANGER] }), ANNA).acceptingEntity).toBe(ANNA);
  });
});

describe('DeliverIncomingEmail', () => {
  it('creates a Received activity with the O1 state and status codes and the message\'s Message-ID', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'all' } });
    const result = deliver(org, newCrmDatabase(), mail({ messageId: '<x@fabrikam.com>' }));
    expect(result.delivered && result.activity).toMatchObject({
      direction: 'incoming', statecode: STATE.completed, statuscode: STATUS.received, messageId: '<x@fabrikam.com>',
      correlationMethod: CORRELATION.none, parentActivityId: null,
    });
    expect(result.delivered && directionCode(result.activity)).toBe(false);
  });

  it('refuses what the check refuses, with the same reason', () => {
    const result = deliver(testOrg(), newCrmDatabase(), mail());
    expect(result).toEqual({ delivered: false, reasonCode: REASON.noCorrelationMatch });
  });

  it('does not repeat the duplicate check unless deliverRechecksDuplicate is on', () => {
    const message = mail();
    const off = testOrg({}, { [PAUL]: { filter: 'all' } });
    const dbOff = newCrmDatabase();
    deliver(off, dbOff, message);
    expect(deliver(off, dbOff, message).delivered).toBe(true);
    const on = testOrg({ deliverRechecksDuplicate: true }, { [PAUL]: { filter: 'all' } });
    const dbOn = newCrmDatabase();
    deliver(on, dbOn, message);
    expect(deliver(on, dbOn, message)).toEqual({ delivered: false, reasonCode: REASON.duplicate });
  });

  it('skips the repeated check too when the duplicate check is switched off (injectBug: no-dedup)', () => {
    const message = mail();
    const noDedup = testOrg({ deliverRechecksDuplicate: true, skipDuplicateCheck: true }, { [PAUL]: { filter: 'all' } });
    const db = newCrmDatabase();
    deliver(noDedup, db, message);
    expect(deliver(noDedup, db, message).delivered).toBe(true);
  });
});
