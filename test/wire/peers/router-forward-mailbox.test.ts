// The router's cycle against a real mailbox store: mail goes nodemailer -> Postfix -> Dovecot, inbox rules forward it
// as attachments to the forward mailbox, and the router reads that mailbox over POP3 (as the product did) or IMAP
// (standing in for EWS), tracks into the model CRM and deletes what it processed (R10). A crash between creating an
// activity and deleting its item is absorbed by CRM's duplicate check (S8); the ledger's checkers judge the outcome.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { requirePeers, skipWithoutPeers } from '../../helpers/peers/availability.js';
import { checkForwardMailbox } from '../../helpers/peers/forward-mailbox-check.js';
import { startMailPeers, type MailPeers } from '../../helpers/peers/mail-peers.js';
import { PEER_MAILBOXES, type Protocol } from '../../helpers/peers/peer-world.js';

const skip = skipWithoutPeers('router-forward-mailbox.test');

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
      await checkForwardMailbox(peers.endpoints, protocol);
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});
