// The router's outgoing passes (R7) and its availability (R13): an Active/Passive failover loses nothing and doubles
// nothing; two active routers on the same mailboxes race and make duplicates, which the checker catches.
import { describe, expect, it } from 'vitest';
import { FORWARD_RULE, FORWARD_USERS, keysSubmittedBy, lifeOf, routerSection, runCrm } from '../../helpers/crm-scenario.js';

const ROUTER_OUT = `
    - { address: paul@contoso.example, incoming: forward-mailbox, outgoing: email-router, filter: all }
    - { address: anna@contoso.example, incoming: forward-mailbox, outgoing: email-router }`;

const emailsFrom = (from: string, count: number, at = '10m') =>
  Array.from({ length: count }, (_, i) => `{ at: ${at}, from: ${from}, to: [carol@fabrikam.example], subject: "Offer ${i}" }`).join(', ');

describe('outgoing (R7)', () => {
  it('sends Pending Send email after PendingStatusDelay through the outgoing profile: Sending, then Sent', () => {
    const outcome = runCrm({ users: ROUTER_OUT, rules: FORWARD_RULE, router: routerSection(), emails: `[${emailsFrom('paul@contoso.example', 1)}]` });
    const [key] = keysSubmittedBy(outcome, 'paul@contoso.example');
    const life = lifeOf(outcome, key ?? '');
    expect(life.outbound).toEqual({ status: 'Sent', attempts: 1 });
    const sending = life.path.find((s) => s.step === 'outbound' && s.detail.startsWith('Sending'));
    expect(sending?.atMs).toBeGreaterThanOrEqual(10 * 60_000 + 300_000);
    expect(life.path.some((s) => s.step === 'sent-copy')).toBe(false);
  });

  it('takes at most BatchSize emails of a user per pass, so a heavy sender builds a backlog while others go on', () => {
    const outcome = runCrm({
      users: ROUTER_OUT, rules: FORWARD_RULE, router: routerSection('  settings: { pendingStatusDelay: 0s, outgoingPollInterval: 1m }'),
      // Created just before a pass, so each pass sees all of them.
      emails: `[${emailsFrom('paul@contoso.example', 12, '9m30s')}, ${emailsFrom('anna@contoso.example', 1, '9m30s')}]`,
    });
    const sentAt = (from: string) => keysSubmittedBy(outcome, from)
      .map((key) => lifeOf(outcome, key).path.find((s) => s.step === 'outbound' && s.detail.startsWith('Sent'))?.atMs ?? -1);
    const paul = sentAt('paul@contoso.example');
    expect(new Set(paul).size).toBe(3);
    expect(paul.filter((t) => t === Math.min(...paul))).toHaveLength(5);
    expect(sentAt('anna@contoso.example')[0]).toBe(Math.min(...paul));
    expect(outcome.counts).toMatchObject({ pending: 0, duplicates: 0 });
  });

  it('retries through an outage of its SMTP server, Failed after MaximumDeliveryAttempts', () => {
    const failed = runCrm({
      users: ROUTER_OUT, rules: FORWARD_RULE,
      router: routerSection('  settings: { pendingStatusDelay: 1m, maximumDeliveryAttempts: 3 }'),
      emails: `[${emailsFrom('paul@contoso.example', 1)}]`,
      faults: '[{ at: 5m, verb: smtpFault, target: ex1, stage: rcpt, code: 451 }]',
    });
    const [key] = keysSubmittedBy(failed, 'paul@contoso.example');
    expect(lifeOf(failed, key ?? '').outbound).toEqual({ status: 'Failed', attempts: 3 });
    expect(failed.counts.bounced).toBe(1);
  });
});

describe('availability (R13)', () => {
  const traffic = '{ generators: [{ name: carol, sender: fabrikam, ratePerHour: 30, to: all-users, fanOut: 2, until: 3h }] }';
  const users = `
    - { address: paul@contoso.example, incoming: forward-mailbox, filter: all }
    - { address: anna@contoso.example, incoming: forward-mailbox, filter: all }`;

  it('Active/Passive: the passive node takes over after a failover with the shared state file; nothing lost or doubled', () => {
    const outcome = runCrm({
      users, rules: FORWARD_RULE, traffic,
      router: `${routerSection()}  instances: [{ name: router-a }, { name: router-b, passive: true }]`,
      faults: '[{ at: 1h, verb: crash, target: router-a }, { at: 1h2m, verb: up, target: router-b }]',
    });
    expect(outcome.counts).toMatchObject({ lost: 0, untracked: 0, duplicates: 0, pending: 0 });
    expect(outcome.counts.tracked).toBe(outcome.counts.accepted);
    const byNode = [...outcome.ledger.messages()].flatMap((l) => l.activities.map((a) => a.atMs));
    expect(byNode.some((t) => t > 3_600_000)).toBe(true);
  });

  it('two active routers on the same forward mailbox race and create duplicates; no-duplicate-activity fails', () => {
    const outcome = runCrm({
      users, rules: FORWARD_RULE, traffic,
      router: `${routerSection('  settings: { crmCall: 2s }\n')}  instances: [{ name: router-a }, { name: router-b }]`,
    });
    expect(outcome.counts.duplicates).toBeGreaterThan(0);
    expect(outcome.checks.find((c) => c.name === 'no-duplicate-activity')?.verdict).toBe('fail');
    expect(outcome.counts).toMatchObject({ lost: 0, untracked: 0 });
  });
});
