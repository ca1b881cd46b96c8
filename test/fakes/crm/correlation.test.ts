// S10: correlation order (In-Reply-To, token, conversation index, smart matching), correlationmethod and
// parentactivityid; token rollover mis-correlating a late reply (field report 3).
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { deliverIncomingEmail, type CrmOrg } from '../../../fakes/crm/check-incoming.js';
import { newCrmDatabase, type CrmDatabase } from '../../../fakes/crm/crm-database.js';
import { correlate } from '../../../fakes/crm/correlation.js';
import { createOutgoingEmail } from '../../../fakes/crm/outgoing-email.js';
import { CORRELATION, type EmailActivity } from '../../../fakes/crm/email-activity.js';
import { DEFAULT_CRM_SETTINGS } from '../../../fakes/crm/crm-config.js';
import type { MailMessage } from '../../../fakes/mail/mail-message.js';
import { CONTACT, PAUL, STRANGER, mail, testOrg } from '../../helpers/crm-org.js';

function send(org: CrmOrg, db: CrmDatabase, subject: string, regarding: string | null = 'account-1'): { activity: EmailActivity; message: MailMessage } {
  return createOutgoingEmail(org, db, { atMs: 0, from: PAUL, to: [CONTACT], cc: [], subject, regarding, sizeBytes: 1 }, 'contoso.com', 0);
}

function tracked(org: CrmOrg, db: CrmDatabase, message: MailMessage): EmailActivity {
  const result = deliverIncomingEmail(org, db, { message, receivingMailbox: PAUL, caller: 'test' }, 0);
  if (!result.delivered) throw new Error(`not delivered: reason ${result.reasonCode}`);
  return result.activity;
}

describe('correlation (S10)', () => {
  it('In-Reply-To first: sets parentactivityid and inherits regarding', () => {
    const org = testOrg();
    const db = newCrmDatabase();
    const offer = send(org, db, 'Offer');
    const reply = tracked(org, db, mail({ subject: 'RE: something else', inReplyTo: offer.message.messageId ?? '' }));
    expect(reply).toMatchObject({ correlationMethod: CORRELATION.inReplyTo, parentActivityId: offer.activity.activityId, regardingId: 'account-1' });
  });

  it('In-Reply-To wins over a token that points elsewhere', () => {
    const org = testOrg();
    const db = newCrmDatabase();
    const first = send(org, db, 'First');
    const second = send(org, db, 'Second', 'contact-1');
    const reply = correlate(db, org.settings, mail({ subject: `RE: ${second.message.subject}`, inReplyTo: first.message.messageId ?? '' }), 0);
    expect(reply.match?.activityId).toBe(first.activity.activityId);
  });

  it('the token next: no parentactivityid, regarding from the matched email', () => {
    const org = testOrg();
    const db = newCrmDatabase();
    const offer = send(org, db, 'Offer');
    const reply = tracked(org, db, mail({ subject: `AW: ${offer.message.subject}` }));
    expect(reply).toMatchObject({ correlationMethod: CORRELATION.trackingToken, parentActivityId: null, regardingId: 'account-1' });
  });

  it('then the conversation index: the nearest ancestor in Thread-Index', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'all' } });
    const db = newCrmDatabase();
    const root = tracked(org, db, mail({ headers: { 'Thread-Index': 'AdAAAA' } }));
    const reply = tracked(org, db, mail({ subject: 'no token', headers: { 'thread-index': 'AdAAAAbbbbb' } }));
    expect(reply).toMatchObject({ correlationMethod: CORRELATION.conversationIndex, parentActivityId: root.activityId });
    expect(correlate(db, org.settings, mail({ headers: { 'Thread-Index': 'AdAAAAbbbbbccccc' } }), 0).match?.activityId).toBe(reply.activityId);
    // The same index is the same message, not a reply to it.
    expect(correlate(db, org.settings, mail({ headers: { 'Thread-Index': 'AdAAAA' } }), 0).method).toBe(CORRELATION.none);
    expect(correlate(db, org.settings, mail({ headers: { 'Thread-Index': 'Zz' } }), 0).method).toBe(CORRELATION.none);
  });

  it('compares real Thread-Index headers as bytes: a reply\'s 5-byte block extends its parent\'s 22 bytes', () => {
    const org = testOrg({}, { [PAUL]: { filter: 'all' } });
    const db = newCrmDatabase();
    const rootBytes = Buffer.from(Array.from({ length: 22 }, (_, i) => (i * 37 + 11) % 256));
    const replyBytes = Buffer.concat([rootBytes, Buffer.from([1, 2, 3, 4, 5])]);
    const secondReply = Buffer.concat([replyBytes, Buffer.from([9, 8, 7, 6, 5])]);
    expect(replyBytes.toString('base64').startsWith(rootBytes.toString('base64'))).toBe(false);
    const root = tracked(org, db, mail({ headers: { 'Thread-Index': rootBytes.toString('base64') } }));
    const second = correlate(db, org.settings, mail({ headers: { 'Thread-Index': secondReply.toString('base64') } }), 0);
    expect(second).toMatchObject({ method: CORRELATION.conversationIndex });
    expect(second.match?.activityId).toBe(root.activityId);
    const other = Buffer.concat([Buffer.alloc(22, 7), Buffer.from([1, 2, 3, 4, 5])]);
    expect(correlate(db, org.settings, mail({ headers: { 'Thread-Index': other.toString('base64') } }), 0).method).toBe(CORRELATION.none);
  });

  it('smart matching only when switched on: same subject words and at least two shared addresses, within 90 days', () => {
    const db = newCrmDatabase();
    // An organisation's settings hold for the whole run: the subject index is filled only while smart matching is on.
    const on = testOrg({ smartMatching: { ...DEFAULT_CRM_SETTINGS.smartMatching, enabled: true } }, { [PAUL]: { filter: 'all' } });
    const off = testOrg({}, { [PAUL]: { filter: 'all' } });
    tracked(on, db, mail({ subject: 'Quarterly numbers', to: [PAUL] }));
    const follow = mail({ subject: 'RE: FW: quarterly numbers', to: [PAUL] });
    expect(correlate(db, off.settings, follow, 0).method).toBe(CORRELATION.none);
    expect(correlate(db, on.settings, follow, 0).method).toBe(CORRELATION.smartMatching);
    expect(correlate(db, on.settings, { ...follow, from: STRANGER }, 0).method).toBe(CORRELATION.none);
    expect(correlate(db, on.settings, follow, 91 * 86_400_000).method).toBe(CORRELATION.none);
  });

  it('token rollover: after 1,000 emails a late reply to the first correlates to the newest (field report 3)', () => {
    const org = testOrg();
    const db = newCrmDatabase();
    const first = send(org, db, 'First', 'contact-1');
    let latest = first;
    for (let i = 0; i < 1000; i++) latest = send(org, db, `Email ${i}`, 'account-1');
    expect(latest.message.subject.endsWith(first.message.subject.slice(-11))).toBe(true);
    const lateReply = tracked(org, db, mail({ subject: `RE: ${first.message.subject}` }));
    expect(lateReply.regardingId).toBe('account-1');
    expect(lateReply.regardingId).not.toBe(first.activity.regardingId);
  });

  it('names the email a message correlated with in its path, so a wrong link shows (shipped token-rollover)', () => {
    const outcome = runScenario(loadScenarioFile('scenarios/token-rollover.yaml'));
    const evaluation = outcome.ledger.get('<carol-late@fabrikam.example>')?.evaluations[0];
    expect(evaluation).toMatchObject({ correlationMethod: CORRELATION.trackingToken, correlatedWith: { activityId: 'email-1001' } });
    expect(outcome.ledger.get('<carol-late@fabrikam.example>')?.path.find((s) => s.step === 'evaluated')?.detail).toMatch(/correlation 4 with email-1001 \(<crm-1001\./);
  });
});
