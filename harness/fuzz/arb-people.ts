// People's habits for generated scenarios (`mailflow fuzz --habits`): reading, filing, deleting and moving mail back
// to the Inbox, replying, tracking (through the mailbox, App for Outlook: generated users have no CRM client, so it
// works on the sync paths only), and a junk filter. With them, mail is expected to go untracked for
// S6's reasons (filed, deleted or in Junk before a path read it, or back behind the watermark), so the scenario
// allows those; anything else untracked, lost or doubled is still a finding. Off by default: drawing habits changes
// what every seed generates.
import fc from 'fast-check';
import type { ScenarioInput } from './fuzz-shape.js';

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
  });
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
