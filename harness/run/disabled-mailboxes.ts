// The mailboxes server-side sync was not processing at the end of a run, grouped by what disabled them (a failed
// Test & Enable, S3; errors, S4) and why: after an outage during a cutover this is usually the cause of most untracked
// mail (`mailbox-disabled`), and the one thing to do about it is to test and enable them again once the cause is over.
import type { DisabledMailbox, ReenabledMailbox } from '../../fakes/sss/sss-world.js';

/** How many addresses a group names as examples. */
const SAMPLE = 3;

export interface DisabledMailboxGroup {
  /** `test-and-enable`: the test failed (S3); `errors`: sync disabled it after a permanent error or its retries (S4). */
  readonly by: DisabledMailbox['by'];
  /** The error, as the mailbox's alert says it (`ex1 unavailable`, `401 Unauthorized: ...`, `not approved (S3)`). */
  readonly why: string;
  readonly mailboxes: number;
  /** When the first and the last of them were disabled (virtual ms). */
  readonly firstAtMs: number;
  readonly lastAtMs: number;
  /** The first few addresses, in the order they were disabled. */
  readonly sample: readonly string[];
}

/** Groups by cause, the most mailboxes first (then the earliest), each group's sample in the order disabled. */
export function groupDisabledMailboxes(disabled: readonly DisabledMailbox[]): DisabledMailboxGroup[] {
  return groupByCause(disabled, () => ({}));
}

/**
 * The times mailboxes were disabled until a later Test & Enable enabled them, grouped as the disabled ones are (a
 * mailbox disabled twice for one cause counts once), with when they were enabled and the longest time one
 * waited: its mail was read after the retest, late but not lost (S6: the watermark had not moved).
 */
export interface ReenabledMailboxGroup extends DisabledMailboxGroup {
  readonly enabledAgainFirstAtMs: number;
  readonly enabledAgainLastAtMs: number;
  /** The longest time one of them was disabled (virtual ms). */
  readonly longestMs: number;
}

export function groupReenabledMailboxes(reenabled: readonly ReenabledMailbox[]): ReenabledMailboxGroup[] {
  return groupByCause(reenabled, (members) => ({
    enabledAgainFirstAtMs: members.reduce((min, m) => Math.min(min, m.enabledAgainAtMs), Infinity),
    enabledAgainLastAtMs: members.reduce((max, m) => Math.max(max, m.enabledAgainAtMs), -Infinity),
    longestMs: members.reduce((max, m) => Math.max(max, m.enabledAgainAtMs - m.atMs), 0),
  }));
}

function groupByCause<T extends DisabledMailbox, X>(list: readonly T[], more: (members: readonly T[]) => X): (DisabledMailboxGroup & X)[] {
  const groups = new Map<string, { by: DisabledMailbox['by']; why: string; members: T[] }>();
  for (const mailbox of list) {
    const key = `${mailbox.by}\u0000${mailbox.why}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, group = { by: mailbox.by, why: mailbox.why, members: [] });
    group.members.push(mailbox);
  }
  return [...groups.values()]
    .map(({ by, why, members }) => {
      const addresses = [...new Set(members.map((m) => m.address))];
      return {
        by, why, mailboxes: addresses.length,
        // A loop, not Math.min(...): a group can hold tens of thousands of mailboxes, too many arguments for a call.
        firstAtMs: members.reduce((min, m) => Math.min(min, m.atMs), Infinity),
        lastAtMs: members.reduce((max, m) => Math.max(max, m.atMs), -Infinity),
        sample: addresses.slice(0, SAMPLE),
        ...more(members),
      };
    })
    .sort((a, b) => b.mailboxes - a.mailboxes || a.firstAtMs - b.firstAtMs);
}
