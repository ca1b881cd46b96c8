// Property (issue: Exchange and the Internet): for any outage shorter than the senders' expiry, every message a sender
// submitted ends up delivered exactly once; for one longer than the expiry of every message it catches, each message is
// delivered or bounced, never silently gone.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';
import type { MessageLife } from '../../../sim/ledger/records.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const arbOutage = (maxLengthMs: number) => fc.record({
  startMs: fc.integer({ min: 0, max: 6 * HOUR }),
  lengthMs: fc.integer({ min: 1, max: maxLengthMs }),
  kind: fc.constantFrom('down', 'firewall', 'dismount'),
});

function scenarioWith(seed: number, outage: { startMs: number; lengthMs: number; kind: string }) {
  const [stop, start] = outage.kind === 'down' ? ['verb: down', 'verb: up']
    : outage.kind === 'firewall' ? ['verb: stopInbound', 'verb: startInbound']
    : ['verb: dismount, database: db1', 'verb: mount, database: db1'];
  const recoveryMs = outage.startMs + outage.lengthMs;
  return exchangeScenario({
    // Operations happen before the horizon, so it reaches past the recovery; traffic stops at 6 h.
    seed, horizon: `${Math.max(6 * HOUR, recoveryMs)}`, drain: '6d',
    rules: '[{ action: forward-as-attachment, to: crm@contoso.example }]',
    traffic: '{ generators: [{ name: orders, sender: partners, ratePerHour: 6, to: all-users, fanOut: 2, until: 6h }] }',
    faults: `[{ at: ${outage.startMs}, ${stop}, target: ex1 }, { at: ${recoveryMs}, ${start}, target: ex1 }]`,
  });
}

const copiesIn = (life: MessageLife, mailbox: string) => life.placements.filter((p) => p.mailbox === mailbox).length;

describe('outages against senders that retry', () => {
  it('delivers every submitted message exactly once to each recipient when the outage is shorter than the expiry', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), arbOutage(2 * DAY - 2 * HOUR), (seed, outage) => {
      const scenario = scenarioWith(seed, { ...outage, startMs: Math.min(outage.startMs, 5 * HOUR) });
      const run = runScenario(scenario);
      expect(run.counts.sent).toBeGreaterThan(0);
      expect(run.counts).toMatchObject({ bounced: 0, lost: 0, pending: 0, accepted: run.counts.sent });
      for (const life of run.ledger.messages()) {
        expect(life.acceptedMailboxes.length).toBe(2);
        for (const mailbox of life.acceptedMailboxes) expect(copiesIn(life, mailbox)).toBe(1);
        expect(copiesIn(life, 'crm@contoso.example')).toBe(2);
      }
    }), { numRuns: 40 });
  });

  it('delivers or bounces every message, never losing one silently, when the outage outlasts the expiry', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2 * DAY + 6 * HOUR, max: 4 * DAY }), (seed, lengthMs) => {
      const run = runScenario(scenarioWith(seed, { startMs: HOUR, lengthMs, kind: 'firewall' }));
      expect(run.counts.bounced).toBeGreaterThan(0);
      for (const life of run.ledger.messages()) {
        const delivered = life.acceptedMailboxes.every((m) => copiesIn(life, m) === 1) && life.acceptedMailboxes.length === 2;
        const bounced = life.bouncedAtMs !== null && life.acceptedMailboxes.length === 0;
        expect(delivered !== bounced).toBe(true);
      }
      expect(run.counts).toMatchObject({ lost: 0, pending: 0 });
    }), { numRuns: 20 });
  });
});
