// The summary's lines on mailboxes server-side sync had disabled at the end (S3, S4): how many, by what and why, when,
// a few addresses, and what to do. After an outage during a cutover they are the usual cause of `mailbox-disabled`
// mail, and nothing else in the counts says which mailboxes or when.
import { formatDurationMs } from '../scenario/duration.js';
import type { DisabledMailboxGroup, ReenabledMailboxGroup } from '../run/disabled-mailboxes.js';
import type { RunJson } from './run-json.js';

const BY = { 'test-and-enable': 'at Test & Enable', errors: 'after errors' } as const;

export function formatDisabledMailboxes(run: { readonly disabledMailboxes: readonly DisabledMailboxGroup[] | null; readonly counts: Pick<RunJson['counts'], 'untrackedByReason'> }): string[] {
  const groups = run.disabledMailboxes ?? [];
  if (groups.length === 0) return [];
  const total = groups.reduce((sum, g) => sum + g.mailboxes, 0);
  // Only mailbox-disabled is theirs for sure: a mailbox another organisation holds says other-organisation (S13).
  const untracked = run.counts.untrackedByReason['mailbox-disabled'] ?? 0;
  const mail = untracked === 0 ? '' : `; mail untracked as mailbox-disabled: ${untracked.toLocaleString('en-US')}`;
  return [
    `  server-side sync had ${total.toLocaleString('en-US')} ${total === 1 ? 'mailbox' : 'mailboxes'} disabled at the end (S3, S4)${mail}:`,
    ...groups.map((g) => `    ${g.mailboxes.toLocaleString('en-US')} ${BY[g.by]}: ${g.why}, ${when(g)} (${addresses(g)})`),
    // A 401 is the service account's access (S4): a retest fails again until it is granted.
    `    once the cause is over${groups.some((g) => g.why.startsWith('401')) ? ' (for a 401, access granted again: grantMailboxAccess)' : ''}, test and enable them again: a testAndEnable with onlyDisabled: true (docs/sss.md)`,
  ];
}

/**
 * The summary's lines on mailboxes sync disabled until a later Test & Enable enabled them: nothing else says their mail
 * waited (a latency's tail, a batch's backlog), nor for how long.
 */
export function formatReenabledMailboxes(run: { readonly reenabledMailboxes: readonly ReenabledMailboxGroup[] | null }): string[] {
  const groups = run.reenabledMailboxes ?? [];
  if (groups.length === 0) return [];
  // A mailbox disabled twice for two causes is in both groups, so the groups' counts do not add up to mailboxes:
  // a total is said only for one cause.
  const only = groups.length === 1 ? groups[0] : undefined;
  const one = only?.mailboxes === 1;
  const head = only === undefined
    ? `  server-side sync had mailboxes disabled for a while, for ${groups.length} causes, until a later Test & Enable enabled them (S3, S4); sync read none of their mail meanwhile:`
    : `  server-side sync had ${only.mailboxes.toLocaleString('en-US')} ${one ? 'mailbox' : 'mailboxes'} disabled for a while, until a later Test & Enable enabled ${one ? 'it' : 'them'} (S3, S4); sync read none of ${one ? 'its' : 'their'} mail meanwhile:`;
  return [
    head,
    ...groups.map((g) => `    ${g.mailboxes.toLocaleString('en-US')} ${BY[g.by]}: ${g.why}, disabled ${when(g)}, enabled ${span(g.enabledAgainFirstAtMs, g.enabledAgainLastAtMs)}, the longest for ${formatDurationMs(Math.round(g.longestMs / 1_000) * 1_000)} (${addresses(g)})`),
  ];
}

function when(group: DisabledMailboxGroup): string {
  return span(group.firstAtMs, group.lastAtMs);
}

function span(fromMs: number, toMs: number): string {
  return fromMs === toMs ? `at ${formatDurationMs(fromMs)}` : `${formatDurationMs(fromMs)} to ${formatDurationMs(toMs)}`;
}

function addresses(group: DisabledMailboxGroup): string {
  return group.sample.join(', ') + (group.mailboxes > group.sample.length ? ', ...' : '');
}
