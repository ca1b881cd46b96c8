// The `mailflow run --json` contract (design.md, "Contracts other tools rely on"). Keep field names stable.
import type { Counts } from '../../sim/ledger/counts.js';
import type { Offender, Verdict } from '../../sim/check/check-result.js';
import type { ExpectationResult } from '../../sim/check/verdict.js';
import type { RunOutcome } from '../run/run-scenario.js';
import type { ActCounts } from '../../fakes/sss/act-sync.js';
import type { RouterErrorGroup } from '../../fakes/router/router-errors.js';
import { groupDisabledMailboxes, groupReenabledMailboxes, type DisabledMailboxGroup, type ReenabledMailboxGroup } from '../run/disabled-mailboxes.js';
import { planFigures, type BatchFigures } from '../plan/plan-metrics.js';
import { MESSAGE_TABLE_LIMIT } from '../report/message-sample.js';
import { wireAccounting, type WireAccounting } from '../run/wire-accounting.js';

/** Offenders listed per check in JSON; `offenderCount` gives the full number. */
export const JSON_OFFENDER_LIMIT = 20;

/** Where a reader finds the offenders a summary leaves out: the report's message table keeps them, up to its size. */
export const MORE_OFFENDERS_WHERE = `--json lists ${JSON_OFFENDER_LIMIT} of them, --report up to ${MESSAGE_TABLE_LIMIT.toLocaleString('en-US')}`;

export interface RunJson {
  scenario: string;
  file: string;
  mode: 'virtual' | 'wire';
  seed: number;
  verdict: Verdict;
  counts: Counts;
  /** Server-side sync's appointments, contacts and tasks (S15); null when the scenario does not sync them. */
  act: ActCounts | null;
  /** Mailboxes server-side sync had disabled at the end, by cause (S3, S4); null without server-side sync. */
  disabledMailboxes: DisabledMailboxGroup[] | null;
  /**
   * Mailboxes server-side sync disabled until a later Test & Enable enabled them (S3, S4), by cause, with when and the
   * longest time one was disabled: their mail waited. Null without server-side sync.
   */
  reenabledMailboxes: ReenabledMailboxGroup[] | null;
  /** A scenario cutover's batches, as `mailflow plan` reports a plan's (docs/plan.md); null without a cutover. */
  cutoverBatches: BatchFigures[] | null;
  /**
   * What the E-mail Router's services wrote to their event logs, grouped by instance, mailbox (null: the service as a
   * whole) and text, with how often and from when to when; null without a router.
   */
  routerErrors: RouterErrorGroup[] | null;
  checks: Array<{
    name: string; verdict: Verdict; expected: Verdict; summary: string; offenderCount: number; offenders: Offender[];
    /** Only for checks that measure something (latency: samples, p50Ms, p95Ms, maxMs). */
    measurements?: Readonly<Record<string, number>>;
  }>;
  expectations: ExpectationResult[];
  traceHash: string | null;
  events: number;
  simulatedMs: number;
  wallMs: number;
  /** Only with mode "wire": what a lost 250 did to the SMTP clients' mail (harness/run/wire-accounting.ts). */
  wire?: WireAccounting;
}

/** Counted once per run: the JSON, the summary and the report each ask (a pass over every message). */
const batchesCounted = new WeakMap<RunOutcome, BatchFigures[] | null>();

/** A scenario cutover's batches counted as a plan's are (per batch: tracked, untracked by reason, disabled at the end). */
function cutoverBatchesOf(outcome: RunOutcome): BatchFigures[] | null {
  if (outcome.cutover === null) return null;
  let batches = batchesCounted.get(outcome);
  if (batches === undefined) {
    const disabled = new Set((outcome.disabledMailboxes ?? []).map((m) => m.address));
    batches = planFigures(outcome.ledger, outcome.counts, outcome.cutover, disabled).batches;
    batchesCounted.set(outcome, batches);
  }
  return batches;
}

export function toRunJson(outcome: RunOutcome, file: string, wallMs: number, mode: RunJson['mode'] = 'virtual'): RunJson {
  return {
    scenario: outcome.scenario,
    file,
    mode,
    seed: outcome.seed,
    verdict: outcome.verdict,
    counts: outcome.counts,
    act: outcome.act,
    disabledMailboxes: outcome.disabledMailboxes === null ? null : groupDisabledMailboxes(outcome.disabledMailboxes),
    reenabledMailboxes: outcome.reenabledMailboxes === null ? null : groupReenabledMailboxes(outcome.reenabledMailboxes),
    cutoverBatches: cutoverBatchesOf(outcome),
    routerErrors: outcome.routerErrors,
    checks: outcome.checks.map((c) => ({
      name: c.name, verdict: c.verdict, expected: c.expected, summary: c.summary,
      offenderCount: c.offenders.length, offenders: c.offenders.slice(0, JSON_OFFENDER_LIMIT),
      ...(c.measurements === undefined ? {} : { measurements: c.measurements }),
    })),
    expectations: outcome.expectations,
    traceHash: outcome.traceHash,
    events: outcome.events,
    simulatedMs: outcome.simulatedMs,
    wallMs,
    ...(mode === 'wire' ? { wire: wireAccounting(outcome.ledger) } : {}),
  };
}
