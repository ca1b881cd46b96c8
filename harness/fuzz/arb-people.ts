// People's habits for generated scenarios (`mailflow fuzz --habits`): reading, filing, deleting and moving mail back
// to the Inbox, replying, tracking, and a junk filter. Some users run Outlook with the CRM client: they track with
// "Track in CRM" (C1) on every path, some let it bring their incoming mail to CRM (incoming access Outlook, R4, for
// users the router does not read through the forward mailbox), and the first one's client may go offline for a while
// (tracking and evaluation then wait, C3). The others track through the mailbox (App for Outlook), which works on the
// sync paths only (S16). With them, mail is expected to go untracked for
// S6's reasons (filed, deleted or in Junk before a path read it, or back behind the watermark), so the scenario
// allows those; anything else untracked, lost or doubled is still a finding. Off by default: drawing habits changes
// what every seed generates.
import fc from 'fast-check';
import { MAX_USERS, type CrmInput, type FaultInput, type ScenarioInput } from './fuzz-shape.js';
import { TRAFFIC_WINDOW_MINUTES } from './arb-traffic.js';
import { outlookActorName } from '../../fakes/outlook/outlook-client.js';

/** How a user runs Outlook: without the CRM client, with it (tracking), or with it as their incoming access too. */
export type OutlookUse = 'none' | 'client' | 'incoming';

/** One Outlook client offline for a while (C3): from `atMinute`, for `minutes`. */
export interface FuzzOffline {
  readonly atMinute: number;
  readonly minutes: number;
}

export interface FuzzHabits {
  readonly read: number;
  readonly file: number;
  readonly fileDelayMinutes: number;
  readonly delete: number;
  readonly moveBack: number;
  readonly moveBackDelayMinutes: number;
  readonly reply: number;
  readonly track: number;
  readonly junk: number;
  /**
   * Per user (in order; extra entries stand for no one): Outlook with the CRM client or not, and whether it brings the
   * user's incoming mail to CRM (taken as `client` for a user behind the forward mailbox).
   */
  readonly outlook: readonly OutlookUse[];
  /** The first Outlook user's client goes offline this once, or never. */
  readonly offline: FuzzOffline | null;
}

/** The untracked reasons people's habits explain (S6, R8): allowed, in any number. */
export const HABIT_REASONS = ['not-in-root-inbox', 'behind-watermark', 'deleted-before-tracking', 'before-threshold-date'] as const;

// A few values each, from never to always, so shrinking goes to "never" and a counterexample's habits read plainly.
const chance = fc.constantFrom(0, 0.2, 0.5, 1);
const minutes = fc.constantFrom(1, 5, 30, 120);

export function arbHabits(): fc.Arbitrary<FuzzHabits> {
  return fc.record({
    read: chance, file: chance, fileDelayMinutes: minutes, delete: fc.constantFrom(0, 0.1, 0.3),
    moveBack: chance, moveBackDelayMinutes: minutes, reply: fc.constantFrom(0, 0.3), track: fc.constantFrom(0, 0.3),
    junk: fc.constantFrom(0, 0.1, 0.3),
    // More than half the organisations have no client at all (an empty list half the time, or only 'none'): those
    // whose clients call CRM repeat the duplicate check (withOutlookClients), which hides races between other
    // callers, so they must not be most of the runs (about a third are).
    outlook: fc.oneof(fc.constant([]), fc.array(fc.constantFrom<OutlookUse>('none', 'client', 'incoming'), { minLength: 1, maxLength: MAX_USERS })),
    offline: fc.option(fc.record({ atMinute: fc.integer({ min: 1, max: TRAFFIC_WINDOW_MINUTES }), minutes: fc.constantFrom(5, 30, 90) }), { nil: null }),
  });
}

/** The users who run Outlook with the CRM client, of those the scenario has. */
export function outlookUsers(h: FuzzHabits, users: readonly string[]): string[] {
  return users.filter((_, i) => (h.outlook[i] ?? 'none') !== 'none');
}

/**
 * The `crm:` section with `outlook: true` on the users who run the client (their access stays as it was). Their
 * "Track in CRM" and the router's or sync's processing of the same message are two callers, and two callers whose
 * check and deliver interleave both create an activity (R13, docs/crm.md "The check-deliver gap";
 * crm-check-deliver-race shows it). That race is known, so organisations whose clients call CRM repeat the duplicate
 * check at delivery: a duplicate they still show is a finding. (`injectBug: no-dedup` skips that check too.) The
 * price: in those runs a race between two other callers (two routers, say) is hidden as well. A sharper rule, not
 * built yet, would allow only duplicates one of whose activities a client created, and leave the check alone.
 */
export function withOutlookClients(crm: CrmInput, h: FuzzHabits, syncReads: boolean): CrmInput {
  const clients = new Set(outlookUsers(h, crm.users.map((u) => u.address)));
  // Without a client, people track through the App for Outlook, which calls CRM at once where sync reads the mailbox
  // (C4): its track can land inside sync's check-deliver gap, the same known race.
  const appCalls = h.track > 0 && syncReads;
  if (clients.size === 0) return appCalls ? { ...crm, settings: { ...crm.settings, deliverRechecksDuplicate: true } } : crm;
  const withClient = (u: CrmInput['users'][number], i: number): CrmInput['users'][number] => {
    if (!clients.has(u.address)) return u;
    // The forward mailbox's users keep it: their mail reaches CRM through the router whatever Outlook does.
    const incoming = h.outlook[i] === 'incoming' && u.incoming !== 'forward-mailbox';
    return incoming ? { ...u, incoming: 'outlook', outlook: true } : { ...u, outlook: true };
  };
  const users = crm.users.map(withClient);
  // Clients that neither track nor take incoming mail never call CRM: then nothing races, and the check stays as it is,
  // so the runs keep finding races between the router, sync and their like.
  const calling = h.track > 0 || appCalls || users.some((u) => u.incoming === 'outlook');
  return { ...crm, users, ...(calling ? { settings: { ...crm.settings, deliverRechecksDuplicate: true } } : {}) };
}

/** C3: the first Outlook user's client offline and back (ends within the run: the horizon covers every operation). */
export function offlineOperations(h: FuzzHabits, users: readonly string[]): FaultInput[] {
  const first = outlookUsers(h, users)[0];
  if (first === undefined || h.offline === null) return [];
  const target = outlookActorName(first);
  return [
    { at: `${h.offline.atMinute * 60}s`, verb: 'goOffline', target },
    { at: `${(h.offline.atMinute + h.offline.minutes) * 60}s`, verb: 'goOnline', target },
  ];
}

/** The scenario's `users:` section for the habits. */
export function usersSection(h: FuzzHabits): NonNullable<ScenarioInput['users']> {
  return {
    read: { probability: h.read, meanDelay: '10m' },
    file: { probability: h.file, meanDelay: `${h.fileDelayMinutes}m`, folder: 'Projects' },
    delete: { probability: h.delete, meanDelay: '30m' },
    moveBack: { probability: h.moveBack, meanDelay: `${h.moveBackDelayMinutes}m` },
    reply: { probability: h.reply, meanDelay: '20m' },
    track: { probability: h.track, meanDelay: '15m' },
  };
}

/** `expect.untracked` allowing what the habits explain. */
export function habitsExpectation(): NonNullable<NonNullable<ScenarioInput['expect']>['untracked']> {
  return Object.fromEntries(HABIT_REASONS.map((reason) => [reason, '>= 0']));
}
