// CRM's outbound email through real software: the model CRM's Pending Send email (O1) leaves through nodemailer to
// Postfix, which delivers into Dovecot; each recipient's Inbox, read over IMAP, must hold exactly one copy, and the
// ledger's outbound-exactly-once check must agree.
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { countAndCheck } from '../../../sim/check/all-checks.js';
import { STATUS } from '../../../fakes/crm/email-activity.js';
import { sendPendingEmail } from '../../../harness/peers/crm-outbound.js';
import { peerCrm } from '../../../harness/peers/peer-crm.js';
import { smtpTransport } from '../../../harness/peers/peer-traffic.js';
import { recordPlacements, waitForItems } from '../../../harness/peers/mailbox-watch.js';
import { skipWithoutPeers } from '../../helpers/peers/availability.js';
import { useMailPeers } from '../../helpers/peers/use-mail-peers.js';
import { ANNA, CAROL, LEE, PAUL, PEER_MAILBOXES, opener, peerOrgConfig } from '../../helpers/peers/peer-world.js';

const skip = skipWithoutPeers('crm-outbound.test');

const email = (from: string, to: string[], cc: string[], subject: string) => ({ atMs: 0, from, to, cc, subject, regarding: null, sizeBytes: 2_000 });

describe.skipIf(skip)('CRM outbound through Postfix into Dovecot', () => {
  const suite = useMailPeers(PEER_MAILBOXES);

  it('sends each Pending Send email once: Sent in CRM, one copy per recipient over IMAP', () => suite.run(async (peers) => {
    const started = Date.now();
    const clock = () => Date.now() - started;
    const ledger = new Ledger(clock);
    const crm = peerCrm(peerOrgConfig([
      email(PAUL, [CAROL], [], 'Your quote'), email(PAUL, [CAROL, LEE], [], 'Meeting notes'), email(ANNA, [LEE], [CAROL], 'Welcome'),
    ]), ledger, clock);
    crm.createScheduledEmails();
    const transport = smtpTransport(peers.postfix.smtpPort);
    expect(await sendPendingEmail(crm, ledger, transport)).toEqual({ taken: 3, sent: 3, failedAttempts: 0 });
    // Nothing is left to send: a second pass takes nothing (O1: Sent leaves the outbound list).
    expect(await sendPendingEmail(crm, ledger, transport)).toEqual({ taken: 0, sent: 0, failedAttempts: 0 });
    transport.close();
    expect([...crm.durable.db.activities.values()].map((a) => a.statuscode)).toEqual([STATUS.sent, STATUS.sent, STATUS.sent]);

    const expected: Record<string, number> = { [CAROL]: 3, [LEE]: 2 };
    for (const [mailbox, count] of Object.entries(expected)) {
      const items = await waitForItems(opener(peers.endpoints, mailbox, 'imap'), count);
      const ids = items.map((i) => i.message.messageId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(items).toHaveLength(count);
      recordPlacements(ledger, mailbox, 'user', items, () => false);
    }

    const { counts, checks } = countAndCheck(ledger);
    expect(counts).toMatchObject({ sent: 3, accepted: 3, delivered: 5, lost: 0, bounced: 0, duplicates: 0, pending: 0 });
    const exactlyOnce = checks.find((c) => c.name === 'outbound-exactly-once');
    expect(exactlyOnce).toMatchObject({ verdict: 'pass', summary: 'each of 3 Sent CRM emails reached each recipient once' });
    expect(checks.filter((c) => c.verdict === 'fail')).toEqual([]);
  }));
});
