import { describe, expect, it } from 'vitest';
import { checkOutboundExactlyOnce } from '../../../sim/check/outbound-exactly-once.js';
import type { Ledger } from '../../../sim/ledger/ledger.js';
import { manualLedger } from '../../helpers/ledger-fixtures.js';
import { keysSubmittedBy, runCrm } from '../../helpers/crm-scenario.js';

/** A CRM email from Pending Send to `status`, as the CRM model records it (O1). */
function crmEmail(ledger: Ledger, messageId: string, status: string, attempts = 1): void {
  ledger.submitted(messageId, 'paul@contoso.example', ['carol@fabrikam.example', 'anna@contoso.example']);
  ledger.activityCreated(messageId, `act-${messageId}`, 'outgoing', 'crm');
  ledger.outboundStatus(messageId, 'Pending Send', 0);
  ledger.outboundStatus(messageId, 'Sending', attempts);
  ledger.outboundStatus(messageId, status, attempts);
}

describe('outbound-exactly-once', () => {
  it('passes when each Sent email reached each recipient once, and ignores mail CRM did not send', () => {
    const { ledger } = manualLedger();
    crmEmail(ledger, '<once@crm>', 'Sent');
    ledger.sentOut('<once@crm>', 'carol@fabrikam.example');
    ledger.accepted('<once@crm>', ['anna@contoso.example']);
    ledger.delivered('<once@crm>', 'anna@contoso.example', 'user', 'Inbox', false);
    ledger.submitted('<incoming@x>', 's', ['anna@contoso.example']);
    ledger.sentOut('<incoming@x>', 'someone@elsewhere.example');
    ledger.sentOut('<incoming@x>', 'someone@elsewhere.example');
    expect(checkOutboundExactlyOnce(ledger)).toMatchObject({ verdict: 'pass', summary: 'the one Sent CRM email reached each recipient once' });
  });

  it('flags the known-bad case: a 250 lost after DATA, sent again, delivered twice', () => {
    const { ledger } = manualLedger();
    crmEmail(ledger, '<twice@crm>', 'Sent', 2);
    ledger.sentOut('<twice@crm>', 'carol@fabrikam.example');
    ledger.sentOut('<twice@crm>', 'Carol@fabrikam.example');
    ledger.delivered('<twice@crm>', 'anna@contoso.example', 'user', 'Inbox', false);
    const result = checkOutboundExactlyOnce(ledger);
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe('1 extra delivery over 1 CRM email');
    expect(result.offenders[0]).toMatchObject({ messageId: '<twice@crm>', detail: 'Sent after 2 attempts, delivered 2 times to carol@fabrikam.example' });
  });

  it('says in a passing summary how many CRM emails ended Failed: CRM gave up sending (O1)', () => {
    const { ledger } = manualLedger();
    crmEmail(ledger, '<gave-up-1@crm>', 'Failed', 10);
    crmEmail(ledger, '<gave-up-2@crm>', 'Failed', 10);
    expect(checkOutboundExactlyOnce(ledger)).toMatchObject({ verdict: 'pass', summary: 'no CRM email ended Sent; 2 CRM emails ended Failed: CRM gave up sending (O1)' });
  });

  it('flags a duplicate delivery of an email that ended Failed, like the duplicates count', () => {
    const { ledger } = manualLedger();
    crmEmail(ledger, '<failed@crm>', 'Failed', 10);
    ledger.sentOut('<failed@crm>', 'carol@fabrikam.example');
    ledger.sentOut('<failed@crm>', 'carol@fabrikam.example');
    expect(checkOutboundExactlyOnce(ledger)).toMatchObject({ verdict: 'fail', summary: '1 extra delivery over 1 CRM email; 1 CRM email ended Failed: CRM gave up sending (O1)' });
  });

  it('flags an email CRM marked Sent that reached nobody, unless it is still in flight', () => {
    const { ledger } = manualLedger();
    crmEmail(ledger, '<nowhere@crm>', 'Sent');
    expect(checkOutboundExactlyOnce(ledger).offenders[0]?.detail).toBe('Sent after 1 attempts, delivered to nobody');
    ledger.setInFlight(new Map([['<nowhere@crm>', 'ex1 transport queue']]));
    expect(checkOutboundExactlyOnce(ledger).verdict).toBe('pass');
  });

  it('fails on a real run where Exchange drops the 250 after DATA and CRM sends again', () => {
    const outcome = runCrm({
      emails: '[{ at: 10m, from: paul@contoso.example, to: [anna@contoso.example], subject: "Internal" }]',
      outbound: '{ smtpServer: ex1 }',
      faults: '[{ at: 1m, verb: smtpFault, target: ex1, stage: end-of-data, dropReply: true }, { at: 12m, verb: clearSmtpFault, target: ex1 }]',
    });
    const check = outcome.checks.find((c) => c.name === 'outbound-exactly-once')!;
    expect(check.verdict).toBe('fail');
    expect(check.offenders.map((o) => o.messageId)).toEqual(keysSubmittedBy(outcome, 'paul@contoso.example'));
    expect(check.offenders[0]!.detail).toContain('2 times to anna@contoso.example');
    expect(outcome.verdict).toBe('fail');
  });
});
