// A cutover from the E-mail Router to server-side sync (R14, S2a, S3, S6, S14). With one path active at a time, a
// Process Email From before the switch and users who leave their mail in the Inbox, every eligible message is
// tracked exactly once; a later Process Email From, mail filed before the mailbox is enabled, and a failed Test &
// Enable each show up as untracked mail with its reason. Found on the way: Process Email From exactly at the switch
// loses what arrived after the router's last cycle (its poll interval), so the property starts it two minutes earlier.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { routerSection, runCrm, type CrmScenarioParts } from '../../helpers/crm-scenario.js';

const HOUR = 3_600_000;
const USERS = `
    - { address: paul@contoso.example, incoming: email-router, filter: all }
    - { address: anna@contoso.example, incoming: email-router, filter: all }`;
const TRAFFIC = '{ generators: [{ name: carol, sender: fabrikam, ratePerHour: 8, to: all-users, fanOut: 2, until: 10h }] }';

function cutover(seed: number, plan: string, extra: Partial<CrmScenarioParts> = {}): ReturnType<typeof runCrm> {
  return runCrm({
    seed, horizon: '12h', users: USERS, traffic: TRAFFIC, router: routerSection(),
    sss: `
  profiles: [{ name: exchange, server: ex1 }]
  mailboxes: [{ address: crm@contoso.example, deleteAfterProcessing: true }]
  cutover: ${plan}
`,
    ...extra,
  });
}

describe('cutover from the router', () => {
  it('Process Email From exactly at the switch loses mail that arrived after the router\'s last cycle', () => {
    const run = cutover(299884983, '{ at: 1h, processEmailFrom: { before: 0 }, batchSize: 1, batchInterval: 0, queuesFirst: false, forwardRules: keep }');
    expect(run.counts.untrackedByReason).toEqual({ 'before-process-email-from': 1 });
  });

  it('with Process Email From before the switch and mail left in the Inbox, tracks every eligible message once', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }),
      fc.oneof(fc.constant(0), fc.integer({ min: 60_000, max: 3 * HOUR })), fc.integer({ min: 2 * 60_000, max: 24 * HOUR }), fc.boolean(),
      fc.constantFrom('keep', 'remove-per-batch', 'remove-at-end'), fc.boolean(),
      (seed, atHour, batchSize, interval, before, queuesFirst, forwardRules, forwardMailbox) => {
        // Users on Forward Mailbox (inbox rules copy their mail to crm@) or on the router reading their own Inbox.
        const viaForward: Partial<CrmScenarioParts> = forwardMailbox
          ? { users: USERS.replaceAll('incoming: email-router', 'incoming: forward-mailbox'), rules: '[{ to: crm@contoso.example }]' } : {};
        const run = cutover(seed, `{ at: ${atHour}h, processEmailFrom: { before: ${before} }, batchSize: ${batchSize}, batchInterval: ${interval}, queuesFirst: ${queuesFirst}, forwardRules: ${forwardRules} }`, viaForward);
        expect(run.counts.sent).toBeGreaterThan(0);
        expect(run.counts).toMatchObject({ lost: 0, untracked: 0, duplicates: 0, pending: 0 });
        for (const life of run.ledger.messages()) {
          const eligible = life.placements.some((p) => p.eligible);
          expect(life.activities.filter((a) => a.direction === 'incoming')).toHaveLength(eligible ? 1 : 0);
        }
      }), { numRuns: 25 });
  });

  it('mail between the switch and a later Process Email From is untracked: before-process-email-from', () => {
    const run = cutover(3, '{ at: 2h, processEmailFrom: 4h, batchSize: 2 }');
    expect(run.counts.untracked).toBeGreaterThan(0);
    expect(Object.keys(run.counts.untrackedByReason)).toEqual(['before-process-email-from']);
  });

  it('mail filed before the mailbox is enabled is untracked: not-in-root-inbox (S6)', () => {
    const run = cutover(3, '{ at: 2h, batchSize: 1, batchInterval: 4h }', { people: '{ file: { probability: 0.5, meanDelay: 30m } }' });
    expect(run.counts.untrackedByReason['not-in-root-inbox'] ?? 0).toBeGreaterThan(0);
    expect(Object.keys(run.counts.untrackedByReason).every((r) => ['not-in-root-inbox', 'deleted-before-tracking'].includes(r))).toBe(true);
  });

  it('a mailbox whose Test & Enable fails keeps its mail untracked: mailbox-disabled', () => {
    const run = cutover(3, '{ at: 2h, failing: [anna@contoso.example] }', {
      traffic: '{ generators: [{ name: carol, sender: fabrikam, ratePerHour: 8, to: all-users, until: 10h }] }',
    });
    expect(run.counts.untrackedByReason).toEqual({ 'mailbox-disabled': run.counts.untracked });
    expect(run.counts.untracked).toBeGreaterThan(0);
  });
});
