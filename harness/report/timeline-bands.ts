// Turns the applied faults into what the timeline draws: a fault that lasts (down .. up, crash .. restart, a CRM
// outage .. its end) becomes one band; instant faults and operations (a restore, the cutover's switch, each Test &
// Enable batch) become marks, grouped per verb and target so twenty batches make one readable lane.
import type { AppliedFault } from './applied-faults.js';
import { FAULT_ENDS } from './fault-ends.js';

export type BandKind = 'fault' | 'operation';

export interface TimelineBand {
  readonly kind: BandKind;
  /** Verb and target, as the scenario names them (`down mailbox`), and for a lasting fault what in the target it acts on (`denyMailboxAccess sss (anna@contoso.example)`). */
  readonly label: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** False when the run ended before the fault did: the band reaches the end of the chart. */
  readonly ended: boolean;
  /** For groups of instant events: when each happened (empty for a band that lasts). */
  readonly marksMs: readonly number[];
  /**
   * A lasting fault on some mailboxes of its target, not the whole of it (a cutover's failing mailboxes, access denied
   * to a few people): marked where it starts and ends rather than shaded across the chart, which would read as an
   * outage of everything and hide the real ones.
   */
  readonly partial: boolean;
}

/** Operations that also end a fault, yet deserve a mark of their own. */
const MARKED_WHEN_ENDING: ReadonlySet<string> = new Set(['recoverServer']);

/** Instant events that break something (drawn as faults); every other verb is an operation. */
const INSTANT_FAULTS: ReadonlySet<string> = new Set([
  'restart', 'restore', 'activateLaggedCopy', 'corruptState', 'deleteStateFile', 'resetState', 'restoreState', 'deleteTrackedEmail',
]);

interface Open {
  readonly fault: AppliedFault;
  readonly ends: readonly string[];
  /** The parts of the target still hit (mailboxes, a database), or null for the whole target. */
  readonly remaining: Set<string> | null;
}

export function timelineBands(applied: readonly AppliedFault[], endMs: number): TimelineBand[] {
  const bands: TimelineBand[] = [];
  const open: Open[] = [];
  const marks = new Map<string, { kind: BandKind; label: string; times: number[] }>();
  const label = (f: AppliedFault) => (f.target === '' ? f.verb : `${f.verb} ${f.target}`);
  // A lasting fault says what in its target it hits: which mailbox lost access, which database is dismounted.
  const lastingLabel = (f: AppliedFault) => (scopeOf(f) === '' ? label(f) : `${label(f)} (${scopeOf(f)})`);
  const lasting = (o: Open, toMs: number, ended: boolean): TimelineBand =>
    ({ kind: 'fault', label: lastingLabel(o.fault), fromMs: o.fault.atMs, toMs, ended, marksMs: [], partial: onMailboxes(o.fault) });
  const close = (o: Open, atMs: number) => bands.push(lasting(o, atMs, true));
  // An end on the same target ends the fault once it has ended it for every part the fault hit (each mailbox denied
  // access, the database dismounted), or at once when it names no part (access granted to all). It takes the parts
  // it names off the fault's `remaining` as it is asked: each applied fault is asked once per open fault.
  const ends = (o: Open, fault: AppliedFault): boolean => {
    if (!o.ends.includes(fault.verb) || !(o.fault.target === fault.target || (fault.verb === 'heal' && fault.target === ''))) return false;
    const parts = partsOf(fault);
    if (parts === null) return true;
    // Access granted to one mailbox does not end a fault on them all.
    if (o.remaining === null) return false;
    for (const part of parts) o.remaining.delete(part);
    return o.remaining.size === 0;
  };
  for (const fault of applied) {
    // `heal` without a target heals every partition.
    const closing = open.filter((o) => ends(o, fault));
    for (const o of closing) {
      close(o, fault.atMs);
      open.splice(open.indexOf(o), 1);
    }
    const endVerbs = FAULT_ENDS[fault.verb];
    if (endVerbs !== undefined) {
      const parts = partsOf(fault);
      const again = open.find((o) => o.fault.verb === fault.verb && o.fault.target === fault.target && partsKey(o.fault) === partsKey(fault));
      // The same fault again while it lasts: one band, hitting all its parts again.
      if (again !== undefined && again.remaining !== null) for (const part of parts ?? []) again.remaining.add(part);
      if (again === undefined) open.push({ fault, ends: endVerbs, remaining: parts === null ? null : new Set(parts) });
      continue;
    }
    if (closing.length > 0 && !MARKED_WHEN_ENDING.has(fault.verb)) continue;
    const key = label(fault);
    const group = marks.get(key) ?? { kind: INSTANT_FAULTS.has(fault.verb) ? 'fault' as const : 'operation' as const, label: key, times: [] };
    group.times.push(fault.atMs);
    marks.set(key, group);
  }
  for (const o of open) bands.push(lasting(o, Math.max(endMs, o.fault.atMs), false));
  for (const group of marks.values()) {
    bands.push({ kind: group.kind, label: group.label, fromMs: group.times[0] ?? 0, toMs: group.times.at(-1) ?? 0, ended: true, marksMs: group.times, partial: false });
  }
  // Lanes read top to bottom in time order; ties keep the order above (stable sort).
  return bands.sort((a, b) => a.fromMs - b.fromMs);
}

/** What in its target a fault acts on: a database, a mailbox, or a list of mailboxes; null for the whole target. */
function partsOf(fault: AppliedFault): string[] | null {
  const p = fault.params ?? {};
  if (typeof p['database'] === 'string') return [p['database']];
  if (typeof p['mailbox'] === 'string') return [p['mailbox']];
  const list = p['mailboxes'];
  return Array.isArray(list) ? [...new Set(list.map(String))].sort() : null;
}

/** Does the fault name the mailboxes it acts on (rather than a database, or its whole target)? */
function onMailboxes(fault: AppliedFault): boolean {
  const p = fault.params ?? {};
  return typeof p['mailbox'] === 'string' || Array.isArray(p['mailboxes']);
}

/** The parts as a label says them: the one part, or how many. */
function scopeOf(fault: AppliedFault): string {
  const parts = partsOf(fault);
  if (parts === null) return '';
  return parts.length === 1 ? (parts[0] ?? '') : `${parts.length} mailboxes`;
}

function partsKey(fault: AppliedFault): string {
  return partsOf(fault)?.join('\n') ?? '';
}
