// The Outlook client with CRM (C1-C4): Track in CRM bypasses the filter and is refused (Duplicate) when another path
// already tracked the message; tracked sends land in Sent Items with a token and an outgoing activity; offline,
// tracking waits (crmLinkState 1) and happens once the client is online again.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../sim/core/engine.js';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { buildWorld } from '../../../harness/world/build-world.js';
import { LINK_STATE, outlookActorName, type OutlookDurable } from '../../../fakes/outlook/outlook-client.js';
import { REASON } from '../../../fakes/crm/reason-codes.js';
import { crmScenario, lifeOf, runCrm, type CrmScenarioParts } from '../../helpers/crm-scenario.js';

const PAUL_OUTLOOK = outlookActorName('paul@contoso.example');

/** Runs to `untilMs` and returns Paul's Outlook state and the ledger. */
function runTo(parts: CrmScenarioParts, untilMs: number): { outlook: OutlookDurable; ledger: Ledger } {
  const scenario = crmScenario(parts);
  const engine = new Engine({ seed: scenario.seed });
  const ledger = new Ledger(() => engine.nowMs);
  buildWorld(engine, ledger, scenario);
  engine.run({ untilMs });
  return { outlook: engine.durableOf(PAUL_OUTLOOK) as OutlookDurable, ledger };
}

const trackEverything = '{ track: { probability: 1, meanDelay: 10m } }';
const noAutoTracking = `
    - { address: paul@contoso.example, filter: none }
    - { address: anna@contoso.example }`;

describe('Track in CRM (C1, C2)', () => {
  it('promotes a message the filter refuses; the item goes pending, then tracked', () => {
    const parts = {
      users: noAutoTracking, people: trackEverything,
      traffic: '{ messages: [{ at: 5m, from: stranger@fabrikam.example, to: [paul@contoso.example], subject: "Cold", messageId: "<cold@fabrikam.example>" }] }',
      faults: `[{ at: 1m, verb: goOffline, target: "${PAUL_OUTLOOK}" }, { at: 2h, verb: goOnline, target: "${PAUL_OUTLOOK}" }]`,
    };
    const offline = runTo(parts, 90 * 60_000);
    expect([...offline.outlook.links.values()]).toEqual([LINK_STATE.pending]);
    expect(offline.ledger.get('<cold@fabrikam.example>')?.activities).toHaveLength(0);
    const online = runTo(parts, 3 * 3_600_000);
    expect([...online.outlook.links.values()]).toEqual([LINK_STATE.tracked]);
    const life = online.ledger.get('<cold@fabrikam.example>');
    expect(life?.activities).toMatchObject([{ direction: 'incoming', createdBy: 'outlook', acceptingEntity: 'paul@contoso.example' }]);
    expect(life?.activities[0]?.atMs).toBeGreaterThanOrEqual(2 * 3_600_000);
  });

  it('refuses a message another path already tracked: one activity, a Duplicate for the later caller', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, filter: none }
    - { address: anna@contoso.example, filter: all }`,
      people: trackEverything,
      traffic: '{ messages: [{ at: 5m, from: carol@fabrikam.example, to: [paul@contoso.example, anna@contoso.example], subject: "Both", messageId: "<both@fabrikam.example>" }] }',
    });
    const life = lifeOf(outcome, '<both@fabrikam.example>');
    expect(life.activities).toHaveLength(1);
    expect(life.evaluations.filter((e) => e.reasonCode === REASON.duplicate).length).toBeGreaterThanOrEqual(1);
    expect(outcome.counts).toMatchObject({ duplicates: 0, pending: 0 });
    expect(outcome.counts.duplicatesPrevented).toBeGreaterThanOrEqual(1);
  });
});

describe('one client, one item', () => {
  it('Track in CRM on an item still waiting for its automatic evaluation does not make a second activity', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, filter: all }
    - { address: anna@contoso.example }`,
      people: '{ track: { probability: 1, meanDelay: 5m } }',
      traffic: '{ generators: [{ name: carol, sender: fabrikam, ratePerHour: 20, to: [paul@contoso.example], until: 50m }] }',
      // CRM answers errors while the clicks come in, so both jobs would be waiting together.
      faults: '[{ at: 1m, verb: crmApiFault, target: crm }, { at: 1h, verb: clearCrmApiFault, target: crm }]',
    });
    expect(outcome.counts.sent).toBeGreaterThan(5);
    expect(outcome.counts).toMatchObject({ duplicates: 0, untracked: 0, pending: 0 });
    expect(outcome.counts.tracked).toBe(outcome.counts.accepted);
  });
});

describe('tracked mail sent through Outlook', () => {
  it('gets a token, lands in Sent Items and becomes one outgoing activity', () => {
    const outcome = runCrm({
      traffic: '{ messages: [{ at: 5m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Proposal", messageId: "<p1@contoso.example>", track: true }] }',
    });
    const life = lifeOf(outcome, '<p1@contoso.example>');
    expect(life.path.some((s) => s.step === 'sent-copy' && s.detail === 'paul@contoso.example/Sent Items')).toBe(true);
    expect(life.activities).toMatchObject([{ direction: 'outgoing', createdBy: 'outlook' }]);
    expect(outcome.counts).toMatchObject({ tracked: 1, duplicates: 0, pending: 0 });
  });

  it('a reply to it carries the token back and is tracked under the default filter', () => {
    const outcome = runCrm({
      senders: '[{ name: fabrikam, domain: fabrikam.example, replyRatio: 1, replyDelay: 10m }]',
      traffic: '{ messages: [{ at: 5m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Proposal", messageId: "<p1@contoso.example>", track: true }] }',
    });
    const reply = [...outcome.ledger.messages()].find((l) => l.messageId.startsWith('<re-'));
    expect(reply?.activities).toHaveLength(1);
    expect(reply?.evaluations[0]?.reasonCode).toBe(REASON.correlationMatch);
  });
});

describe('offline tracked sends (S11 offline digit)', () => {
  it('get a token the client makes with the offline digit, and are promoted once online', () => {
    const parts = {
      traffic: '{ messages: [{ at: 5m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Proposal", messageId: "<p1@contoso.example>", track: true }] }',
      faults: `[{ at: 1m, verb: goOffline, target: "${PAUL_OUTLOOK}" }, { at: 1h, verb: goOnline, target: "${PAUL_OUTLOOK}" }]`,
    };
    const offline = runTo(parts, 30 * 60_000);
    const sent = offline.ledger.get('<p1@contoso.example>');
    expect(sent?.activities).toHaveLength(0);
    expect(offline.outlook.offlineTokenCounter).toBe(1);
    expect([...offline.outlook.work.values()][0]?.message.subject).toBe('Proposal CRM:1001001');
    const online = runTo(parts, 2 * 3_600_000);
    expect(online.ledger.get('<p1@contoso.example>')?.activities).toMatchObject([{ direction: 'outgoing' }]);
  });
});

describe('callers racing inside the check-deliver gap (R13 semantics)', () => {
  const race = (recheck: boolean) => runCrm({
    users: `
    - { address: paul@contoso.example, filter: all }
    - { address: anna@contoso.example, filter: all }`,
    settings: `{ deliverRechecksDuplicate: ${recheck} }`,
    // A gap longer than the poll interval makes the two clients' calls interleave whatever their phase.
    outlook: '{ pollInterval: 1m, checkDeliverGap: 2m }',
    traffic: '{ messages: [{ at: 5m, from: carol@fabrikam.example, to: [paul@contoso.example, anna@contoso.example], subject: "Both", messageId: "<both@fabrikam.example>" }] }',
  });

  it('two Outlook clients whose calls interleave both create an activity, and the checkers see the duplicate', () => {
    const outcome = race(false);
    expect(lifeOf(outcome, '<both@fabrikam.example>').activities).toHaveLength(2);
    expect(outcome.counts.duplicates).toBe(1);
    expect(outcome.checks.find((c) => c.name === 'no-duplicate-activity')?.verdict).toBe('fail');
  });

  it('with deliverRechecksDuplicate on, the later delivery is refused as a Duplicate', () => {
    const outcome = race(true);
    const life = lifeOf(outcome, '<both@fabrikam.example>');
    expect(life.activities).toHaveLength(1);
    expect(life.evaluations.map((e) => e.reasonCode)).toContain(REASON.duplicate);
    expect(outcome.counts).toMatchObject({ duplicates: 0, duplicatesPrevented: 1 });
  });
});

describe('outgoing access Outlook (R4)', () => {
  const email = '[{ at: 10m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "From the web client" }]';

  it('sends the user\'s CRM email through Exchange as the user: Sent, and a copy in Sent Items', () => {
    const outcome = runCrm({ users: `
    - { address: paul@contoso.example, outgoing: outlook }
    - { address: anna@contoso.example }`, emails: email });
    const key = [...outcome.ledger.messages()].find((l) => l.outbound !== null)?.messageId ?? '';
    const life = lifeOf(outcome, key);
    expect(life.outbound).toEqual({ status: 'Sent', attempts: 1 });
    expect(life.path.some((s) => s.step === 'sent-copy' && s.detail === 'paul@contoso.example/Sent Items')).toBe(true);
    expect(outcome.counts).toMatchObject({ pending: 0, duplicates: 0 });
  });

  it('waits while Outlook is closed, and sends when it opens', () => {
    const outcome = runCrm({ users: `
    - { address: paul@contoso.example, outgoing: outlook }
    - { address: anna@contoso.example }`, emails: email,
    faults: `[{ at: 5m, verb: down, target: "${PAUL_OUTLOOK}" }, { at: 2h, verb: up, target: "${PAUL_OUTLOOK}" }]` });
    const life = [...outcome.ledger.messages()].find((l) => l.outbound !== null);
    const sending = life?.path.find((s) => s.step === 'outbound' && s.detail.startsWith('Sending'));
    expect(sending?.atMs).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(life?.outbound?.status).toBe('Sent');
  });
});
