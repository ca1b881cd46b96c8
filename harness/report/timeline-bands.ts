// Turns the applied faults into what the timeline draws: a fault that lasts (down .. up, crash .. restart, a CRM
// outage .. its end) becomes one band; instant faults and operations (a restore, the cutover's switch, each Test &
// Enable batch) become marks, grouped per verb and target so twenty batches make one readable lane.
import type { AppliedFault } from './applied-faults.js';

export type BandKind = 'fault' | 'operation';

export interface TimelineBand {
  readonly kind: BandKind;
  /** Verb and target, as the scenario names them: `down mailbox`. */
  readonly label: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** False when the run ended before the fault did: the band reaches the end of the chart. */
  readonly ended: boolean;
  /** For groups of instant events: when each happened (empty for a band that lasts). */
  readonly marksMs: readonly number[];
}

/** Faults that last until their end verb on the same target (first listed end wins). */
const ENDS: Readonly<Record<string, readonly string[]>> = {
  // Setup /m:RecoverServer starts the server again on new hardware (X4).
  down: ['up', 'restart', 'recoverServer'],
  crash: ['restart', 'up', 'recoverServer'],
  failover: ['up'],
  partition: ['heal'],
  stopInbound: ['startInbound'],
  dismount: ['mount'],
  smtpFault: ['clearSmtpFault'],
  crmApiFault: ['clearCrmApiFault'],
  goOffline: ['goOnline'],
  failActivityCreation: ['clearActivityCreationFailure'],
  denyMailboxAccess: ['grantMailboxAccess'],
};

/** Operations that also end a fault, yet deserve a mark of their own. */
const MARKED_WHEN_ENDING: ReadonlySet<string> = new Set(['recoverServer']);

/** Instant events that break something (drawn as faults); every other verb is an operation. */
const INSTANT_FAULTS: ReadonlySet<string> = new Set([
  'restart', 'restore', 'activateLaggedCopy', 'corruptState', 'deleteStateFile', 'resetState', 'deleteTrackedEmail',
]);

interface Open {
  readonly fault: AppliedFault;
  readonly ends: readonly string[];
}

export function timelineBands(applied: readonly AppliedFault[], endMs: number): TimelineBand[] {
  const bands: TimelineBand[] = [];
  const open: Open[] = [];
  const marks = new Map<string, { kind: BandKind; label: string; times: number[] }>();
  const label = (f: AppliedFault) => (f.target === '' ? f.verb : `${f.verb} ${f.target}`);
  const close = (o: Open, atMs: number) => bands.push({ kind: 'fault', label: label(o.fault), fromMs: o.fault.atMs, toMs: atMs, ended: true, marksMs: [] });
  for (const fault of applied) {
    // `heal` without a target heals every partition.
    const closing = open.filter((o) => o.ends.includes(fault.verb) && (o.fault.target === fault.target || (fault.verb === 'heal' && fault.target === '')));
    for (const o of closing) {
      close(o, fault.atMs);
      open.splice(open.indexOf(o), 1);
    }
    const ends = ENDS[fault.verb];
    if (ends !== undefined) {
      if (!open.some((o) => o.fault.verb === fault.verb && o.fault.target === fault.target)) open.push({ fault, ends });
      continue;
    }
    if (closing.length > 0 && !MARKED_WHEN_ENDING.has(fault.verb)) continue;
    const key = label(fault);
    const group = marks.get(key) ?? { kind: INSTANT_FAULTS.has(fault.verb) ? 'fault' as const : 'operation' as const, label: key, times: [] };
    group.times.push(fault.atMs);
    marks.set(key, group);
  }
  for (const o of open) bands.push({ kind: 'fault', label: label(o.fault), fromMs: o.fault.atMs, toMs: Math.max(endMs, o.fault.atMs), ended: false, marksMs: [] });
  for (const group of marks.values()) {
    bands.push({ kind: group.kind, label: group.label, fromMs: group.times[0] ?? 0, toMs: group.times.at(-1) ?? 0, ended: true, marksMs: group.times });
  }
  // Lanes read top to bottom in time order; ties keep the order above (stable sort).
  return bands.sort((a, b) => a.fromMs - b.fromMs);
}
