// Arbitrary fault windows: an outage, a crash or an SMTP fault that starts near a burst of mail (where it hurts) and
// ends a while later. "Survivable" bounds keep each window inside what the real systems are built to ride out: senders
// retry for two days (X1), the router re-reads what it had not finished (R8, R10), server-side sync disables a mailbox
// only after 10 transient errors 5 minutes apart (S4), so its outages stay under 20 minutes even when two windows meet.
import fc from 'fast-check';
import { CRM_SERVER, ROUTER, SSS, serverName, type FaultInput, type FuzzPath } from './fuzz-shape.js';
import type { FuzzBurst } from './arb-traffic.js';

export const FAULT_KINDS = [
  'exchange-outage', 'router-crash', 'crm-outage', 'sss-crash', 'smtp-transient', 'reply-lost', 'database-dismount',
  'restore-without-logs',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FuzzFault {
  readonly kind: FaultKind;
  /** The burst it starts near (modulo the number of bursts), and how many seconds after that burst starts. */
  readonly anchor: number;
  readonly offsetSeconds: number;
  readonly lengthSeconds: number;
  /** Which Exchange server (modulo the number of servers), for the kinds that hit one. */
  readonly server: number;
  /** Crashes come back: a service that crashes again after its restart (a crash loop), this many more times. */
  readonly repeats: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** The longest survivable window per path and kind, in seconds; a kind a path does not list does not apply to it. */
const SURVIVABLE: Readonly<Record<FuzzPath, Partial<Record<FaultKind, number>>>> = {
  router: {
    'exchange-outage': 4 * HOUR, 'router-crash': 10 * MINUTE, 'crm-outage': 2 * HOUR, 'smtp-transient': 2 * HOUR,
    'reply-lost': 30 * MINUTE, 'database-dismount': 2 * HOUR,
  },
  sss: {
    'exchange-outage': 20 * MINUTE, 'crm-outage': 20 * MINUTE, 'sss-crash': 20 * MINUTE, 'smtp-transient': 2 * HOUR,
    'reply-lost': 30 * MINUTE, 'database-dismount': 20 * MINUTE,
  },
  // [I] Test & Enable while Exchange or CRM is unreachable fails and disables the mailbox (S4): a cutover's faults
  // stay away from the mailboxes' connections.
  cutover: { 'router-crash': 10 * MINUTE, 'sss-crash': 10 * MINUTE, 'smtp-transient': 2 * HOUR, 'reply-lost': 30 * MINUTE },
};

/** Beyond survivable: a restore without its logs loses what came after the backup (X3), on any path. */
const UNSURVIVABLE: Readonly<Partial<Record<FaultKind, number>>> = { 'restore-without-logs': 2 * HOUR };

export function faultKindsFor(path: FuzzPath, survivableOnly: boolean): Array<[FaultKind, number]> {
  const bounds = survivableOnly ? SURVIVABLE[path] : { ...SURVIVABLE[path], ...UNSURVIVABLE };
  return FAULT_KINDS.flatMap((kind) => (bounds[kind] === undefined ? [] : [[kind, bounds[kind]] as [FaultKind, number]]));
}

/** Crashes are drawn three times as often as other kinds: their harm hides in windows of seconds. */
const CRASH_WEIGHT = 3;

export function arbFault(path: FuzzPath, survivableOnly: boolean): fc.Arbitrary<FuzzFault> {
  return fc.oneof(...faultKindsFor(path, survivableOnly).map(([kind, maxSeconds]) => ({ weight: isCrash(kind) ? CRASH_WEIGHT : 1, arbitrary: fc.record({
    kind: fc.constant(kind),
    anchor: fc.nat({ max: 3 }),
    // A crash matters while a burst is being worked on: the router or the sync picks it up within a cycle (R11, S5)
    // and spends a few CRM round trips per message. Outages also matter when they begin before the burst.
    offsetSeconds: isCrash(kind) ? fc.integer({ min: 0, max: 150 }) : fc.integer({ min: -5 * MINUTE, max: 4 * MINUTE }),
    // A crashed service is mostly back within a minute (service recovery restarts it), sometimes much later.
    lengthSeconds: isCrash(kind) ? fc.oneof(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 5, max: maxSeconds })) : fc.integer({ min: 10, max: maxSeconds }),
    server: fc.nat({ max: 1 }),
    repeats: isCrash(kind) ? fc.nat({ max: 4 }) : fc.constant(0),
  }) })));
}

function isCrash(kind: FaultKind): boolean {
  return kind === 'router-crash' || kind === 'sss-crash';
}

/** Between a restart and the next crash of a crash loop, in seconds. */
const CRASH_LOOP_GAP_SECONDS = 20;

/** When the window starts, in seconds after the start (at least 1 s). */
export function faultStartSeconds(fault: FuzzFault, bursts: readonly FuzzBurst[]): number {
  const burst = bursts[fault.anchor % Math.max(1, bursts.length)];
  return Math.max(1, (burst?.atMinute ?? 1) * MINUTE + fault.offsetSeconds);
}

/** The window as scenario operations: the fault, then what ends it. */
export function operationsOf(fault: FuzzFault, bursts: readonly FuzzBurst[], servers: number): FaultInput[] {
  const start = faultStartSeconds(fault, bursts);
  const end = start + fault.lengthSeconds;
  const at = (seconds: number) => `${seconds}s`;
  const server = serverName(fault.server % servers);
  const database = `db${(fault.server % servers) + 1}`;
  switch (fault.kind) {
    case 'exchange-outage':
      return [{ at: at(start), verb: 'down', target: server }, { at: at(end), verb: 'up', target: server }];
    case 'router-crash':
      return crashLoop(ROUTER, start, fault);
    case 'crm-outage':
      return [{ at: at(start), verb: 'down', target: CRM_SERVER }, { at: at(end), verb: 'up', target: CRM_SERVER }];
    case 'sss-crash':
      return crashLoop(SSS, start, fault);
    case 'smtp-transient':
      return [{ at: at(start), verb: 'smtpFault', target: server, stage: 'rcpt', code: 451 }, { at: at(end), verb: 'clearSmtpFault', target: server }];
    case 'reply-lost':
      return [{ at: at(start), verb: 'smtpFault', target: server, stage: 'end-of-data', dropReply: true }, { at: at(end), verb: 'clearSmtpFault', target: server }];
    case 'database-dismount':
      return [{ at: at(start), verb: 'dismount', target: server, database }, { at: at(end), verb: 'mount', target: server, database }];
    case 'restore-without-logs':
      return [
        { at: at(start), verb: 'backup', target: server, database },
        { at: at(end), verb: 'dismount', target: server, database },
        { at: at(end), verb: 'restore', target: server, database, backupAt: at(start), replayLogs: false },
        { at: at(end), verb: 'mount', target: server, database },
      ];
  }
}

function crashLoop(target: string, start: number, fault: FuzzFault): FaultInput[] {
  const period = fault.lengthSeconds + CRASH_LOOP_GAP_SECONDS;
  return Array.from({ length: fault.repeats + 1 }, (_, i) => start + i * period).flatMap((crashAt) => [
    { at: `${crashAt}s`, verb: 'crash', target },
    { at: `${crashAt + fault.lengthSeconds}s`, verb: 'restart', target },
  ]);
}
