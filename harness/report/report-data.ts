// Everything a report shows, extracted from a run's outcome and ledger into one plain object (no classes, no
// functions): the page and the charts only render it, and tests check it without a browser.
import type { OffenderThresholdDate, Verdict } from '../../sim/check/check-result.js';
import type { ExpectationResult } from '../../sim/check/verdict.js';
import type { Counts } from '../../sim/ledger/counts.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { toRunJson } from '../cli/run-json.js';
import type { RunOutcome } from '../run/run-scenario.js';
import type { DisabledMailboxGroup, ReenabledMailboxGroup } from '../run/disabled-mailboxes.js';
import type { DisabledMailbox } from '../../fakes/sss/sss-world.js';
import type { BatchFigures } from '../plan/plan-metrics.js';
import type { AppliedFault } from './applied-faults.js';
import { latencyHistogram, type LatencyHistogram } from './latency-histogram.js';
import { messageFacts, outcomeOf } from './message-facts.js';
import { scanLedger, type QueuedBeforeAcceptance } from './ledger-scan.js';
import { sampleMessages } from './message-sample.js';
import { timelineBands, type TimelineBand } from './timeline-bands.js';
import type { TimelinePoint } from './timeline-series.js';
import { trimPath, type TrimmedPath } from './trimmed-path.js';
import type { RouterErrorGroup } from '../../fakes/router/router-errors.js';

export interface ReportCheck {
  readonly name: string;
  readonly verdict: Verdict;
  readonly expected: Verdict;
  readonly summary: string;
  readonly offenderCount: number;
  /**
   * The offenders `--json` lists (a sample across the check's reasons and the run, sim/check/offender-order.ts), with
   * the ThresholdDate of those untracked as before-threshold-date (R8; `detail` says it too).
   */
  readonly offenders: ReadonlyArray<{ readonly messageId: string; readonly detail: string; readonly path: TrimmedPath; readonly thresholdDate?: OffenderThresholdDate }>;
  /**
   * How many different messages it names, and how many of them the message table lists (all of them, unless the
   * table is a sample). Offenders can be more than messages: no-lost-mail names each lost copy.
   */
  readonly offenderMessages: number;
  readonly offendersListed: number;
  /** What the check measured, if anything (latency: samples, p50Ms, p95Ms, maxMs). */
  readonly measurements?: Readonly<Record<string, number>>;
}

export interface MessageRow {
  readonly messageId: string;
  /** lost, duplicate, pending: <where>, bounced, untracked: <reason>, tracked, delivered, accepted, submitted. */
  readonly outcome: string;
  /** Names of the checks that name this message. */
  readonly offenderOf: readonly string[];
  readonly acceptedAtMs: number | null;
  readonly firstActivityAtMs: number | null;
  readonly latencyMs: number | null;
  readonly path: TrimmedPath;
}

export interface ReportData {
  /** What `mailflow run --json` prints, without wallMs (a report is the same bytes for the same run). */
  readonly run: {
    readonly scenario: string;
    readonly file: string;
    readonly mode: 'virtual' | 'wire';
    readonly seed: number;
    readonly verdict: Verdict;
    readonly counts: Counts;
    readonly checks: readonly ReportCheck[];
    readonly expectations: readonly ExpectationResult[];
    readonly traceHash: string | null;
    readonly events: number;
    readonly simulatedMs: number;
    /** Mailboxes server-side sync had disabled at the end, by cause (S3, S4); null without server-side sync. */
    readonly disabledMailboxes: readonly DisabledMailboxGroup[] | null;
    /** Mailboxes sync disabled and a Test & Enable enabled again, by cause (S3, S4); null without server-side sync. */
    readonly reenabledMailboxes: readonly ReenabledMailboxGroup[] | null;
    /** A scenario cutover's batches (`mailflow plan`'s figures); null without `sss.cutover`. */
    readonly cutoverBatches: readonly BatchFigures[] | null;
    /** What the E-mail Router's services wrote to their event logs, grouped; null without a router. */
    readonly routerErrors: readonly RouterErrorGroup[] | null;
  };
  readonly description: string | null;
  /** The scenario's virtual time 0 (ISO 8601 UTC) and horizon. */
  readonly start: string;
  readonly horizonMs: number;
  readonly timeline: readonly TimelinePoint[];
  readonly bands: readonly TimelineBand[];
  readonly latency: LatencyHistogram | null;
  /** What waited at its senders before acceptance, where the latency starts (ledger-scan.ts). */
  readonly queued: QueuedBeforeAcceptance;
  readonly messages: { readonly total: number; readonly rule: string | null; readonly rows: readonly MessageRow[] };
}

export interface ReportInput {
  readonly outcome: RunOutcome;
  /** The scenario file as the user named it (as `--json` prints it). */
  readonly file: string;
  readonly scenario: { readonly start: string; readonly horizon: number; readonly description?: string | undefined };
  readonly applied: readonly AppliedFault[];
  /** How the run was made (default virtual): a wire run's report says so and shows no trace hash. */
  readonly mode?: 'virtual' | 'wire';
}

export function reportData({ outcome, file, scenario, applied, mode }: ReportInput): ReportData {
  const { wallMs: _wallMs, ...json } = toRunJson(outcome, file, 0, mode);
  const { ledger } = outcome;
  const offenderOf = new Map<string, string[]>();
  for (const check of outcome.checks) {
    for (const o of check.offenders) {
      const names = offenderOf.get(o.messageId) ?? [];
      if (!names.includes(check.name)) names.push(check.name);
      offenderOf.set(o.messageId, names);
    }
  }
  // Two passes over the messages, holding none of them: one for what is drawn from them all, one for the table's rows.
  const scan = scanLedger(ledger, outcome.simulatedMs, offenderOf);
  const named = outcome.checks.map((c) => c.offenders.flatMap((o) => scan.indexOf.get(o.messageId) ?? []));
  const sample = sampleMessages(scan.total, named);
  const listed = new Set(sample.indexes);
  return {
    run: {
      ...json,
      checks: json.checks.map((c, k) => ({
        ...c, offenders: c.offenders.map((o) => ({
          messageId: o.messageId, detail: o.detail, path: trimPath(o.path), ...(o.thresholdDate === undefined ? {} : { thresholdDate: o.thresholdDate }),
        })),
        offenderMessages: new Set(named[k] ?? []).size,
        offendersListed: new Set((named[k] ?? []).filter((i) => listed.has(i))).size,
      })),
    },
    description: scenario.description?.trim() || null,
    start: scenario.start,
    horizonMs: scenario.horizon,
    timeline: scan.timeline,
    bands: [...timelineBands(applied, outcome.simulatedMs), ...disabledMarks(json.disabledMailboxes ?? [], outcome.disabledMailboxes ?? [])],
    latency: latencyHistogram(scan.latenciesMs),
    queued: scan.queued,
    messages: { total: scan.total, rule: sample.rule, rows: rowsAt(ledger, sample.indexes, offenderOf) },
  };
}

/**
 * When server-side sync disabled mailboxes (S3, S4), as a lane of marks under the faults: after an outage during a
 * cutover the mass disabling is the cause of most untracked mail, and it happens tens of minutes into the outage.
 */
function disabledMarks(groups: readonly DisabledMailboxGroup[], mailboxes: readonly DisabledMailbox[]): TimelineBand[] {
  // A mark at each instant when they are a few (a failing mailbox in each of two batches: "×2" then counts instants);
  // when many went over a stretch (an outage's retries running out, mailbox by mailbox), a dotted line at the first
  // and the last, as a fault on some mailboxes: a shaded band would read as an outage of everything between.
  return groups.map((g) => {
    const instants = [...new Set(mailboxes.filter((m) => m.by === g.by && m.why === g.why).map((m) => m.atMs))].sort((a, b) => a - b);
    const few = instants.length <= FEW_INSTANTS;
    return {
      kind: 'fault',
      // The error's head only (`401 Unauthorized`, not what follows its colon): a lane's label must fit beside its marks.
      label: `sync disabled ${g.mailboxes.toLocaleString('en-US')} ${g.mailboxes === 1 ? 'mailbox' : 'mailboxes'} ${g.by === 'errors' ? 'after errors' : 'at Test & Enable'} (${g.why.split(':')[0]})`,
      fromMs: g.firstAtMs, toMs: g.lastAtMs, ended: true, marksMs: few ? instants : [], partial: !few,
    };
  });
}

/** Up to this many instants, a disabled-mailbox lane marks each. */
const FEW_INSTANTS = 5;

/** The table's rows: the messages at `indexes` (ascending, first-seen order). */
function rowsAt(ledger: Ledger, indexes: readonly number[], offenderOf: ReadonlyMap<string, readonly string[]>): MessageRow[] {
  const rows: MessageRow[] = [];
  let i = 0;
  for (const life of ledger.messages()) {
    if (rows.length === indexes.length) break;
    if (indexes[rows.length] !== i++) continue;
    const facts = messageFacts(life);
    rows.push({
      messageId: life.messageId, outcome: outcomeOf(life, ledger.inFlightAt(life.messageId)),
      offenderOf: offenderOf.get(life.messageId) ?? [], acceptedAtMs: life.firstAcceptedAtMs,
      firstActivityAtMs: facts.firstActivityAtMs, latencyMs: facts.latencyMs, path: trimPath(life.path),
    });
  }
  return rows;
}
