// The E-mail Router in a running world, rule by rule: the forward mailbox (R2, R10), the ThresholdDate (R8, R9), a
// poison message (R10), the user's own Inbox (R4), crashes absorbed by CRM's duplicate check, and R14.
import { describe, expect, it } from 'vitest';
import { REASON } from '../../../fakes/crm/reason-codes.js';
import { FORWARD_RULE, FORWARD_USERS, lifeOf, routerSection, runCrm, type CrmScenarioParts } from '../../helpers/crm-scenario.js';

const fromCarol = (at: string, id: string, to = '[paul@contoso.example]', extra = '') =>
  `{ at: ${at}, from: carol@fabrikam.example, to: ${to}, subject: "Hello", messageId: "<${id}@fabrikam.example>"${extra} }`;

const routed = (parts: CrmScenarioParts): CrmScenarioParts => ({ users: FORWARD_USERS, rules: FORWARD_RULE, router: routerSection(), ...parts });

describe('the forward mailbox (R2, R10)', () => {
  it('takes the original out of the attachment, tracks it, and deletes the forwarded copy', () => {
    const outcome = runCrm(routed({ traffic: `{ messages: [${fromCarol('5m', 'a1')}] }` }));
    const life = lifeOf(outcome, '<a1@fabrikam.example>');
    expect(life.activities).toMatchObject([{ direction: 'incoming', createdBy: 'router', receivingMailbox: 'crm@contoso.example', acceptingEntity: 'paul@contoso.example' }]);
    const forward = life.placements.find((p) => p.mailbox === 'crm@contoso.example');
    expect(forward?.removal?.cause).toBe('processed');
    expect(life.placements.find((p) => p.mailbox === 'paul@contoso.example')?.removal).toBeNull();
    expect(outcome.counts).toMatchObject({ tracked: 1, lost: 0, pending: 0, untracked: 0 });
  });

  it('tosses what CRM refuses, and deletes it too', () => {
    const outcome = runCrm(routed({ traffic: `{ messages: [${fromCarol('5m', 'a2', '[anna@contoso.example]')}] }` }));
    const life = lifeOf(outcome, '<a2@fabrikam.example>');
    expect(life.evaluations.map((e) => e.reasonCode)).toEqual([REASON.noCorrelationMatch]);
    expect(life.placements.find((p) => p.mailbox === 'crm@contoso.example')?.removal?.cause).toBe('processed');
    expect(outcome.counts).toMatchObject({ tracked: 0, tossed: 1, pending: 0 });
  });

  it('keeps the forwarded copy when told not to delete, and does not read it again (ThresholdDate)', () => {
    const outcome = runCrm({ ...routed({ traffic: `{ messages: [${fromCarol('5m', 'a3')}] }` }), router: routerSection('', false) });
    const life = lifeOf(outcome, '<a3@fabrikam.example>');
    expect(life.placements.find((p) => p.mailbox === 'crm@contoso.example')?.removal).toBeNull();
    expect(life.evaluations).toHaveLength(1);
    expect(outcome.counts).toMatchObject({ tracked: 1, pending: 0, duplicatesPrevented: 0 });
  });

  it('a message to two users reaches the forward mailbox twice: one activity, one Duplicate (S8)', () => {
    const outcome = runCrm(routed({
      users: `
    - { address: paul@contoso.example, incoming: forward-mailbox, filter: all }
    - { address: anna@contoso.example, incoming: forward-mailbox, filter: all }`,
      traffic: `{ messages: [${fromCarol('5m', 'a4', '[paul@contoso.example, anna@contoso.example]')}] }`,
    }));
    const life = lifeOf(outcome, '<a4@fabrikam.example>');
    expect(life.activities).toHaveLength(1);
    expect(life.evaluations.map((e) => e.reasonCode)).toEqual([REASON.acceptAll, REASON.duplicate]);
    expect(outcome.counts).toMatchObject({ duplicates: 0, duplicatesPrevented: 1, pending: 0 });
  });

  it('a poison message fails every cycle while the others are processed (R10), and stays pending', () => {
    const outcome = runCrm(routed({
      horizon: '1h', drain: '1h',
      traffic: `{ messages: [${fromCarol('5m', 'bad', '[paul@contoso.example]', ', malformed: true')}, ${fromCarol('6m', 'good')}] }`,
    }));
    expect(lifeOf(outcome, '<good@fabrikam.example>').activities).toHaveLength(1);
    expect(lifeOf(outcome, '<bad@fabrikam.example>').activities).toHaveLength(0);
    expect(outcome.counts.pending).toBe(1);
    expect(outcome.ledger.inFlightAt('<bad@fabrikam.example>')).toMatch(/not yet processed by the router/);
  });
});

describe('Email Router access: the user\'s own Inbox (R4)', () => {
  it('reads the Inbox, tracks, never deletes, and reads nothing twice', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, incoming: email-router, filter: all }
    - { address: anna@contoso.example, incoming: none }`,
      router: routerSection(),
      traffic: `{ messages: [${fromCarol('5m', 'b1')}, ${fromCarol('30m', 'b2')}] }`,
    });
    for (const id of ['<b1@fabrikam.example>', '<b2@fabrikam.example>']) {
      const life = lifeOf(outcome, id);
      expect(life.activities).toMatchObject([{ receivingMailbox: 'paul@contoso.example' }]);
      expect(life.evaluations).toHaveLength(1);
      expect(life.placements[0]?.removal).toBeNull();
    }
    expect(outcome.counts).toMatchObject({ pending: 0, duplicatesPrevented: 0 });
  });
});

describe('crashes and the state file (R8, R9)', () => {
  it('a crash between creating the activity and deleting the item re-reads it; the duplicate check absorbs it', () => {
    // A slow round trip widens the window between DeliverIncomingEmail and the deletion.
    const outcome = runCrm(routed({
      router: routerSection('  settings: { crmCall: 20s, mailboxPollInterval: 1m }'),
      traffic: '{ generators: [{ name: carol, sender: fabrikam, ratePerHour: 30, to: [paul@contoso.example], until: 2h }] }',
      faults: Array.from({ length: 12 }, (_, i) => i * 600_000 + 300_000 + i * 7_000)
        .map((at) => `{ at: ${at}, verb: crash, target: router }, { at: ${at + 60_000}, verb: restart, target: router }`)
        .reduce((all, f) => `${all}${all === '[' ? '' : ', '}${f}`, '[') + ']',
    }));
    expect(outcome.counts).toMatchObject({ lost: 0, untracked: 0, duplicates: 0, pending: 0 });
    expect(outcome.counts.duplicatesPrevented).toBeGreaterThan(0);
    expect(outcome.counts.tracked).toBe(outcome.counts.accepted);
  });

  it('a reset ThresholdDate re-reads the whole Inbox of Email Router users, re-creating activities deleted in CRM', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, incoming: email-router, filter: all }
    - { address: anna@contoso.example, incoming: none }`,
      router: routerSection(),
      traffic: `{ messages: [${fromCarol('5m', 'c1')}, ${fromCarol('10m', 'c2')}] }`,
      faults: `[{ at: 1h, verb: deleteTrackedEmail, target: crm, mailbox: paul@contoso.example },
        { at: 2h, verb: down, target: router }, { at: 2h, verb: resetState, target: router }, { at: 2h1m, verb: up, target: router }]`,
    });
    const life = lifeOf(outcome, '<c1@fabrikam.example>');
    expect(life.activities).toHaveLength(2);
    expect(life.activities[0]?.deletedAtMs).not.toBeNull();
    expect(life.activities[1]?.atMs).toBeGreaterThan(2 * 3_600_000);
    expect(outcome.counts).toMatchObject({ duplicates: 0, tracked: 4 });
  });

  it('Forward Mailbox users are not re-created by a reset: their forwarded copies were deleted (R9)', () => {
    const outcome = runCrm(routed({
      traffic: `{ messages: [${fromCarol('5m', 'd1')}] }`,
      faults: `[{ at: 1h, verb: deleteTrackedEmail, target: crm },
        { at: 2h, verb: down, target: router }, { at: 2h, verb: deleteStateFile, target: router }, { at: 2h1m, verb: up, target: router }]`,
    }));
    expect(lifeOf(outcome, '<d1@fabrikam.example>').activities).toHaveLength(1);
  });

  it('a corrupt state file stops the service at its next start until the file is deleted (KB954522)', () => {
    const faults = (fix: boolean) => `[{ at: 20m, verb: down, target: router }, { at: 20m, verb: corruptState, target: router },
      { at: 21m, verb: up, target: router }${fix ? ', { at: 2h, verb: down, target: router }, { at: 2h, verb: deleteStateFile, target: router }, { at: 2h1m, verb: up, target: router }' : ''}]`;
    const traffic = `{ messages: [${fromCarol('5m', 'e1')}, ${fromCarol('30m', 'e2')}] }`;
    const stuck = runCrm(routed({ traffic, faults: faults(false), drain: '1h' }));
    expect(lifeOf(stuck, '<e1@fabrikam.example>').activities).toHaveLength(1);
    expect(lifeOf(stuck, '<e2@fabrikam.example>').activities).toHaveLength(0);
    expect(stuck.counts.pending).toBe(1);
    const fixed = runCrm(routed({ traffic, faults: faults(true) }));
    expect(lifeOf(fixed, '<e2@fabrikam.example>').activities).toHaveLength(1);
    expect(fixed.counts).toMatchObject({ pending: 0, untracked: 0, duplicates: 0 });
  });
});

describe('the switch to server-side sync (R14)', () => {
  it('stops the router for the organisation; what it leaves is untracked with the reason', () => {
    const outcome = runCrm(routed({
      traffic: `{ messages: [${fromCarol('5m', 'f1')}, ${fromCarol('2h', 'f2')}] }`,
      faults: '[{ at: 1h, verb: switchToServerSideSync, target: crm }]',
    }));
    expect(lifeOf(outcome, '<f1@fabrikam.example>').activities).toHaveLength(1);
    expect(lifeOf(outcome, '<f2@fabrikam.example>').activities).toHaveLength(0);
    expect(outcome.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'router-stopped': 1 }, pending: 0 });
  });
});

describe('a POP3 incoming profile (R3)', () => {
  it('reads the forward mailbox and always deletes what it processed, whatever the checkbox says', () => {
    const outcome = runCrm({
      ...routed({ traffic: `{ messages: [${fromCarol('5m', 'p1')}] }` }),
      router: routerSection('', false).replace('protocol: exchange', 'protocol: pop3'),
    });
    const life = lifeOf(outcome, '<p1@fabrikam.example>');
    expect(life.activities).toHaveLength(1);
    expect(life.placements.find((p) => p.mailbox === 'crm@contoso.example')?.removal?.cause).toBe('processed');
  });
});

describe('review cases', () => {
  it('a poison message in a mailbox that keeps its items: the others are tracked once and come to rest', () => {
    const outcome = runCrm({
      users: `
    - { address: paul@contoso.example, incoming: none }
    - { address: anna@contoso.example, incoming: email-router, filter: all }`,
      router: routerSection(), horizon: '2h', drain: '2h',
      traffic: `{ messages: [${fromCarol('5m', 'bad', '[anna@contoso.example]', ', malformed: true')}, ${fromCarol('6m', 'g1', '[anna@contoso.example]')}, ${fromCarol('7m', 'g2', '[anna@contoso.example]')}] }`,
    });
    expect(lifeOf(outcome, '<g1@fabrikam.example>').evaluations).toHaveLength(1);
    expect(lifeOf(outcome, '<g2@fabrikam.example>').activities).toHaveLength(1);
    expect(outcome.counts).toMatchObject({ pending: 1, duplicatesPrevented: 0 });
    expect(outcome.ledger.inFlightAt('<bad@fabrikam.example>')).toBeDefined();
  });

  it('after a corrupt state file, deleting it and starting the service brings it back (up works)', () => {
    const outcome = runCrm(routed({
      traffic: `{ messages: [${fromCarol('30m', 'h1')}] }`,
      faults: `[{ at: 10m, verb: down, target: router }, { at: 10m, verb: corruptState, target: router }, { at: 11m, verb: up, target: router },
        { at: 1h, verb: deleteStateFile, target: router }, { at: 1h1m, verb: up, target: router }]`,
    }));
    const life = lifeOf(outcome, '<h1@fabrikam.example>');
    expect(life.activities).toHaveLength(1);
    expect(life.activities[0]?.atMs).toBeGreaterThan(3_600_000);
    expect(outcome.counts.pending).toBe(0);
  });

  it('R14 is noticed even with ConfigUpdatePeriod 0 (CRM turns the router away), and late mail is router-stopped', () => {
    const outcome = runCrm(routed({
      router: routerSection('  settings: { configUpdatePeriod: 0s }\n'), horizon: '3h',
      traffic: `{ messages: [${fromCarol('5m', 'r1')}, ${fromCarol('2h', 'r2')}, ${fromCarol('2h59m59s', 'r3')}] }`,
      faults: '[{ at: 1h, verb: switchToServerSideSync, target: crm }]',
    }));
    expect(lifeOf(outcome, '<r1@fabrikam.example>').activities).toHaveLength(1);
    expect(outcome.counts).toMatchObject({ untracked: 2, untrackedByReason: { 'router-stopped': 2 }, pending: 0 });
  });

  it('mail before the ThresholdDate is explained even when the router never runs a cycle', () => {
    const outcome = runCrm(routed({
      router: `${routerSection()}  state: { providers: [{ mailbox: crm@contoso.example, threshold: 2h }] }\n`,
      traffic: `{ messages: [${fromCarol('30m', 't1')}] }`,
      faults: '[{ at: 1m, verb: down, target: router }]',
    }));
    expect(outcome.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'before-threshold-date': 1 } });
  });

  it('a queue on Email Router access has its own Inbox read', () => {
    const outcome = runCrm({
      users: '[{ address: paul@contoso.example, incoming: none }]',
      queues: '[{ address: sales@contoso.example, filter: all, incoming: email-router }]',
      router: routerSection(),
      traffic: `{ messages: [${fromCarol('5m', 'q1', '[sales@contoso.example]')}] }`,
    });
    expect(lifeOf(outcome, '<q1@fabrikam.example>').activities).toMatchObject([{ receivingMailbox: 'sales@contoso.example', acceptingEntity: 'sales@contoso.example' }]);
  });

  it('an Exchange Online outgoing profile sends too', () => {
    const outcome = runCrm({
      users: '[{ address: paul@contoso.example, incoming: none, outgoing: email-router }]',
      router: routerSection('  settings: { pendingStatusDelay: 0s }\n').replace('protocol: smtp', 'protocol: exchange-online'),
      emails: '[{ at: 10m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "EO" }]',
    });
    expect([...outcome.ledger.messages()].find((l) => l.outbound !== null)?.outbound?.status).toBe('Sent');
  });
});

describe('MaxThreads (R6)', () => {
  const gapBetweenActivities = (seed: number, maxThreads: number): number => {
    const outcome = runCrm({
      seed, users: `
    - { address: paul@contoso.example, incoming: email-router, filter: all }
    - { address: anna@contoso.example, incoming: email-router, filter: all }`,
      router: routerSection(`  settings: { maxThreads: ${maxThreads}, crmCall: 20s }\n`),
      traffic: '{ messages: [{ at: 5m, from: carol@fabrikam.example, to: [paul@contoso.example], messageId: "<p@f.example>" }, { at: 5m, from: carol@fabrikam.example, to: [anna@contoso.example], messageId: "<a@f.example>" }] }',
    });
    return Math.abs((lifeOf(outcome, '<p@f.example>').activities[0]?.atMs ?? 0) - (lifeOf(outcome, '<a@f.example>').activities[0]?.atMs ?? 0));
  };

  it('with one thread, one mailbox\'s cycle (check, deliver, delete: 40 s here) ends before the next begins', () => {
    for (const seed of [1, 2, 3, 4]) {
      expect(gapBetweenActivities(seed, 50)).toBeLessThan(40_000);
      expect(gapBetweenActivities(seed, 1)).toBeGreaterThanOrEqual(40_000);
    }
  });
});
