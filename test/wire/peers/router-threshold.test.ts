// The router's resume point against a real mailbox (R8): with "delete messages after processing" unchecked (R10) the
// forward mailbox keeps every copy over IMAP, and the ThresholdDate alone keeps the next cycles from reading them
// again: a second cycle reads nothing, and a third reads only what arrived since.
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { countAndCheck } from '../../../sim/check/all-checks.js';
import { runRouterCycle, type PeerProvider } from '../../../harness/peers/router-cycle.js';
import { newPeerProviderState } from '../../../harness/peers/provider-state.js';
import { peerCrm } from '../../../harness/peers/peer-crm.js';
import { smtpTransport, submit } from '../../../harness/peers/peer-traffic.js';
import { runInboxRule, type RuleMemory } from '../../../harness/peers/inbox-rule.js';
import { recordPlacements, waitForItems, type SeenItem } from '../../../harness/peers/mailbox-watch.js';
import { skipWithoutPeers } from '../../helpers/peers/availability.js';
import { CAROL, FORWARD, PAUL, PEER_MAILBOXES, opener, peerOrgConfig } from '../../helpers/peers/peer-world.js';
import { useMailPeers } from '../../helpers/peers/use-mail-peers.js';

const skip = skipWithoutPeers('router-threshold.test');

const order = (n: number) => ({ messageId: `<kept-${n}@fabrikam.test>`, from: CAROL, to: [PAUL], subject: `Kept ${n}`, text: `Kept ${n}.\n` });

describe.skipIf(skip)('the router keeps forward-mailbox copies and resumes from its ThresholdDate', () => {
  const suite = useMailPeers(PEER_MAILBOXES);

  it('reads each copy once across cycles without deleting any', () => suite.run(async (peers) => {
    const started = Date.now();
    const ledger = new Ledger(() => Date.now() - started);
    const crm = peerCrm(peerOrgConfig(), ledger, () => Date.now() - started);
    const transport = smtpTransport(peers.postfix.smtpPort);
    const memory: RuleMemory = new Map();
    const rule = { owner: PAUL, forwardTo: FORWARD, open: opener(peers.endpoints, PAUL, 'imap') };
    const recorded = new Set<string>();
    /** Sends `count` more messages to Paul, lets his rule forward them, and records the new forward copies. */
    const deliver = async (from: number, count: number, total: number): Promise<void> => {
      for (let n = from; n < from + count; n++) await submit(transport, ledger, order(n));
      await waitForItems(rule.open, total);
      await runInboxRule(rule, memory, transport, crm, ledger);
      const fresh = (await waitForItems(opener(peers.endpoints, FORWARD, 'imap'), total)).filter((i: SeenItem) => !recorded.has(i.id));
      for (const item of fresh) recorded.add(item.id);
      recordPlacements(ledger, FORWARD, 'forward', fresh, () => false);
    };
    const provider: PeerProvider = { mailbox: FORWARD, deleteAfterProcessing: false, open: opener(peers.endpoints, FORWARD, 'imap') };
    const state = newPeerProviderState();

    await deliver(1, 3, 3);
    expect(await runRouterCycle(crm, ledger, provider, state)).toEqual({ read: 3, tracked: 3, refused: 0, kept: 0, error: null });
    expect(await runRouterCycle(crm, ledger, provider, state)).toEqual({ read: 0, tracked: 0, refused: 0, kept: 0, error: null });
    await deliver(4, 1, 4);
    expect(await runRouterCycle(crm, ledger, provider, state)).toEqual({ read: 1, tracked: 1, refused: 0, kept: 0, error: null });
    transport.close();

    expect(await waitForItems(provider.open, 4)).toHaveLength(4);
    const { counts, checks } = countAndCheck(ledger);
    // Nothing read twice: not even a Duplicate refusal was needed (S8 never came into play).
    expect(counts).toMatchObject({ sent: 4, tracked: 4, duplicatesPrevented: 0, duplicates: 0, lost: 0, untracked: 0 });
    expect(checks.filter((c) => c.verdict === 'fail')).toEqual([]);
  }));
});
