// The router's cycle against a real mailbox store: mail goes nodemailer -> Postfix -> Dovecot, inbox rules forward it
// as attachments to the forward mailbox, and the router reads that mailbox over POP3 (as the product did) or IMAP
// (standing in for EWS), tracks into the model CRM and deletes what it processed (R10). A crash between creating an
// activity and deleting its item is absorbed by CRM's duplicate check (S8); the ledger's checkers judge the outcome.
import { describe, expect, it } from 'vitest';
import { countAndCheck } from '../../../sim/check/all-checks.js';
import { skipWithoutPeers } from '../../helpers/peers/availability.js';
import { checkForwardMailbox, crashAndRerun, prepareForwardMailbox } from '../../helpers/peers/forward-mailbox-check.js';
import { PEER_MAILBOXES, type Protocol } from '../../helpers/peers/peer-world.js';
import { useMailPeers } from '../../helpers/peers/use-mail-peers.js';

const skip = skipWithoutPeers('router-forward-mailbox.test');

describe.skipIf(skip).each<Protocol>(['pop3', 'imap'])('the router reads a Dovecot forward mailbox over %s', (protocol) => {
  const suite = useMailPeers(PEER_MAILBOXES);

  it('tracks each message once, refuses the second copy as Duplicate, survives a crash before delete, empties the mailbox', () =>
    suite.run((peers) => checkForwardMailbox(peers.endpoints, protocol)));
});

// The same run with CRM's duplicate check switched off (the fuzzer's injectBug: no-dedup): the checkers must catch it
// on real software as they do in virtual runs, or a pass above would prove little.
describe.skipIf(skip)('the same run over IMAP with the duplicate check off', () => {
  const suite = useMailPeers(PEER_MAILBOXES);

  it('tracks the twice-forwarded message and the crashed item twice, and no-duplicate-activity fails', () => suite.run(async (peers) => {
    const prepared = await prepareForwardMailbox(peers.endpoints, { skipDuplicateCheck: true });
    await crashAndRerun(peers.endpoints, 'imap', prepared);
    const { counts, checks } = countAndCheck(prepared.ledger);
    expect(counts.duplicates).toBe(2);
    expect(counts.duplicatesPrevented).toBe(0);
    expect(checks.find((c) => c.name === 'no-duplicate-activity')?.verdict).toBe('fail');
  }));
});
