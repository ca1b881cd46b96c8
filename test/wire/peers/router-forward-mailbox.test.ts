// The router's cycle against a real mailbox store: mail goes nodemailer -> Postfix -> Dovecot, inbox rules forward it
// as attachments to the forward mailbox, and the router reads that mailbox over POP3 (as the product did) or IMAP
// (standing in for EWS), tracks into the model CRM and deletes what it processed (R10). A crash between creating an
// activity and deleting its item is absorbed by CRM's duplicate check (S8); the ledger's checkers judge the outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../../sim/ledger/ledger.js';
import type { MailboxSession } from '../../../fakes/wire/mailstore/mailbox-session.js';
import { countAndCheck } from '../../../sim/check/all-checks.js';
import { RouterCrash, runRouterCycle, type PeerProvider } from '../../../harness/peers/router-cycle.js';
import { newPeerProviderState } from '../../../harness/peers/provider-state.js';
import { peerCrm } from '../../../harness/peers/peer-crm.js';
import { smtpTransport, submit } from '../../../harness/peers/peer-traffic.js';
import { runInboxRule, type RuleMemory } from '../../../harness/peers/inbox-rule.js';
import { declareUnprocessed, recordPlacements, waitForItems } from '../../../harness/peers/mailbox-watch.js';
import { requirePeers, skipWithoutPeers } from '../../helpers/peers/availability.js';
import { startMailPeers, type MailPeers } from '../../helpers/peers/mail-peers.js';
import { ANNA, FORWARD, PAUL, PEER_MAILBOXES, incomingTraffic, opener, peerOrgConfig, type Protocol } from '../../helpers/peers/peer-world.js';

const skip = skipWithoutPeers('router-forward-mailbox.test');

/** Every item's bytes, sorted (as text), over one session. */
async function rawItems(open: () => Promise<MailboxSession>): Promise<string[]> {
  const session = await open();
  const raws: string[] = [];
  for (const item of await session.list()) raws.push((await session.fetch(item.id)).toString('latin1'));
  await session.close();
  return raws.sort();
}

describe.skipIf(skip).each<Protocol>(['pop3', 'imap'])('the router reads a Dovecot forward mailbox over %s', (protocol) => {
  let peers: MailPeers;
  let failed = false;

  beforeAll(async () => {
    requirePeers();
    peers = await startMailPeers(PEER_MAILBOXES);
  });

  afterAll(async () => {
    if (failed) console.error(peers.logs());
    await peers?.stop(failed);
  });

  it('tracks each message once, refuses the second copy as Duplicate, survives a crash before delete, empties the mailbox', async () => {
    try {
      const started = Date.now();
      const ledger = new Ledger(() => Date.now() - started);
      const crm = peerCrm(peerOrgConfig(), ledger, () => Date.now() - started);
      const transport = smtpTransport(peers.postfix.smtpPort);
      const traffic = incomingTraffic();
      for (const message of traffic) expect(await submit(transport, ledger, message)).toEqual(message.to);

      // The users' inbox rules (R1) forward each message as an attachment: 5 + 3 copies, one Message-ID twice.
      await waitForItems(opener(peers, PAUL, 'imap'), 5);
      await waitForItems(opener(peers, ANNA, 'imap'), 3);
      const memory: RuleMemory = new Map();
      for (const owner of [PAUL, ANNA]) await runInboxRule({ owner, forwardTo: FORWARD, open: opener(peers, owner, 'imap') }, memory, transport, crm, ledger);
      const forwarded = await waitForItems(opener(peers, FORWARD, 'imap'), 8);
      expect(forwarded.map((i) => i.message.attached?.key).sort()).toEqual([...traffic.map((m) => m.messageId), '<order-6@fabrikam.test>'].sort());
      recordPlacements(ledger, FORWARD, 'forward', forwarded, () => false);
      // POP3 and IMAP hand over the same bytes (byte-stuffed lines included: order 1 has lines starting with ".").
      const [overPop3, overImap] = await Promise.all([rawItems(opener(peers, FORWARD, 'pop3')), rawItems(opener(peers, FORWARD, 'imap'))]);
      expect(overPop3).toEqual(overImap);
      expect(overPop3.some((raw) => raw.includes('\r\n.a line that starts with a dot\r\n..and one with two\r\n.\r\n'))).toBe(true);
      transport.close();

      // The service stops after creating the third activity, before deleting its item.
      const provider: PeerProvider = { mailbox: FORWARD, deleteAfterProcessing: true, open: opener(peers, FORWARD, protocol) };
      const state = newPeerProviderState();
      let created = 0;
      await expect(runRouterCycle(crm, ledger, provider, state, { crashAfterCreate: () => ++created === 3 })).rejects.toBeInstanceOf(RouterCrash);
      const afterCrash = await waitForItems(opener(peers, FORWARD, 'imap'), 0);
      // POP3 forgets the dead session's DELEs; IMAP expunged the items before the crashed one.
      expect(afterCrash.length).toBeGreaterThanOrEqual(protocol === 'pop3' ? 8 : 1);
      expect(crm.durable.db.activities.size).toBe(3);

      // Started again, it reads what is left: the crashed item comes back and CRM refuses it as Duplicate (S8).
      const report = await runRouterCycle(crm, ledger, provider, state);
      expect(report.error).toBeNull();
      const left = await waitForItems(opener(peers, FORWARD, protocol), 0);
      expect(left).toEqual([]);
      declareUnprocessed(ledger, FORWARD, left);

      // The model's first copy tracked once per Message-ID (order 7 is a stranger's: refused, S9).
      const incoming = crm.durable.db.byMessageId.incoming;
      expect([...incoming.keys()].sort()).toEqual(traffic.slice(0, 6).map((m) => m.messageId.toLowerCase()).sort());
      expect([...incoming.values()].every((entry) => !Array.isArray(entry))).toBe(true);

      const { counts, checks } = countAndCheck(ledger);
      expect(counts).toMatchObject({ sent: 7, accepted: 7, delivered: 8, lost: 0, tracked: 6, untracked: 0, duplicates: 0, pending: 0 });
      // Order 6's second copy, plus what the crash left to read again (POP3: everything it had read).
      expect(counts.duplicatesPrevented).toBeGreaterThanOrEqual(2);
      expect(counts.tossed).toBeGreaterThanOrEqual(1);
      const verdicts = Object.fromEntries(checks.map((c) => [c.name, c.verdict]));
      expect(verdicts).toEqual({
        'no-lost-mail': 'pass', 'no-untracked-mail': 'pass', 'no-duplicate-activity': 'pass', 'outbound-exactly-once': 'pass',
        'no-silent-drop': 'pass', liveness: 'pass', latency: 'unknown',
      });
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});
