// Postfix as a real sending MTA (the peers' mode b): mail submitted while its next hop is down is deferred (the log
// says so), kept in its queue, and delivered once each after the next hop comes up. The next hop here is the
// delivering Postfix in front of Dovecot; the fake Exchange's listener takes that place in the wire-mode tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../../harness/peers/peer-traffic.js';
import { waitForItems } from '../../../harness/peers/mailbox-watch.js';
import { requirePeers, skipWithoutPeers } from '../../helpers/peers/availability.js';
import { freePort } from '../../helpers/peers/free-port.js';
import { startMailPeers, type MailPeers } from '../../helpers/peers/mail-peers.js';
import { PAUL, PEER_MAILBOXES, opener } from '../../helpers/peers/peer-world.js';
import { startRelayPostfix, type RelayPostfix } from '../../helpers/peers/relay-postfix.js';
import { waitUntil } from '../../helpers/wait-until.js';

const skip = skipWithoutPeers('postfix-relay.test');

describe.skipIf(skip)('Postfix relaying to a next hop that is down, then up', () => {
  let relay: RelayPostfix | undefined;
  let peers: MailPeers | undefined;
  let failed = false;

  beforeAll(() => requirePeers());

  afterAll(async () => {
    if (failed) console.error(`${relay?.logs() ?? ''}\n${peers?.logs() ?? ''}`);
    await relay?.stopAndClean(failed);
    await peers?.stop(failed);
  }, 60_000);

  it('defers while the next hop refuses connections and delivers each message once after it is up', async () => {
    try {
      const nextHop = await freePort();
      relay = await startRelayPostfix(nextHop);
      const transport = smtpTransport(relay.smtpPort);
      const ids = [1, 2, 3].map((n) => `<queued-${n}@fabrikam.test>`);
      for (const messageId of ids) {
        const info = await transport.sendMail({ messageId, from: 'carol@fabrikam.test', to: PAUL, subject: messageId, text: 'queued\n' });
        expect(info.response).toMatch(/^250 /);
      }
      transport.close();
      const r = relay;
      await waitUntil('three deferrals', () => r.logged('deferred') >= 3);

      peers = await startMailPeers(PEER_MAILBOXES, nextHop);
      await r.flush();
      const items = await waitForItems(opener(peers.endpoints, PAUL, 'imap'), 3, 15_000);
      expect(items.map((i) => i.message.messageId).sort()).toEqual(ids);
      expect(r.logged('sent')).toBe(3);
    } catch (error) {
      failed = true;
      throw error;
    }
  });
});
