// The router's cycle against a real mailbox store: mail goes nodemailer -> Postfix -> Dovecot, inbox rules forward it
// as attachments to the forward mailbox, and the router reads that mailbox over POP3 (as the product did) or IMAP
// (standing in for EWS), tracks into the model CRM and deletes what it processed (R10). A crash between creating an
// activity and deleting its item is absorbed by CRM's duplicate check (S8); the ledger's checkers judge the outcome.
import { describe, it } from 'vitest';
import { skipWithoutPeers } from '../../helpers/peers/availability.js';
import { checkForwardMailbox } from '../../helpers/peers/forward-mailbox-check.js';
import { PEER_MAILBOXES, type Protocol } from '../../helpers/peers/peer-world.js';
import { useMailPeers } from '../../helpers/peers/use-mail-peers.js';

const skip = skipWithoutPeers('router-forward-mailbox.test');

describe.skipIf(skip).each<Protocol>(['pop3', 'imap'])('the router reads a Dovecot forward mailbox over %s', (protocol) => {
  const suite = useMailPeers(PEER_MAILBOXES);

  it('tracks each message once, refuses the second copy as Duplicate, survives a crash before delete, empties the mailbox', () =>
    suite.run((peers) => checkForwardMailbox(peers.endpoints, protocol)));
});
