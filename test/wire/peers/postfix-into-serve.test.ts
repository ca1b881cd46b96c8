// A real MTA against the fake Exchange (issue 11): Postfix relays to `mailflow serve`'s listener while the scenario
// has ex1 down (connection refused), queues and retries on its own schedule, and delivers after ex1 is back; a 250
// lost after DATA makes it send again. The ledger must show every message accepted, delivered once per recipient (a
// resend is one message, not two), tracked once by the router and nothing lost: our retry model (X1) met a program
// we did not write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../../harness/peers/peer-traffic.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { startServe, type ServeSession } from '../../../harness/run/serve-scenario.js';
import { POSTFIX, requirePeers, skipWithoutPeers } from '../../helpers/peers/availability.js';
import { startRelayPostfix, type RelayPostfix } from '../../helpers/peers/relay-postfix.js';
import { freePort } from '../../helpers/peers/free-port.js';
import { waitUntil } from '../../helpers/wait-until.js';

const skip = skipWithoutPeers('postfix-into-serve.test', [POSTFIX]);

const MINUTE = 60_000;
/** 6 virtual minutes per wall second: the outage below lasts about 10 wall seconds. */
const TIME_SCALE = 360;

// The router's forward mailbox lives on ex-crm, which stays up; ex1 (the MX, the users' mailboxes) is down for the
// first hour, then drops the 250 after DATA for 20 minutes (about 3.3 wall seconds). The window must end well before
// Postfix retries: its backoff (5 s, test/helpers/peers/postfix.ts) is 30 virtual minutes here, and a window as long
// as that once let a busy machine's retry meet the fault again.
const SCENARIO = `kind: scenario
name: postfix-into-serve
seed: 3
start: 2026-01-05T08:00:00Z
horizon: 6h
drain: 1d
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }, { name: ex-crm, site: hq }]
  databases: [{ name: db1, server: ex1 }, { name: db-crm, server: ex-crm }]
  mailboxes:
    - { address: paul@contoso.example, database: db1 }
    - { address: anna@contoso.example, database: db1 }
    - { address: crm@contoso.example, kind: forward, database: db-crm }
  rules:
    - { action: forward-as-attachment, to: crm@contoso.example, users: [paul@contoso.example, anna@contoso.example] }
  mx: [ex1]
crm:
  users:
    - { address: paul@contoso.example, incoming: forward-mailbox, filter: all }
    - { address: anna@contoso.example, incoming: forward-mailbox, filter: all }
router:
  incomingProfiles: [{ name: exchange-in, server: ex-crm }]
  outgoingProfiles: [{ name: smtp-out, server: ex-crm }]
  deployments:
    - { incomingProfile: exchange-in, outgoingProfile: smtp-out, forwardMailbox: { address: crm@contoso.example } }
faults:
  - { at: 0s, verb: down, target: ex1 }
  - { at: 1h, verb: up, target: ex1 }
  - { at: 2h, verb: smtpFault, target: ex1, stage: end-of-data, dropReply: true }
  - { at: 2h20m, verb: clearSmtpFault, target: ex1 }
`;

describe.skipIf(skip)('Postfix relaying into the fake Exchange', () => {
  let relay: RelayPostfix | undefined;
  let session: ServeSession | undefined;
  let failed = false;

  beforeAll(() => requirePeers([POSTFIX]));
  afterAll(async () => {
    if (failed) console.error(relay?.logs() ?? '');
    await session?.stop();
    await relay?.stopAndClean(failed);
  }, 60_000);

  it('queues through the outage, delivers after it, resends after a lost 250, and the ledger shows each once', async () => {
    try {
      // Postfix first (its start takes seconds), relaying to a port the fake Exchange then listens on: the outage's
      // clock starts only when the relay is ready.
      const ex1Port = await freePort();
      relay = await startRelayPostfix(ex1Port);
      const r = relay;
      const serve = await startServe(parseScenarioText(SCENARIO, 'postfix-into-serve.yaml'), { smtpPort: ex1Port, timeScale: TIME_SCALE });
      session = serve;
      const ex1 = serve.listeners.find((l) => l.server === 'ex1');
      if (ex1 === undefined) throw new Error('no listener for ex1');

      // During the outage: connections refused, so Postfix defers and keeps the mail (X1).
      const transport = smtpTransport(r.smtpPort);
      const outage = ['<outage-1@fabrikam.example>', '<outage-2@fabrikam.example>'];
      await transport.sendMail({ messageId: outage[0], from: 'carol@fabrikam.example', to: 'paul@contoso.example', subject: 'during the outage', text: 'queued\n' });
      await transport.sendMail({ messageId: outage[1], from: 'carol@fabrikam.example', to: ['paul@contoso.example', 'anna@contoso.example'], subject: 'to both', text: 'queued\n' });
      await waitUntil('two deferrals', () => r.logged('deferred') >= 2);
      expect(ex1.received()).toBe(0);

      // ex1 is back at 1h: Postfix's next retry (or a flush) delivers both.
      await waitUntil('ex1 back', () => serve.nowMs() >= 61 * MINUTE);
      await r.flush();
      await waitUntil('the queued mail delivered', () => r.logged('sent') >= 2);

      // 2h to 2h20m: ex1 takes the message but drops the 250; Postfix must assume failure and send it again.
      await waitUntil('the dropped-reply window', () => serve.nowMs() >= 2 * 60 * MINUTE + MINUTE);
      const dropped = '<dropped-250@fabrikam.example>';
      await transport.sendMail({ messageId: dropped, from: 'carol@fabrikam.example', to: 'anna@contoso.example', subject: 'its 250 is lost', text: 'twice\n' });
      transport.close();
      await waitUntil('the lost 250 deferred', () => r.logged('deferred') >= 3);
      await waitUntil('the window over', () => serve.nowMs() >= 2 * 60 * MINUTE + 21 * MINUTE);
      await r.flush();
      await waitUntil('the resend delivered', () => r.logged('sent') >= 3);

      const outcome = await serve.stop();
      session = undefined;
      // Each message accepted and delivered once per recipient (the resend is the same message), tracked once; nothing
      // lost, nothing pending, every check as expected.
      expect(outcome.counts).toMatchObject({ sent: 3, accepted: 3, delivered: 4, lost: 0, duplicates: 0, pending: 0, tracked: 3, untracked: 0 });
      const resent = outcome.ledger.get(dropped);
      expect(resent?.path.filter((p) => p.step === 'smtp-attempt').map((p) => p.detail)).toEqual(['end-of-data: no reply after DATA (connection lost)']);
      expect(resent?.activities).toHaveLength(1);
      expect(outcome.checks.filter((c) => c.verdict !== c.expected).map((c) => c.name)).toEqual([]);
    } catch (error) {
      failed = true;
      throw error;
    }
  }, 90_000);
});
