// The readable summary of `mailflow plan`: the grade, the figures, the batch timeline, the recommendations; and with
// `--compare`, the plans side by side.
import { formatDurationMs } from '../scenario/duration.js';
import type { PlanResult } from './run-plan.js';
import type { BatchFigures } from './plan-metrics.js';
import type { SweepResult, Spread } from './plan-sweep.js';
import { meetsGrade, type Grade } from './grade.js';

const n = (value: number) => value.toLocaleString('en-US');
const ms = (value: number | null) => (value === null ? '-' : formatDurationMs(Math.round(value / 1000) * 1000));

export function formatPlan(result: PlanResult, file: string, expected: Grade | undefined): string {
  const c = result.counts;
  const reasons = Object.entries(c.untrackedByReason).map(([r, k]) => `${r} ${n(k)}`).join(', ');
  const lines = [
    `plan ${result.plan} (${file}), seed ${result.seed}: ${result.grade}${expected === undefined ? '' : ` (expected at least ${expected})`}`,
    `  ${n(result.mailboxes)} mailboxes in ${result.batches} batch${result.batches === 1 ? '' : 'es'} over ${formatDurationMs(result.durationMs)} (switch to last mailbox enabled${retriedLast(result) ? ', a Test & Enable retry last' : ''}), ${n(result.messages)} messages`,
    `  tracked ${n(c.tracked)} (router ${n(c.trackedByRouter)}, server-side sync ${n(c.trackedBySss)}), untracked ${n(c.untracked)}${reasons === '' ? '' : ` (${reasons})`}, duplicates ${n(c.duplicates)}, duplicates prevented ${n(c.duplicatesPrevented)}, lost ${n(c.lost)}`,
    ...batchTableLines(result.batchTimeline, '  ', AFTER_SWITCH),
  ];
  lines.push('  recommendations:', ...result.recommendations.map((r) => `   - ${r}`));
  return lines.join('\n');
}

/** When a batch's Test & Enable ran: after the switch (a plan's own terms), or after the start (a run's, as its paths). */
export interface BatchTimes {
  readonly header: string;
  readonly from: 'switch' | 'start';
}

export const AFTER_SWITCH: BatchTimes = { header: 'tested after switch', from: 'switch' };
export const AFTER_START: BatchTimes = { header: '  tested at (start)', from: 'start' };

/**
 * The batch timeline as a table, a line a batch under a header (`mailflow plan`, and `mailflow run` of a cutover).
 * `set to fail`: the mailboxes drawn to fail (a plan's failureRate) or listed in `failing`; a Test & Enable that a
 * fault failed shows under `disabled at end` instead.
 */
export function batchTableLines(batches: readonly BatchFigures[], indent: string, times: BatchTimes): string[] {
  const origin = times.from === 'switch' ? batches[0]?.enabledAtMs ?? 0 : 0;
  return [
    `${indent}batch  ${times.header}  mailboxes  set to fail  disabled at end  by router  by sync  backlog  untracked  dup. prevented  duplicates  latency p50  p95`,
    ...batches.map((b) => `${indent}${String(b.batch).padStart(5)}  ${formatDurationMs(b.enabledAtMs - origin).padStart(19)}  ${n(b.mailboxes).padStart(9)}  ${n(b.failedTestAndEnable).padStart(11)}  ${n(b.disabledAtEnd).padStart(15)}  ${n(b.trackedByRouter).padStart(9)}  ${n(b.trackedBySss).padStart(7)}  ${n(b.backlog).padStart(7)}  ${n(b.untracked).padStart(9)}  ${n(b.duplicatesPrevented).padStart(14)}  ${n(b.duplicates).padStart(10)}  ${ms(b.latencyP50Ms).padStart(11)}  ${ms(b.latencyP95Ms)}`),
  ];
}

/** The last mailbox was enabled by a retry of Test & Enable, after the last batch: the duration says so. */
function retriedLast(result: PlanResult): boolean {
  const lastBatch = result.batchTimeline.at(-1);
  const first = result.batchTimeline[0];
  return lastBatch !== undefined && first !== undefined && result.durationMs > lastBatch.enabledAtMs - first.enabledAtMs;
}

export function formatSweep(result: SweepResult, file: string, expected: Grade | undefined): string {
  const s = (spread: Spread, format: (v: number) => string = n) => `${format(spread.median)} (p95 ${format(spread.p95)})`;
  const c = result.counts;
  const grades = Object.entries(result.grades).map(([g, k]) => `${g} ${k}`).join(', ');
  return [
    `plan ${result.plan} (${file}), ${result.seeds.length} seeds: ${result.grade}${expected === undefined ? '' : ` (expected at least ${expected})`}; runs graded ${grades}`,
    `  ${n(result.mailboxes)} mailboxes in ${result.batches} batches; median (p95) over the seeds:`,
    `  messages ${s(result.messages)}, duration ${s(result.durationMs, formatDurationMs)}`,
    `  tracked ${s(c.tracked)}, by router ${s(c.trackedByRouter)}, by server-side sync ${s(c.trackedBySss)}`,
    `  untracked ${s(c.untracked)}${Object.entries(c.untrackedByReason).map(([r, sp]) => `; ${r} ${s(sp)}`).join('')}`,
    `  duplicates ${s(c.duplicates)}, duplicates prevented ${s(c.duplicatesPrevented)}, lost ${s(c.lost)}`,
    `  recommendations (the median run by untracked mail: seed ${result.medianRun.seed}, ${n(result.medianRun.untracked)} untracked, duration ${formatDurationMs(result.medianRun.durationMs)}):`,
    ...result.recommendations.map((r) => `   - ${r}`),
  ].join('\n');
}

/** Plans side by side: one column per plan; a plan that grades below its file's `expect.grade` says so (exit 1). */
export function formatComparison(results: ReadonlyArray<{ result: PlanResult; file: string; expected: Grade | undefined }>): string {
  const expectedOf = new Map(results.map(({ result, expected }) => [result, expected]));
  const rows: Array<[string, (r: PlanResult) => string]> = [
    ['grade', (r) => r.grade],
    ...(results.some((r) => r.expected !== undefined) ? [['expected', (r: PlanResult) => {
      const expected = expectedOf.get(r);
      return expected === undefined ? '-' : `>= ${expected}, ${meetsGrade(r.grade, expected) ? 'met' : 'MISSED'}`;
    }] as [string, (r: PlanResult) => string]] : []),
    ['mailboxes', (r) => n(r.mailboxes)],
    ['batches', (r) => String(r.batches)],
    ['duration', (r) => formatDurationMs(r.durationMs)],
    ['messages', (r) => n(r.messages)],
    ['tracked', (r) => n(r.counts.tracked)],
    ['  by router', (r) => n(r.counts.trackedByRouter)],
    ['  by server-side sync', (r) => n(r.counts.trackedBySss)],
    ['untracked', (r) => n(r.counts.untracked)],
    // Plans with a later last enabling run longer and see more mail: the share compares them, as the grades do.
    ['  share of eligible', (r) => `${(100 * r.counts.untracked / Math.max(1, r.counts.tracked + r.counts.untracked)).toFixed(2)} %`],
    ...[...new Set(results.flatMap(({ result }) => Object.keys(result.counts.untrackedByReason)))].sort()
      .map((reason): [string, (r: PlanResult) => string] => [`  ${reason}`, (r) => n(r.counts.untrackedByReason[reason] ?? 0)]),
    ['duplicates', (r) => n(r.counts.duplicates)],
    ['duplicates prevented', (r) => n(r.counts.duplicatesPrevented)],
    ['lost', (r) => n(r.counts.lost)],
  ];
  const width = Math.max(12, ...results.map(({ result }) => result.plan.length), ...rows.flatMap(([, value]) => results.map(({ result }) => value(result).length)));
  const lines = [`${''.padEnd(22)}${results.map(({ result }) => result.plan.padStart(width + 2)).join('')}`];
  for (const [label, value] of rows) lines.push(`${label.padEnd(22)}${results.map(({ result }) => value(result).padStart(width + 2)).join('')}`);
  for (const { result, file } of results) lines.push('', `${result.plan} (${file}):`, ...result.recommendations.map((r) => `   - ${r}`));
  return lines.join('\n');
}
