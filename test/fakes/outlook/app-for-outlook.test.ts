// The App for Outlook (C4): a person's track asks CRM at once, so deleting the item afterwards loses nothing (sync
// never reads Deleted Items, S16); when CRM is down or erroring the mark waits for server-side sync's next cycle; a
// message another path already tracked gets no second activity (S8). Paul runs no CRM client, and his mailbox is on
// server-side sync: he tracks through the App.
import { describe, expect, it } from 'vitest';
import { lifeOf, runCrm, type CrmScenarioParts } from '../../helpers/crm-scenario.js';
import { APP_FOR_OUTLOOK } from '../../../fakes/outlook/app-for-outlook.js';
import { loadScenario } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { REASON } from '../../../fakes/crm/reason-codes.js';
import type { MessageLife } from '../../../sim/ledger/records.js';

/** Paul's filter takes nothing (S9): only his own track brings his mail to CRM. */
const PAUL_TRACKS_BY_HAND = `
    - { address: paul@contoso.example, incoming: email-router, outgoing: email-router, filter: none }
    - { address: anna@contoso.example, incoming: none }`;
const SSS = `
  profiles: [{ name: exchange, server: ex1 }]
  enabled: all`;
/** The organisation already processes email with server-side sync (R14). */
const ON_SSS = '{ at: 0s, verb: switchToServerSideSync, target: crm }';
const toPaul = (at: string, id: string) =>
  `{ at: ${at}, from: carol@fabrikam.example, to: [paul@contoso.example], subject: "Hello", messageId: "<${id}@fabrikam.example>" }`;
const run = (parts: CrmScenarioParts) =>
  runCrm({ users: PAUL_TRACKS_BY_HAND, sss: SSS, ...parts, faults: `[${ON_SSS}${parts.faults === undefined ? '' : `, ${parts.faults}`}]` });

/** When the person moved the message to Deleted Items, or null. */
function deletedAtMs(life: MessageLife): number | null {
  return life.path.find((s) => s.step === 'moved' && s.detail.endsWith('/Deleted Items'))?.atMs ?? null;
}

describe('App for Outlook tracking (C4)', () => {
  it('makes the activity at once, so a tracked item deleted before sync\'s next cycle still reaches CRM', () => {
    const ids = ['d1', 'd2', 'd3', 'd4', 'd5'];
    const outcome = run({
      traffic: `{ messages: [${ids.map((id, k) => toPaul(`${10 + k * 7}m`, id)).join(', ')}] }`,
      // Tracked within seconds, deleted within a minute or so: mostly long before a 5-minute cycle comes (S5).
      people: '{ track: { probability: 1, meanDelay: 5s }, delete: { probability: 1, meanDelay: 1m } }',
    });
    const lives = ids.map((id) => lifeOf(outcome, `<${id}@fabrikam.example>`));
    // The precondition: every message was deleted (after the person tracked it, with this seed).
    expect(lives.filter((life) => deletedAtMs(life) === null)).toEqual([]);
    // None lost: before C4's immediate track, those deleted before sync's cycle never reached CRM, unnoticed.
    expect(lives.filter((life) => life.activities.length === 0).map((life) => life.messageId)).toEqual([]);
    for (const life of lives) {
      const deleted = deletedAtMs(life);
      expect(life.activities).toMatchObject([{ direction: 'incoming', createdBy: APP_FOR_OUTLOOK, receivingMailbox: 'paul@contoso.example' }]);
      expect(life.activities[0]!.atMs).toBeLessThan(deleted!);
      // The ledger's tracked step (activity-created) names the app, for the checkers and the trace.
      expect(life.path.some((s) => s.step === 'activity-created' && s.detail.includes(`by ${APP_FOR_OUTLOOK}`))).toBe(true);
    }
    expect(outcome.counts).toMatchObject({ tracked: ids.length, untracked: 0, duplicates: 0, pending: 0 });
  });

  it('while CRM is down or erroring, the track is only the mark: server-side sync makes the activity at its next run', () => {
    for (const [fail, recover] of [['down', 'up'], ['crmApiFault', 'clearCrmApiFault']]) {
      const outcome = run({
        traffic: `{ messages: [${toPaul('5m', 'before')}, ${toPaul('1h', 'during')}] }`,
        people: '{ track: { probability: 1, meanDelay: 10s } }',
        faults: `{ at: 50m, verb: ${fail}, target: crm }, { at: 2h, verb: ${recover}, target: crm }`,
      });
      // Tracked while CRM answered: the app made it at once.
      const before = lifeOf(outcome, '<before@fabrikam.example>');
      expect(before.activities).toMatchObject([{ createdBy: APP_FOR_OUTLOOK }]);
      expect(before.activities[0]!.atMs).toBeLessThan(10 * 60_000);
      // Tracked while it did not: sync, once CRM is back (it runs in CRM), and once only.
      const during = lifeOf(outcome, '<during@fabrikam.example>');
      expect(during.activities).toMatchObject([{ direction: 'incoming', createdBy: 'sss', receivingMailbox: 'paul@contoso.example' }]);
      expect(during.activities[0]!.atMs).toBeGreaterThanOrEqual(2 * 3_600_000);
      expect(outcome.counts).toMatchObject({ tracked: 2, untracked: 0, duplicates: 0, pending: 0 });
    }
  });

  it('a track of a message server-side sync already tracked makes no second activity: CheckPromoteEmail says Duplicate (S8)', () => {
    const outcome = run({
      users: `
    - { address: paul@contoso.example, incoming: email-router, outgoing: email-router, filter: all }
    - { address: anna@contoso.example, incoming: none }`,
      traffic: `{ messages: [${toPaul('5m', 'synced')}] }`,
      // Long after sync's cycle took it from the Inbox (S5: within 5 minutes).
      people: '{ track: { probability: 1, meanDelay: 1h } }',
    });
    const life = lifeOf(outcome, '<synced@fabrikam.example>');
    expect(life.activities).toMatchObject([{ createdBy: 'sss' }]);
    // The app's check is the one refused; sync, seeing the item tracked, does not promote it again.
    const duplicates = life.evaluations.filter((e) => e.reasonCode === REASON.duplicate);
    expect(duplicates).toMatchObject([{ caller: APP_FOR_OUTLOOK }]);
    expect(duplicates[0]!.atMs).toBeGreaterThan(life.activities[0]!.atMs);
    expect(outcome.counts).toMatchObject({ tracked: 1, duplicates: 0, duplicatesPrevented: 1, pending: 0 });
  });

  it('[I] before the organisation is on server-side sync (R14), a track is only the mark: sync promotes it after the switch', () => {
    const outcome = runCrm({
      users: PAUL_TRACKS_BY_HAND, sss: SSS,
      traffic: `{ messages: [${toPaul('5m', 'early')}] }`,
      people: '{ track: { probability: 1, meanDelay: 10s } }',
      faults: '[{ at: 1h, verb: switchToServerSideSync, target: crm }]',
    });
    const life = lifeOf(outcome, '<early@fabrikam.example>');
    expect(life.activities).toMatchObject([{ createdBy: 'sss' }]);
    expect(life.activities[0]!.atMs).toBeGreaterThanOrEqual(3_600_000);
    expect(outcome.counts).toMatchObject({ tracked: 1, duplicates: 0, pending: 0 });
  });

  it('works only for a mailbox sync has approved and enabled (S3, S4): until then a track is only the mark', () => {
    const outcome = run({
      users: `
    - { address: paul@contoso.example, incoming: email-router, outgoing: email-router, filter: none, approved: false }
    - { address: anna@contoso.example, incoming: email-router, outgoing: email-router, filter: none }`,
      sss: `
  profiles: [{ name: exchange, server: ex1 }]
  enabled: [paul@contoso.example]`,
      traffic: `{ messages: [${toPaul('10m', 'unapproved')}, { at: 10m, from: carol@fabrikam.example, to: [anna@contoso.example], subject: "Hi", messageId: "<untested@fabrikam.example>" }] }`,
      people: '{ track: { probability: 1, meanDelay: 10s } }',
    });
    // Paul is unapproved (his mailbox never enabled, S3), Anna never tested and enabled: neither app reaches CRM.
    expect(lifeOf(outcome, '<unapproved@fabrikam.example>').activities).toEqual([]);
    expect(lifeOf(outcome, '<untested@fabrikam.example>').activities).toEqual([]);
    expect(outcome.counts.tracked).toBe(0);
  });

  it('counts a track by hand that never reached CRM as untracked, with its reason, though the filter took none of it (S9)', () => {
    // Tracked while CRM was down (only the mark), then deleted before CRM came back: sync never reads Deleted Items.
    const lost = run({
      traffic: `{ messages: [${toPaul('1h', 'gone')}] }`,
      people: '{ track: { probability: 1, meanDelay: 10s }, delete: { probability: 1, meanDelay: 5m } }',
      faults: '{ at: 50m, verb: down, target: crm }, { at: 2h, verb: up, target: crm }',
    });
    const life = lifeOf(lost, '<gone@fabrikam.example>');
    expect(life.placements.some((p) => p.eligible)).toBe(false);
    expect(life.path.map((s) => s.step)).toContain('track-requested');
    expect(life.activities).toEqual([]);
    // Sync promotes a mark in any folder but Deleted Items: the person's delete stopped it.
    expect(lost.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'deleted-before-tracking': 1 } });
    const check = lost.checks.find((c) => c.name === 'no-untracked-mail');
    expect(check?.summary).toBe('1 message tracked by hand never tracked (deleted-before-tracking 1)');
    expect(check?.offenders[0]?.detail).toBe('deleted-before-tracking: tracked by hand in paul@contoso.example/Deleted Items, never reached CRM');
    // Sync's mailbox never enabled: the mark waits for ever, and sync says why.
    const waiting = run({
      sss: `
  profiles: [{ name: exchange, server: ex1 }]
  enabled: []`,
      traffic: `{ messages: [${toPaul('10m', 'waiting')}] }`,
      people: '{ track: { probability: 1, meanDelay: 10s } }',
    });
    expect(waiting.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'never-polled': 1 } });
  });

  it('explains mail tracked by hand that a filter had refused, only by the copies of whoever tracked it (the diff review)', () => {
    // The filter refused the message before the track (S9: why the person tracks it): evaluated, yet not unexplained.
    const tossed = run({
      users: `
    - { address: paul@contoso.example, incoming: email-router, outgoing: email-router, filter: leads-contacts-accounts }
    - { address: anna@contoso.example, incoming: email-router, outgoing: email-router, filter: all }`,
      traffic: `{ messages: [{ at: 10m, from: dave@fabrikam.example, to: [paul@contoso.example, anna@contoso.example], subject: "News", messageId: "<news@fabrikam.example>" }] }`,
      people: '{ track: { probability: 1, meanDelay: 1h }, delete: { probability: 1, meanDelay: 2h } }',
      faults: '{ at: 30m, verb: down, target: crm }, { at: 4h, verb: up, target: crm }',
    });
    const life = lifeOf(tossed, '<news@fabrikam.example>');
    expect(life.evaluations.length).toBeGreaterThan(0);
    expect(life.trackedByHandIn).toContain('paul@contoso.example');
    expect(tossed.checks.find((c) => c.name === 'no-silent-drop')?.verdict).toBe('pass');
    // Anna's copy was eligible and is tracked; Paul's, tracked by hand and deleted while CRM was down, never was.
    expect(life.activities.map((a) => a.receivingMailbox)).not.toContain('paul@contoso.example');
  });

  it('[I] names a mark no sync ever promoted: the organisation never moved to server-side sync (R14)', () => {
    const idle = runCrm({
      users: PAUL_TRACKS_BY_HAND, sss: SSS,
      traffic: `{ messages: [${toPaul('5m', 'marked')}] }`,
      people: '{ track: { probability: 1, meanDelay: 10s } }',
      router: `{ incomingProfiles: [{ name: in, server: ex1 }], outgoingProfiles: [{ name: out, server: ex1 }], deployments: [{ incomingProfile: in, outgoingProfile: out, forwardMailbox: { address: crm@contoso.example } }] }`,
    });
    expect(idle.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'mark-not-promoted': 1 } });
    expect(idle.checks.find((c) => c.name === 'no-silent-drop')?.verdict).toBe('pass');
  });

  it('says a restore took the track away when the copy came back without the person\'s mark (X3)', async () => {
    // Marked after the backup (sync had not enabled Anna's mailbox yet), restored from it: back unmarked, never tracked.
    const outcome = runScenario(await loadScenario('test/fixtures/restore-unmarks.yaml'));
    expect(outcome.counts).toMatchObject({ untracked: 1, untrackedByReason: { 'rolled-back': 1 } });
    expect(outcome.checks.find((c) => c.name === 'no-silent-drop')?.verdict).toBe('pass');
  });
});
