// The router reads only the Inbox (R4). A message it asked CRM about, whose DeliverIncomingEmail then failed (CRM
// down), and which its owner filed before CRM came back, is never read again: the router's end-of-run account names
// it not-in-root-inbox. Before, no model named a reason, and a message some path had evaluated was 'unexplained'
// (no-silent-drop failed). Found by generated scenarios with people's habits.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';

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
    expect(life?.untrackedReason).toBe('deleted-before-tracking');
    expect(outcome.counts.untrackedByReason['unexplained']).toBeUndefined();
    expect(outcome.verdict).toBe('pass');
  });
});
