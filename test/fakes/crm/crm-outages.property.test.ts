// Property (CRM outage): whatever CRM-side failures a run meets (the server down or crashed, its web service answering
// errors, Outlook clients offline, closed or crashed) at any instant, everything Exchange accepted is tracked exactly
// once after recovery: nothing lost, untracked or left pending. CRM's own email is sent once, unless the server
// crashed between handing it over and recording Sent: then it goes again, and the ledger shows the second copy.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCrm } from '../../helpers/crm-scenario.js';
import { duplicateActivities } from '../../../sim/ledger/counts.js';

const MINUTE = 60_000;
const PAUL = 'outlook:paul@contoso.example';
const ANNA = 'outlook:anna@contoso.example';

const arbWindow = fc.record({
  kind: fc.constantFrom('crm-down', 'crm-crash', 'api-503', 'api-500', 'paul-offline', 'anna-closed', 'paul-crash'),
  startMs: fc.integer({ min: 0, max: 170 * MINUTE }),
  lengthMs: fc.integer({ min: 1, max: 60 * MINUTE }),
});

const VERBS: Record<string, readonly [string, string]> = {
  'crm-down': ['verb: down, target: crm', 'verb: up, target: crm'],
  'crm-crash': ['verb: crash, target: crm', 'verb: restart, target: crm'],
  'api-503': ['verb: crmApiFault, target: crm, code: 503', 'verb: clearCrmApiFault, target: crm'],
  'api-500': ['verb: crmApiFault, target: crm, code: 500', 'verb: clearCrmApiFault, target: crm'],
  'paul-offline': [`verb: goOffline, target: "${PAUL}"`, `verb: goOnline, target: "${PAUL}"`],
  'anna-closed': [`verb: down, target: "${ANNA}"`, `verb: up, target: "${ANNA}"`],
  'paul-crash': [`verb: crash, target: "${PAUL}"`, `verb: restart, target: "${PAUL}"`],
};

describe('CRM outages', () => {
  it('delay tracking and sending but never lose, skip or double them', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.array(arbWindow, { maxLength: 4 }), (seed, windows) => {
      const faults = windows.flatMap(({ kind, startMs, lengthMs }) => {
        const [stop, start] = VERBS[kind] ?? ['', ''];
        return [`{ at: ${startMs}, ${stop} }`, `{ at: ${startMs + lengthMs}, ${start} }`];
      });
      const run = runCrm({
        seed, horizon: '4h',
        users: `
    - { address: paul@contoso.example, filter: all }
    - { address: anna@contoso.example, filter: leads-contacts-accounts }`,
        // One recipient per message: one caller per message, so no check-deliver race is possible.
        traffic: `{ generators: [{ name: carol, sender: fabrikam, ratePerHour: 12, to: all-users, until: 3h }],
          messages: [{ at: 30m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Tracked", track: true }] }`,
        emails: '[{ at: 20m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Quote", regarding: carol }, { at: 100m, from: anna@contoso.example, to: [carol@fabrikam.example], subject: "Invoice" }]',
        faults: `[${faults.join(', ')}]`,
        // People click Track in CRM too, on mail their Outlook also evaluates by itself.
        people: '{ track: { probability: 0.3, meanDelay: 10m } }',
        // A wide window between hand-over and Sent, so random crashes do land in it.
        outbound: '{ statusUpdateDelay: 2m }',
      });
      expect(run.counts).toMatchObject({ lost: 0, untracked: 0, pending: 0, bounced: 0 });
      const lives = [...run.ledger.messages()];
      expect(lives.reduce((sum, life) => sum + duplicateActivities(life), 0)).toBe(0);
      // Duplicate deliveries only from CRM email sent again after a crash left it Sending (R6 SendingStatusDelay).
      const resent = lives.filter((life) => life.path.filter((s) => s.step === 'outbound' && s.detail.startsWith('Sending')).length > 1);
      expect(run.counts.duplicates).toBe(resent.length);
      if (run.counts.duplicates > 0) expect(windows.some((w) => w.kind === 'crm-crash')).toBe(true);
      // Every message Exchange accepted became exactly one activity: incoming mail, and outgoing the tracked send and
      // CRM's two emails (which Exchange accepted on their way out).
      expect(run.counts.tracked).toBe(run.counts.accepted);
      expect(run.counts.accepted).toBe(run.counts.sent);
      for (const life of run.ledger.messages()) {
        if (life.outbound !== null) expect(life.outbound.status).toBe('Sent');
      }
    }), { numRuns: 40 });
  });
});
