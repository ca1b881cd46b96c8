// The forward-mailbox check the peer tests run against any mail store (Postfix + Dovecot, or a container): mail in
// through SMTP, inbox rules forwarding it as attachments (R1), the router's cycle over POP3 or IMAP with a crash
// between create and delete, then what the model CRM and the ledger's checkers must show: each message tracked once,
// the second copy refused as Duplicate (S8), the forward mailbox empty (R10), nothing lost or pending.
import { expect } from 'vitest';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { countAndCheck } from '../../../sim/check/all-checks.js';
import type { MailboxSession } from '../../../fakes/wire/mailstore/mailbox-session.js';
import type { CrmSettings } from '../../../fakes/crm/crm-config.js';
import { RouterCrash, runRouterCycle, type PeerProvider } from '../../../harness/peers/router-cycle.js';
import { newPeerProviderState } from '../../../harness/peers/provider-state.js';
import { peerCrm, type PeerCrm } from '../../../harness/peers/peer-crm.js';
import { smtpTransport, submit, type PeerMessage } from '../../../harness/peers/peer-traffic.js';
import { runInboxRule, type RuleMemory } from '../../../harness/peers/inbox-rule.js';
import { declareUnprocessed, recordPlacements, waitForItems } from '../../../harness/peers/mailbox-watch.js';
import { ANNA, FORWARD, PAUL, incomingTraffic, opener, peerOrgConfig, type MailEndpoints, type Protocol } from './peer-world.js';

/** Every item's bytes, sorted (as text), over one session. */
async function rawItems(open: () => Promise<MailboxSession>): Promise<string[]> {
  const session = await open();
  const raws: string[] = [];
  for (const item of await session.list()) raws.push((await session.fetch(item.id)).toString('latin1'));
  await session.close();
  return raws.sort();
}

export interface PreparedMailbox {
  readonly ledger: Ledger;
  readonly crm: PeerCrm;
  readonly traffic: readonly PeerMessage[];
}

/**
 * Mail in through SMTP, the users' inbox rules (R1) forwarding each message as an attachment: 5 + 3 copies in the
 * forward mailbox, one Message-ID twice, each recorded as a placement. `settings` changes the model CRM's.
 */
export async function prepareForwardMailbox(store: MailEndpoints, settings: Partial<CrmSettings> = {}): Promise<PreparedMailbox> {
  const started = Date.now();
  const ledger = new Ledger(() => Date.now() - started);
  const config = peerOrgConfig();
  const crm = peerCrm({ ...config, settings: { ...config.settings, ...settings } }, ledger, () => Date.now() - started);
  const transport = smtpTransport(store.smtpPort, store.host);
  const traffic = incomingTraffic();
  for (const message of traffic) expect(await submit(transport, ledger, message)).toEqual(message.to);
  await waitForItems(opener(store, PAUL, 'imap'), 5);
  await waitForItems(opener(store, ANNA, 'imap'), 3);
  const memory: RuleMemory = new Map();
  for (const owner of [PAUL, ANNA]) await runInboxRule({ owner, forwardTo: FORWARD, open: opener(store, owner, 'imap') }, memory, transport, crm, ledger);
  const forwarded = await waitForItems(opener(store, FORWARD, 'imap'), 8);
  expect(forwarded.map((i) => i.message.attached?.key).sort()).toEqual([...traffic.map((m) => m.messageId), '<order-6@fabrikam.test>'].sort());
  recordPlacements(ledger, FORWARD, 'forward', forwarded, () => false);
  transport.close();
  return { ledger, crm, traffic };
}

/** The router stops after creating the third activity, before deleting its item; started again, it reads what is left. */
export async function crashAndRerun(store: MailEndpoints, protocol: Protocol, { crm, ledger }: PreparedMailbox): Promise<void> {
  const provider: PeerProvider = { mailbox: FORWARD, deleteAfterProcessing: true, open: opener(store, FORWARD, protocol) };
  const state = newPeerProviderState();
  let created = 0;
  await expect(runRouterCycle(crm, ledger, provider, state, { crashAfterCreate: () => ++created === 3 })).rejects.toBeInstanceOf(RouterCrash);
  // At least the crashed item is still there (POP3 also forgets the dead session's DELEs: all eight are).
  expect((await waitForItems(opener(store, FORWARD, 'imap'), 0)).length).toBeGreaterThanOrEqual(1);
  expect(crm.durable.db.activities.size).toBe(3);
  expect((await runRouterCycle(crm, ledger, provider, state)).error).toBeNull();
  const left = await waitForItems(opener(store, FORWARD, protocol), 0);
  expect(left).toEqual([]);
  declareUnprocessed(ledger, FORWARD, left);
}

export async function checkForwardMailbox(store: MailEndpoints, protocol: Protocol): Promise<void> {
  const prepared = await prepareForwardMailbox(store);
  const { crm, ledger, traffic } = prepared;
  // POP3 and IMAP hand over the same bytes (byte-stuffed lines included: order 1 has lines starting with ".").
  const overPop3 = await rawItems(opener(store, FORWARD, 'pop3'));
  const overImap = await rawItems(opener(store, FORWARD, 'imap'));
  expect(overPop3).toEqual(overImap);
  expect(overPop3.some((raw) => raw.includes('\r\n.a line that starts with a dot\r\n..and one with two\r\n.\r\n'))).toBe(true);

  // The crashed item comes back and CRM refuses it as Duplicate (S8).
  await crashAndRerun(store, protocol, prepared);

  // One incoming activity per Message-ID (order 7 is a stranger's: refused, S9).
  const incoming = crm.durable.db.byMessageId.incoming;
  expect([...incoming.keys()].sort()).toEqual(traffic.slice(0, 6).map((m) => m.messageId.toLowerCase()).sort());
  expect([...incoming.values()].every((entry) => !Array.isArray(entry))).toBe(true);

  const { counts, checks } = countAndCheck(ledger);
  expect(counts).toMatchObject({ sent: 7, accepted: 7, delivered: 8, lost: 0, tracked: 6, untracked: 0, duplicates: 0, pending: 0 });
  // Order 6's second copy, plus what the crash left to read again (POP3: everything it had read).
  expect(counts.duplicatesPrevented).toBeGreaterThanOrEqual(2);
  expect(counts.tossed).toBeGreaterThanOrEqual(1);
  expect(Object.fromEntries(checks.map((c) => [c.name, c.verdict]))).toEqual({
    'no-lost-mail': 'pass', 'no-untracked-mail': 'pass', 'no-duplicate-activity': 'pass', 'outbound-exactly-once': 'pass',
    'no-silent-drop': 'pass', liveness: 'pass', latency: 'unknown',
  });
}
