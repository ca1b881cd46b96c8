// Property (issue: the E-mail Router): with one active router, any schedule of router crashes and restarts, Exchange
// outages shorter than the senders' expiry and CRM outages ends with every eligible message tracked exactly once,
// nothing lost and nothing left waiting.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FORWARD_RULE, routerSection, runCrm } from '../../helpers/crm-scenario.js';

const MINUTE = 60_000;

const WINDOWS: Record<string, readonly [string, string]> = {
  'router-crash': ['verb: crash, target: router', 'verb: restart, target: router'],
  'router-stop': ['verb: down, target: router', 'verb: up, target: router'],
  'exchange-down': ['verb: down, target: ex1', 'verb: up, target: ex1'],
  'exchange-firewall': ['verb: stopInbound, target: ex1', 'verb: startInbound, target: ex1'],
  'database-dismounted': ['verb: dismount, target: ex1, database: db1', 'verb: mount, target: ex1, database: db1'],
  'crm-down': ['verb: down, target: crm', 'verb: up, target: crm'],
  'crm-crash': ['verb: crash, target: crm', 'verb: restart, target: crm'],
  'crm-api-503': ['verb: crmApiFault, target: crm', 'verb: clearCrmApiFault, target: crm'],
};

const arbWindow = fc.record({
  kind: fc.constantFrom(...Object.keys(WINDOWS)),
  startMs: fc.integer({ min: 0, max: 3 * 60 * MINUTE }),
  lengthMs: fc.integer({ min: 1, max: 2 * 60 * MINUTE }),
});

describe('one active router under faults', () => {
  it('tracks every eligible message exactly once', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(arbWindow, { maxLength: 5 }), fc.boolean(), (seed, windows, deleteAfterProcessing) => {
      const faults = windows.flatMap(({ kind, startMs, lengthMs }) => {
        const [stop, start] = WINDOWS[kind] ?? ['', ''];
        return [`{ at: ${startMs}, ${stop} }`, `{ at: ${startMs + lengthMs}, ${start} }`];
      });
      const run = runCrm({
        seed, horizon: '5h',
        users: `
    - { address: paul@contoso.example, incoming: forward-mailbox, filter: all }
    - { address: anna@contoso.example, incoming: email-router, filter: leads-contacts-accounts }`,
        rules: '[{ action: forward-as-attachment, to: crm@contoso.example, users: [paul@contoso.example] }]',
        router: routerSection('  settings: { crmCall: 5s }\n', deleteAfterProcessing),
        traffic: '{ generators: [{ name: carol, sender: fabrikam, ratePerHour: 12, to: all-users, fanOut: 2, until: 3h }] }',
        faults: `[${faults.join(', ')}]`,
      });
      expect(run.counts.sent).toBeGreaterThan(0);
      expect(run.counts).toMatchObject({ lost: 0, untracked: 0, duplicates: 0, pending: 0, bounced: 0 });
      for (const life of run.ledger.messages()) {
        const eligible = life.placements.some((p) => p.eligible);
        expect(life.activities.filter((a) => a.direction === 'incoming')).toHaveLength(eligible ? 1 : 0);
      }
    }), { numRuns: 30 });
  });
});
