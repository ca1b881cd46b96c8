// The router reads only the Inbox (R4). A message it asked CRM about, whose DeliverIncomingEmail then failed (CRM
// down), and which its owner filed before CRM came back, is never read again: the router's end-of-run account names
// it not-in-root-inbox. Before, no model named a reason, and a message some path had evaluated was 'unexplained'
// (no-silent-drop failed). Found by generated scenarios with people's habits.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { leftTheInbox } from '../../../fakes/router/router-world.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';

describe('mail that leaves the Inbox after the router asked CRM about it, before it tracked it', () => {
  it('is untracked as not-in-root-inbox, and nothing is unexplained', () => {
    const outcome = runScenario(loadScenarioFile('test/fixtures/fuzz/filed-during-crm-outage.yaml'));
    const life = outcome.ledger.get('<message-14@fabrikam.example>');
    expect(life?.evaluations.map((e) => e.caller)).toEqual(['router']);
    expect(life?.activities).toEqual([]);
    expect(life?.path.some((s) => s.step === 'moved' && s.detail === 'paul@contoso.example/Projects')).toBe(true);
    expect(life?.untrackedReason).toBe('not-in-root-inbox');
    expect(outcome.counts.untrackedByReason['unexplained']).toBeUndefined();
    expect(outcome.checks.find((c) => c.name === 'no-silent-drop')?.verdict).toBe('pass');
    expect(outcome.verdict).toBe('pass');
  });

  it('is deleted-before-tracking when the owner deleted it after crashes cut the router short', () => {
    const outcome = runScenario(loadScenarioFile('test/fixtures/fuzz/deleted-during-router-crashes.yaml'));
    const life = outcome.ledger.get('<message-11@fabrikam.example>');
    expect(life?.evaluations.length).toBeGreaterThan(0);
    expect(life?.activities).toEqual([]);
    expect(life?.path.some((s) => s.step === 'moved' && s.detail === 'ines@contoso.example/Deleted Items')).toBe(true);
    expect(life?.untrackedReason).toBe('deleted-before-tracking');
    expect(outcome.counts.untrackedByReason['unexplained']).toBeUndefined();
    expect(outcome.checks.find((c) => c.name === 'no-silent-drop')?.verdict).toBe('pass');
    expect(outcome.verdict).toBe('pass');
  });

  it('explains nothing while another eligible copy sits in an Inbox, or when a reason is there already', () => {
    const { ledger } = manualLedger();
    // Filed by alice, but bob's copy is still in his Inbox: some path should have read that one.
    ledger.submitted('<two@x>', 'carol@out', ['alice', 'bob']);
    ledger.accepted('<two@x>', ['alice', 'bob']);
    ledger.delivered('<two@x>', 'alice', 'user', 'Inbox', true);
    ledger.delivered('<two@x>', 'bob', 'user', 'Inbox', true);
    ledger.moved('<two@x>', 'alice', 'Projects');
    expect(leftTheInbox(ledger.get('<two@x>')!)).toBeNull();
    // Both copies out: filed by one, deleted by the other.
    ledger.moved('<two@x>', 'bob', 'Deleted Items');
    expect(leftTheInbox(ledger.get('<two@x>')!)).toBe('not-in-root-inbox');
    // A copy that came back to the Inbox from Junk counts as away: no inbox rule or arrival handler saw it there.
    ledger.submitted('<junk@x>', 'carol@out', ['alice', 'bob']);
    ledger.accepted('<junk@x>', ['alice', 'bob']);
    ledger.delivered('<junk@x>', 'bob', 'user', 'Junk', true);
    ledger.delivered('<junk@x>', 'alice', 'user', 'Inbox', true);
    ledger.moved('<junk@x>', 'bob', 'Inbox');
    ledger.moved('<junk@x>', 'alice', 'Projects');
    expect(leftTheInbox(ledger.get('<junk@x>')!)).toBe('not-in-root-inbox');
    // Deleted everywhere.
    deliver(ledger, '<gone@x>');
    ledger.moved('<gone@x>', 'alice', 'Deleted Items');
    expect(leftTheInbox(ledger.get('<gone@x>')!)).toBe('deleted-before-tracking');
    // A model's own reason stands; mail eligible nowhere needs none.
    ledger.untracked('<gone@x>', 'crm-error');
    expect(leftTheInbox(ledger.get('<gone@x>')!)).toBeNull();
    ledger.submitted('<news@x>', 'news@out', ['alice']);
    ledger.accepted('<news@x>', ['alice']);
    ledger.delivered('<news@x>', 'alice', 'user', 'Inbox', false);
    ledger.moved('<news@x>', 'alice', 'Projects');
    expect(leftTheInbox(ledger.get('<news@x>')!)).toBeNull();
  });
});
