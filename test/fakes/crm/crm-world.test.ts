// The CRM organisation in a running world: Outlook evaluates incoming mail for users whose incoming access is
// Outlook (S8-S12), CRM's SMTP outbound sends email Pending Send -> Sending -> Sent (O1, O3), replies correlate back,
// and a CRM outage delays tracking without losing anything.
import { describe, expect, it } from 'vitest';
import { REASON } from '../../../fakes/crm/reason-codes.js';
import { crmScenario, keysSubmittedBy, lifeOf, runCrm } from '../../helpers/crm-scenario.js';
import { Engine } from '../../../sim/core/engine.js';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { buildWorld } from '../../../harness/world/build-world.js';
import type { CrmServerDurable } from '../../../fakes/crm/crm-server.js';
import { STATE, STATUS } from '../../../fakes/crm/email-activity.js';

const fromCarol = (at: string, subject: string, to = '[paul@contoso.example]', extra = '') =>
  `{ at: ${at}, from: carol@fabrikam.example, to: ${to}, subject: "${subject}"${extra} }`;

describe('incoming mail through Outlook', () => {
  it('tracks what the filter accepts, tosses the rest with its reason, and counts them', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, filter: leads-contacts-accounts }
    - { address: anna@contoso.example }`,
      traffic: `{ messages: [${fromCarol('5m', 'From a contact', '[paul@contoso.example]', ', messageId: "<c1@fabrikam.example>"')},
        { at: 6m, from: stranger@else.example, to: [anna@contoso.example], subject: "Cold", messageId: "<s1@else.example>" }] }`,
      senders: '[{ name: fabrikam, domain: fabrikam.example }, { name: others, domain: else.example }]',
    });
    const tracked = lifeOf(outcome, '<c1@fabrikam.example>');
    expect(tracked.activities).toHaveLength(1);
    expect(tracked.activities[0]).toMatchObject({ direction: 'incoming', createdBy: 'outlook', receivingMailbox: 'paul@contoso.example', acceptingEntity: 'paul@contoso.example' });
    expect(tracked.evaluations.map((e) => e.reasonCode)).toEqual([REASON.senderMatch]);
    const tossed = lifeOf(outcome, '<s1@else.example>');
    expect(tossed.activities).toHaveLength(0);
    expect(tossed.evaluations.map((e) => e.reasonCode)).toEqual([REASON.noCorrelationMatch]);
    expect(tossed.placements[0]?.eligible).toBe(false);
    expect(outcome.counts).toMatchObject({ tracked: 1, tossed: 1, untracked: 0, pending: 0, duplicates: 0 });
  });

  it('an unapproved user\'s copy is not eligible: nothing processes it (S3), so it is not untracked either', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, filter: all, approved: false }
    - { address: anna@contoso.example }`,
      traffic: `{ messages: [${fromCarol('5m', 'To the queue', '[paul@contoso.example, sales@contoso.example]', ', messageId: "<q1@fabrikam.example>"')}] }`,
    });
    const life = lifeOf(outcome, '<q1@fabrikam.example>');
    expect(life.placements.map((p) => [p.mailbox, p.eligible])).toEqual([['paul@contoso.example', false], ['sales@contoso.example', false]]);
    expect(outcome.counts).toMatchObject({ untracked: 0, tracked: 0, pending: 0 });
  });

  it('a message to two tracked users is one activity and one Duplicate (S8)', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, filter: all }
    - { address: anna@contoso.example, filter: all }`,
      traffic: `{ messages: [${fromCarol('5m', 'Both', '[paul@contoso.example, anna@contoso.example]', ', messageId: "<both@fabrikam.example>"')}] }`,
      // Far apart polls so the two clients never interleave inside the check-deliver gap.
      faults: '[{ at: 1m, verb: goOffline, target: "outlook:anna@contoso.example" }, { at: 30m, verb: goOnline, target: "outlook:anna@contoso.example" }]',
    });
    const life = lifeOf(outcome, '<both@fabrikam.example>');
    expect(life.activities).toHaveLength(1);
    expect(life.evaluations.map((e) => e.reasonCode)).toEqual([REASON.acceptAll, REASON.duplicate]);
    expect(outcome.counts).toMatchObject({ tracked: 1, duplicatesPrevented: 1, duplicates: 0 });
  });
});

describe('CRM outbound over SMTP (O1, O3)', () => {
  const email = '[{ at: 10m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Offer", regarding: carol }]';

  it('goes Pending Send -> Sending -> Sent, never into Sent Items, with a token and a CRM Message-ID', () => {
    const outcome = runCrm({ emails: email });
    const [key] = keysSubmittedBy(outcome, 'paul@contoso.example');
    const life = lifeOf(outcome, key ?? '');
    expect(key).toMatch(/^<crm-\d+\.\d+@contoso\.example>$/);
    expect(life.path.filter((s) => s.step === 'outbound').map((s) => s.detail)).toEqual(['Draft (attempts 0)', 'Pending Send (attempts 0)', 'Sending (attempts 1)', 'Sent (attempts 1)']);
    expect(life.path.some((s) => s.step === 'sent-copy')).toBe(false);
    expect(life.path.some((s) => s.step === 'sent-out' && s.detail === 'carol@fabrikam.example')).toBe(true);
    expect(life.activities).toMatchObject([{ direction: 'outgoing' }]);
    expect(outcome.counts).toMatchObject({ sent: 1, pending: 0, bounced: 0, duplicates: 0 });
  });

  it('a reply with the token correlates back and is tracked under the default filter (S10)', () => {
    const outcome = runCrm({ emails: email, senders: '[{ name: fabrikam, domain: fabrikam.example, replyRatio: 1, replyDelay: 20m }]' });
    const reply = [...outcome.ledger.messages()].find((l) => l.messageId.startsWith('<re-'));
    expect(reply?.activities).toHaveLength(1);
    expect(reply?.evaluations[0]).toMatchObject({ reasonCode: REASON.correlationMatch, correlationMethod: 3 });
    expect(outcome.counts).toMatchObject({ untracked: 0, duplicates: 0 });
  });

  it('stays Pending Send while the sender is not approved (O2), and shows as pending', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, approved: false }
    - { address: anna@contoso.example }`,
      emails: email,
    });
    const [key] = keysSubmittedBy(outcome, 'paul@contoso.example');
    expect(lifeOf(outcome, key ?? '').outbound).toEqual({ status: 'Pending Send', attempts: 0 });
    expect(outcome.counts.pending).toBe(1);
  });

  it('retries through an Exchange outage and ends Failed after the maximum attempts', () => {
    const down = runCrm({ emails: email, outbound: '{ maxDeliveryAttempts: 3, retryInterval: 5m }', faults: '[{ at: 5m, verb: down, target: ex1 }]' });
    const [key] = keysSubmittedBy(down, 'paul@contoso.example');
    expect(lifeOf(down, key ?? '').outbound).toEqual({ status: 'Failed', attempts: 3 });
    expect(down.counts.bounced).toBe(1);
    const back = runCrm({ emails: email, outbound: '{ maxDeliveryAttempts: 3, retryInterval: 5m }', faults: '[{ at: 5m, verb: down, target: ex1 }, { at: 15m, verb: up, target: ex1 }]' });
    const [again] = keysSubmittedBy(back, 'paul@contoso.example');
    expect(lifeOf(back, again ?? '').outbound).toEqual({ status: 'Sent', attempts: 2 });
  });

  it('an email that ends Failed is Open again (O1), with its delivery attempts on the activity', () => {
    const scenario = crmScenario({ emails: email, outbound: '{ maxDeliveryAttempts: 2, retryInterval: 5m }', faults: '[{ at: 5m, verb: down, target: ex1 }]' });
    const engine = new Engine({ seed: scenario.seed });
    const ledger = new Ledger(() => engine.nowMs);
    buildWorld(engine, ledger, scenario);
    engine.run({ untilMs: scenario.horizon });
    const [activity] = [...(engine.durableOf('crm') as CrmServerDurable).db.activities.values()];
    expect(activity).toMatchObject({ direction: 'outgoing', statecode: STATE.open, statuscode: STATUS.failed, deliveryAttempts: 2 });
  });

  it('a 250 lost on the last allowed attempt ends Failed although the mail arrived (the sender cannot know)', () => {
    const outcome = runCrm({
      emails: '[{ at: 10m, from: paul@contoso.example, to: [anna@contoso.example], subject: "Internal" }]',
      outbound: '{ maxDeliveryAttempts: 1 }',
      faults: '[{ at: 1m, verb: smtpFault, target: ex1, stage: end-of-data, dropReply: true }]',
    });
    const [key] = keysSubmittedBy(outcome, 'paul@contoso.example');
    const life = lifeOf(outcome, key ?? '');
    expect(life.outbound?.status).toBe('Failed');
    expect(life.deliveries.get('anna@contoso.example')).toBe(1);
    expect(outcome.counts).toMatchObject({ bounced: 1, lost: 0, duplicates: 0 });
  });

  it('a 250 lost after DATA is sent again and delivered twice: the ledger counts the duplicate delivery', () => {
    const outcome = runCrm({
      emails: '[{ at: 10m, from: paul@contoso.example, to: [anna@contoso.example], subject: "Internal" }]',
      outbound: '{ smtpServer: ex1 }',
      faults: '[{ at: 1m, verb: smtpFault, target: ex1, stage: end-of-data, dropReply: true }, { at: 12m, verb: clearSmtpFault, target: ex1 }]',
    });
    const [key] = keysSubmittedBy(outcome, 'paul@contoso.example');
    const life = lifeOf(outcome, key ?? '');
    expect(life.deliveries.get('anna@contoso.example')).toBe(2);
    expect(outcome.counts.duplicates).toBe(1);
  });

  it('a crash between the hand-over and recording Sent sends it again after SendingStatusDelay', () => {
    const outcome = runCrm({
      emails: email,
      outbound: '{ statusUpdateDelay: 10s, sendingStatusDelay: 30m }',
      faults: '[{ at: 10m5s, verb: crash, target: crm }, { at: 20m, verb: restart, target: crm }]',
    });
    const [key] = keysSubmittedBy(outcome, 'paul@contoso.example');
    const life = lifeOf(outcome, key ?? '');
    expect(life.outbound).toEqual({ status: 'Sent', attempts: 2 });
    expect(life.deliveries.get('carol@fabrikam.example')).toBe(2);
    expect(outcome.counts.duplicates).toBe(1);
  });

  it('can leave through an outside relay instead of Exchange', () => {
    const outcome = runCrm({
      emails: '[{ at: 10m, from: paul@contoso.example, to: [carol@fabrikam.example, anna@contoso.example], subject: "Via relay" }]',
      outbound: '{ smtpServer: fabrikam }',
    });
    const [key] = keysSubmittedBy(outcome, 'paul@contoso.example');
    const life = lifeOf(outcome, key ?? '');
    expect(life.outbound?.status).toBe('Sent');
    expect(life.path.some((s) => s.step === 'sent-out' && s.detail === 'carol@fabrikam.example')).toBe(true);
    expect(life.placements.map((p) => p.mailbox)).toEqual(['anna@contoso.example']);
    expect(outcome.counts).toMatchObject({ lost: 0, pending: 0, duplicates: 0 });
  });
});

describe('CRM outage', () => {
  for (const [what, faults] of [
    ['the server down', '[{ at: 1m, verb: down, target: crm }, { at: 3h, verb: up, target: crm }]'],
    ['the API answering 503', '[{ at: 1m, verb: crmApiFault, target: crm }, { at: 3h, verb: clearCrmApiFault, target: crm }]'],
  ] as const) {
    it(`with ${what}, Outlook retries and tracks everything afterwards`, () => {
      const outcome = runCrm({
        users: `
    - { address: paul@contoso.example, filter: all }
    - { address: anna@contoso.example, filter: all }`,
        traffic: `{ generators: [{ name: mail, sender: fabrikam, ratePerHour: 20, to: all-users }] }`,
        faults,
      });
      const activities = [...outcome.ledger.messages()].filter((l) => l.activities.length > 0);
      const firstTracked = Math.min(...activities.flatMap((l) => l.activities.map((a) => a.atMs)));
      expect(firstTracked).toBeGreaterThanOrEqual(3 * 3_600_000);
      expect(outcome.counts.delivered).toBeGreaterThan(40);
      expect(outcome.counts).toMatchObject({ lost: 0, untracked: 0, pending: 0, duplicates: 0 });
      expect(outcome.counts.tracked).toBe(outcome.counts.accepted);
    });
  }
});

describe('a graceful stop of the CRM server', () => {
  it('records Sent for what it handed over, so nothing is sent twice (only a crash leaves it Sending)', () => {
    const email = '[{ at: 10m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Offer" }]';
    const outcome = runCrm({ emails: email, outbound: '{ statusUpdateDelay: 2m }', faults: '[{ at: 10m1s, verb: down, target: crm }, { at: 10m2s, verb: up, target: crm }]' });
    const [key] = keysSubmittedBy(outcome, 'paul@contoso.example');
    expect(lifeOf(outcome, key ?? '').outbound).toEqual({ status: 'Sent', attempts: 1 });
    expect(outcome.counts.duplicates).toBe(0);
  });
});
