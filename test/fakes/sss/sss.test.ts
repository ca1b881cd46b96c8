// Server-side synchronization rule by rule: the root Inbox behind a watermark (S6), Process Email From (S2a),
// Test & Enable (S3), transient and permanent errors (S4), Sent Items (S16), and untracked mail with its reason.
import { describe, expect, it } from 'vitest';
import { crmScenario, lifeOf, runCrm, type CrmScenarioParts } from '../../helpers/crm-scenario.js';
import { Engine } from '../../../sim/core/engine.js';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { buildWorld } from '../../../harness/world/build-world.js';
import type { SssDurable } from '../../../fakes/sss/sss-service.js';
import { REASON } from '../../../fakes/crm/reason-codes.js';

const SYNCED = `
    - { address: paul@contoso.example, incoming: email-router, outgoing: email-router, filter: all }
    - { address: anna@contoso.example, incoming: none }`;
const fromCarol = (at: string, id: string, extra = '') =>
  `{ at: ${at}, from: carol@fabrikam.example, to: [paul@contoso.example], subject: "Hello", messageId: "<${id}@fabrikam.example>"${extra} }`;
const sss = (extra = '', profile = '') => `
  profiles: [{ name: exchange, server: ex1${profile} }]
  enabled: all
${extra}`;
/** The organisation already processes email with server-side sync. */
const ON_SSS = '{ at: 0s, verb: switchToServerSideSync, target: crm }';
const run = (parts: CrmScenarioParts) => runCrm({ users: SYNCED, sss: sss(), ...parts, faults: `[${ON_SSS}${parts.faults === undefined ? '' : `, ${parts.faults}`}]` });

describe('incoming (S5, S6)', () => {
  it('does nothing while the organisation still uses the router, or while CRM itself is down (it runs in CRM)', () => {
    const outcome = runCrm({ users: SYNCED, sss: sss(), traffic: `{ messages: [${fromCarol('5m', 'z1')}] }`, faults: '[{ at: 2h, verb: switchToServerSideSync, target: crm }]' });
    expect(lifeOf(outcome, '<z1@fabrikam.example>').activities[0]?.atMs).toBeGreaterThanOrEqual(2 * 3_600_000);
  });

  it('tracks Inbox mail within a cycle or so, and never reads it twice', () => {
    const outcome = run({ traffic: `{ messages: [${fromCarol('5m', 'a1')}, ${fromCarol('1h', 'a2')}] }` });
    for (const id of ['<a1@fabrikam.example>', '<a2@fabrikam.example>']) {
      const life = lifeOf(outcome, id);
      expect(life.activities).toMatchObject([{ createdBy: 'sss', receivingMailbox: 'paul@contoso.example' }]);
      expect(life.evaluations).toHaveLength(1);
      expect((life.activities[0]?.atMs ?? 0) - (life.submittedAtMs ?? 0)).toBeLessThanOrEqual(5 * 60_000 + 1_000);
    }
    expect(outcome.counts).toMatchObject({ pending: 0, untracked: 0 });
  });

  it('S6: mail filed before a cycle is never tracked; its reason is not-in-root-inbox (moved back: move-back.test.ts)', () => {
    const outcome = run({
      users: `
    - { address: paul@contoso.example, incoming: email-router, filter: all }
    - { address: anna@contoso.example, incoming: none }`,
      traffic: `{ messages: [${fromCarol('5m', 'b1')}, ${fromCarol('5m30s', 'b2')}] }`,
      people: '{ file: { probability: 1, meanDelay: 1s } }',
    });
    expect(lifeOf(outcome, '<b1@fabrikam.example>').activities).toHaveLength(0);
    expect(outcome.counts).toMatchObject({ untracked: 2, untrackedByReason: { 'not-in-root-inbox': 2 }, pending: 0 });
  });

  it('gives no untracked reason to mail no filter takes (CRM refused it by design), even when it was filed', () => {
    const outcome = run({
      users: `
    - { address: paul@contoso.example, incoming: email-router, filter: responses }
    - { address: anna@contoso.example, incoming: none }`,
      traffic: `{ messages: [${fromCarol('5m', 'n1')}, ${fromCarol('5m30s', 'n2')}] }`,
      people: '{ file: { probability: 1, meanDelay: 10m } }',
    });
    for (const id of ['<n1@fabrikam.example>', '<n2@fabrikam.example>']) {
      expect(lifeOf(outcome, id).path.filter((s) => s.step === 'untracked')).toEqual([]);
    }
    expect(outcome.counts).toMatchObject({ untracked: 0, tossed: 2 });
  });
});

describe('Process Email From and Test & Enable (S2a, S3)', () => {
  it('without a Process Email From, mail from the first Test & Enable on is processed; earlier mail is before-mailbox-enabled', () => {
    const outcome = runCrm({
      users: SYNCED, horizon: '8h', sss: sss().replace('enabled: all', 'enabled: []'),
      traffic: `{ messages: [${fromCarol('1h', 'early')}, ${fromCarol('3h', 'late')}] }`,
      faults: `[${ON_SSS}, { at: 2h, verb: testAndEnable, target: sss, mailbox: paul@contoso.example }, { at: 5h, verb: testAndEnable, target: sss, mailbox: paul@contoso.example }]`,
    });
    expect(lifeOf(outcome, '<early@fabrikam.example>').activities).toHaveLength(0);
    expect(lifeOf(outcome, '<late@fabrikam.example>').activities).toHaveLength(1);
    // The second Test & Enable re-reads from the first one, not from the start: 'early' stays out, 'late' is a Duplicate.
    expect(outcome.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'before-mailbox-enabled': 1 }, duplicates: 0, duplicatesPrevented: 1 });
  });

  it('a mailbox enabled days later pulls back to Process Email From; earlier mail is before-process-email-from', () => {
    const outcome = runCrm({
      users: SYNCED, horizon: '3d',
      sss: sss('', ', processEmailFrom: 1d').replace('enabled: all', 'enabled: []'),
      traffic: `{ messages: [${fromCarol('12h', 'c1')}, ${fromCarol('1d12h', 'c2')}] }`,
      faults: `[${ON_SSS}, { at: 2d, verb: testAndEnable, target: sss, mailbox: paul@contoso.example }]`,
    });
    expect(lifeOf(outcome, '<c2@fabrikam.example>').activities[0]?.atMs).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect(lifeOf(outcome, '<c1@fabrikam.example>').activities).toHaveLength(0);
    expect(outcome.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'before-process-email-from': 1 } });
  });

  it('setProcessEmailFrom, as an operation, moves the instant a mailbox enabled later pulls back to (S2a)', () => {
    const enabledAt5h = (processEmailFrom: string) => runCrm({
      users: SYNCED, horizon: '8h', sss: sss().replace('enabled: all', 'enabled: []'),
      traffic: `{ messages: [${fromCarol('20m', 'f1')}, ${fromCarol('1h', 'f2')}] }`,
      faults: `[${ON_SSS}, { at: 4h, verb: setProcessEmailFrom, target: sss, processEmailFrom: ${processEmailFrom} }, { at: 5h, verb: testAndEnable, target: sss, mailbox: paul@contoso.example }]`,
    });
    const halfHour = enabledAt5h('30m');
    expect(lifeOf(halfHour, '<f1@fabrikam.example>').activities).toHaveLength(0);
    expect(lifeOf(halfHour, '<f2@fabrikam.example>').activities[0]?.atMs).toBeGreaterThanOrEqual(5 * 3_600_000);
    expect(halfHour.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'before-process-email-from': 1 } });
    // Before the start: everything still in the Inbox.
    expect(enabledAt5h('-1d').counts).toMatchObject({ tracked: 2, untracked: 0 });
  });

  it('a failed Test & Enable leaves the mailbox disabled: its mail is untracked as mailbox-disabled', () => {
    const outcome = runCrm({
      users: SYNCED, sss: sss().replace('enabled: all', 'enabled: []'),
      traffic: `{ messages: [${fromCarol('30m', 'd1')}] }`,
      faults: `[${ON_SSS}, { at: 1m, verb: denyMailboxAccess, target: sss, mailbox: paul@contoso.example }, { at: 2m, verb: testAndEnable, target: sss }]`,
    });
    expect(outcome.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'mailbox-disabled': 1 }, pending: 0 });
  });

  it('a mailbox nobody enabled is never polled', () => {
    const outcome = runCrm({ users: SYNCED, sss: sss().replace('enabled: all', 'enabled: []'), traffic: `{ messages: [${fromCarol('30m', 'e1')}] }`, faults: `[${ON_SSS}]` });
    expect(outcome.counts.untrackedByReason).toEqual({ 'never-polled': 1 });
  });
});

describe('errors (S4)', () => {
  it('an Exchange outage retried within 10 x 5 min recovers; a longer one disables the mailbox', () => {
    // The mailbox database is dismounted: mail waits in transport, and the mailbox cannot be read (transient).
    const outage = (until: string) => `{ at: 10m, verb: dismount, target: ex1, database: db1 }, { at: ${until}, verb: mount, target: ex1, database: db1 }`;
    const short = run({ traffic: `{ messages: [${fromCarol('15m', 'f1')}] }`, faults: outage('40m') });
    expect(lifeOf(short, '<f1@fabrikam.example>').activities).toHaveLength(1);
    const long = run({ traffic: `{ messages: [${fromCarol('15m', 'f2')}] }`, faults: outage('2h') });
    expect(lifeOf(long, '<f2@fabrikam.example>').activities).toHaveLength(0);
    expect(long.counts.untrackedByReason).toEqual({ 'mailbox-disabled': 1 });
  });

  it('mail filed or deleted while the mailbox was still enabled stays S6\'s, though the mailbox was disabled later', () => {
    // Both arrive at 5m and are put away within seconds, before the next cycle; access to the mailbox is taken away at
    // 20m, which disables it at its next cycle (S4, 401). Enabling it again would not bring them back.
    const outage = '{ at: 20m, verb: denyMailboxAccess, target: sss }';
    const filed = run({ traffic: `{ messages: [${fromCarol('5m', 'h1')}] }`, people: '{ file: { probability: 1, meanDelay: 1s } }', faults: outage });
    expect(filed.counts.untrackedByReason).toEqual({ 'not-in-root-inbox': 1 });
    const deleted = run({ traffic: `{ messages: [${fromCarol('5m', 'h2')}] }`, people: '{ delete: { probability: 1, meanDelay: 1s } }', faults: outage });
    expect(deleted.counts.untrackedByReason).toEqual({ 'deleted-before-tracking': 1 });
    // Filed after the mailbox was disabled: the outage's doing.
    const late = run({ traffic: `{ messages: [${fromCarol('40m', 'h3')}] }`, people: '{ file: { probability: 1, meanDelay: 1s } }', faults: outage });
    expect(lifeOf(late, '<h3@fabrikam.example>').path.find((s) => s.step === 'moved')?.atMs).toBeGreaterThan(40 * 60_000);
    expect(late.counts.untrackedByReason).toEqual({ 'mailbox-disabled': 1 });
  });

  it('a permanent error (401) disables at once; Test & Enable after access is back re-reads from Process Email From', () => {
    const outcome = run({
      traffic: `{ messages: [${fromCarol('30m', 'g1')}] }`,
      faults: '{ at: 10m, verb: denyMailboxAccess, target: sss }, { at: 2h, verb: grantMailboxAccess, target: sss }, { at: 2h1m, verb: testAndEnable, target: sss }',
    });
    expect(lifeOf(outcome, '<g1@fabrikam.example>').activities[0]?.atMs).toBeGreaterThan(2 * 3_600_000);
    expect(outcome.counts).toMatchObject({ untracked: 0, duplicates: 0 });
  });
});

describe('outgoing (S5, S16)', () => {
  const email = '[{ at: 10m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Quote" }]';

  it('sends Pending Send email every 5 minutes, into Sent Items (9.1 and later) or not', () => {
    for (const saved of [true, false]) {
      const outcome = run({ emails: email, sss: sss('', `, saveOutgoingToSentItems: ${saved}`) });
      const life = [...outcome.ledger.messages()].find((l) => l.outbound !== null);
      expect(life?.outbound?.status).toBe('Sent');
      expect(life?.path.some((s) => s.step === 'sent-copy')).toBe(saved);
    }
  });

  it('mail a user tracks as they send it (App for Outlook, no CRM client) is found in Sent Items: an outgoing activity, once', () => {
    const outcome = run({ traffic: '{ messages: [{ at: 10m, from: paul@contoso.example, to: [carol@fabrikam.example], subject: "Offer", messageId: "<offer@contoso.example>", track: true }] }' });
    const life = lifeOf(outcome, '<offer@contoso.example>');
    expect(life.activities).toMatchObject([{ direction: 'outgoing', createdBy: 'sss' }]);
    expect(outcome.counts).toMatchObject({ tracked: 1, duplicates: 0, pending: 0 });
  });

  // C4: the App for Outlook asks CRM at once (test/fakes/outlook/app-for-outlook.test.ts); with CRM down as the person
  // tracks, the mark waits and sync promotes the item at its first cycle once CRM is back (sync runs in CRM).
  const crmDown = (from: string, until: string) => `{ at: ${from}, verb: down, target: crm }, { at: ${until}, verb: up, target: crm }`;

  it('mail a user tracks in the root Inbox is promoted whatever the filter, also after CRM refused it (S9, S16, C4)', () => {
    const outcome = run({
      users: `
    - { address: paul@contoso.example, incoming: email-router, filter: responses }
    - { address: anna@contoso.example, incoming: none }`,
      traffic: `{ messages: [${fromCarol('5m', 'mine')}] }`,
      people: '{ track: { probability: 1, meanDelay: 1h } }',
      faults: crmDown('11m', '3h'),
    });
    const life = lifeOf(outcome, '<mine@fabrikam.example>');
    expect(life.placements[0]?.folder).toBe('Inbox');
    // Refused by its filter at sync's first cycle, before CRM went down ...
    expect(life.evaluations[0]).toMatchObject({ caller: 'sss', reasonCode: REASON.noCorrelationMatch });
    expect(life.evaluations[0]!.atMs).toBeLessThan(11 * 60_000);
    // ... then tracked by hand while it was down: promoted by sync once it is back.
    expect(life.activities).toMatchObject([{ direction: 'incoming', createdBy: 'sss' }]);
    expect(life.activities[0]!.atMs).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(outcome.counts).toMatchObject({ tracked: 1, pending: 0, duplicates: 0 });
  });

  it('tracked mail found outside Sent Items comes in as incoming, from any folder, the filter and the watermark bypassed (S6, S9, C4)', () => {
    const outcome = run({
      users: `
    - { address: paul@contoso.example, incoming: email-router, filter: none }
    - { address: anna@contoso.example, incoming: none }`,
      traffic: `{ messages: [${fromCarol('5m', 'filed')}] }`,
      people: '{ file: { probability: 1, meanDelay: 1s }, track: { probability: 1, meanDelay: 1h } }',
      faults: crmDown('6m', '4h'),
    });
    const life = lifeOf(outcome, '<filed@fabrikam.example>');
    expect(life.placements[0]?.folder).not.toBe('Inbox');
    expect(life.activities).toMatchObject([{ direction: 'incoming', createdBy: 'sss', receivingMailbox: 'paul@contoso.example' }]);
    expect(life.activities[0]!.atMs).toBeGreaterThanOrEqual(4 * 3_600_000);
    expect(outcome.counts).toMatchObject({ untracked: 0, pending: 0 });
  });
});

describe('failed activities and alerts (S2, S4, S7)', () => {
  const failing = '{ at: 1m, verb: failActivityCreation, target: crm, mailbox: paul@contoso.example }';

  it('an activity CRM cannot create: Undeliverable (moved when the profile says so), an email alert, untracked as crm-error', () => {
    for (const move of [false, true]) {
      const outcome = run({ sss: sss('', `, moveFailedToUndeliverable: ${move}`), traffic: `{ messages: [${fromCarol('5m', 'u1')}, ${fromCarol('20m', 'u2')}] }`, faults: failing });
      const life = lifeOf(outcome, '<u1@fabrikam.example>');
      expect(life.activities).toHaveLength(0);
      expect(life.placements[0]?.folder).toBe(move ? 'Undeliverable' : 'Inbox');
      // The cycle goes on: the item is not read again and again.
      expect(life.path.filter((s) => s.step === 'evaluated')).toHaveLength(1);
      expect(outcome.counts).toMatchObject({ untracked: 2, untrackedByReason: { 'crm-error': 2 }, pending: 0 });
    }
  });

  it('raises mailbox alerts when mailboxes are disabled, and the profile alert when more than half fail', () => {
    const scenario = crmScenario({
      users: `
    - { address: paul@contoso.example, incoming: email-router }
    - { address: anna@contoso.example, incoming: email-router }`,
      sss: sss().replace('enabled: all', 'enabled: []'),
      faults: `[${ON_SSS}, { at: 1m, verb: denyMailboxAccess, target: sss, mailbox: paul@contoso.example }, { at: 2m, verb: testAndEnable, target: sss },
        { at: 30m, verb: denyMailboxAccess, target: sss, mailbox: anna@contoso.example }]`,
    });
    const engine = new Engine({ seed: 1 });
    buildWorld(engine, new Ledger(() => engine.nowMs), scenario);
    engine.run({ untilMs: 2 * 3_600_000 });
    const { alerts } = engine.durableOf('sss') as SssDurable;
    expect(alerts.map((a) => [a.level, a.subject])).toEqual([
      ['mailbox', 'paul@contoso.example'], ['mailbox', 'anna@contoso.example'], ['profile', 'exchange'],
    ]);
  });
});

describe('connections per profile (S2)', () => {
  it('with one connection, one mailbox is read at a time', () => {
    const gap = (connections: number): number => {
      const outcome = runCrm({
        users: `
    - { address: paul@contoso.example, incoming: email-router, filter: all }
    - { address: anna@contoso.example, incoming: email-router, filter: all }`,
        // Both enabled in one Test & Enable, so their first cycles start together and compete for connections.
        sss: sss('  settings: { crmCall: 20s }\n', `, maxConcurrentConnections: ${connections}`).replace('enabled: all', 'enabled: []'),
        faults: `[${ON_SSS}, { at: 6m, verb: testAndEnable, target: sss }]`,
        // The mail arrives just after: without a Process Email From, mail from the first Test & Enable on is processed.
        traffic: '{ messages: [{ at: 6m30s, from: carol@fabrikam.example, to: [paul@contoso.example], messageId: "<p@f.example>" }, { at: 6m30s, from: carol@fabrikam.example, to: [anna@contoso.example], messageId: "<a@f.example>" }] }',
      });
      return Math.abs((lifeOf(outcome, '<p@f.example>').activities[0]?.atMs ?? 0) - (lifeOf(outcome, '<a@f.example>').activities[0]?.atMs ?? 0));
    };
    expect(gap(1)).toBeGreaterThanOrEqual(20_000);
    expect(gap(10)).toBeLessThan(1_000);
  });
});
