// The readable summary of a run: verdict, counts, each check with its first offenders and the path each took.
import { NUMERIC_COUNT_NAMES } from '../../sim/ledger/counts.js';
import { formatDurationMs } from '../scenario/duration.js';
import { MORE_OFFENDERS_WHERE, type RunJson } from './run-json.js';
import { formatOffender } from '../run/format-offender.js';
import { formatDisabledMailboxes, formatReenabledMailboxes } from './disabled-summary.js';
import { formatRouterErrors } from './router-errors-summary.js';
import { AFTER_START, batchTableLines } from '../plan/format-plan.js';
import { oneLineText } from '../scenario/terminal-text.js';
import { wireAccountingLines } from '../run/wire-accounting.js';

const OFFENDERS_SHOWN = 3;
const MARK = { pass: 'ok  ', fail: 'FAIL', unknown: '??  ', skipped: 'skip' } as const;

export function formatSummary(run: RunJson): string {
  const out: string[] = [];
  out.push(`${run.scenario} (${run.file}), seed ${run.seed}, ${run.mode}: ${run.verdict.toUpperCase()}`);
  out.push(`  simulated ${formatDurationMs(run.simulatedMs)} in ${run.events.toLocaleString('en-US')} events, ${grouped(run.wallMs)} ms wall to run and check`);
  out.push('  counts: ' + NUMERIC_COUNT_NAMES.map((name) => `${name} ${grouped(run.counts[name])}`).join(', '));
  const reasons = Object.entries(run.counts.untrackedByReason);
  if (reasons.length > 0) out.push('  untracked by reason: ' + reasons.map(([r, n]) => `${r} ${grouped(n)}`).join(', '));
  out.push(...formatRouterErrors(run), ...formatDisabledMailboxes(run), ...formatReenabledMailboxes(run));
  if (run.cutoverBatches !== null && run.cutoverBatches.length > 0) out.push('  cutover batches (docs/plan.md, "What it reports"):', ...batchTableLines(run.cutoverBatches, '    ', AFTER_START));
  if (run.wire !== undefined) out.push(...wireAccountingLines(run.wire));
  if (run.act !== null) out.push('  appointments, contacts, tasks: ' + Object.entries(run.act).map(([name, n]) => `${name} ${n}`).join(', '));
  out.push('  checks:');
  for (const check of run.checks) {
    const met = check.verdict === check.expected;
    const mark = met ? MARK.pass : MARK[check.verdict];
    const expectation = check.expected === 'pass' ? '' : ` (expected ${check.expected})`;
    out.push(`    ${mark} ${check.name}: ${check.verdict}${expectation}, ${check.summary}`);
    for (const offender of check.offenders.slice(0, OFFENDERS_SHOWN)) out.push(...formatOffender(offender, '           '));
    if (check.offenderCount > OFFENDERS_SHOWN) out.push(`           ... and ${grouped(check.offenderCount - OFFENDERS_SHOWN)} more (${MORE_OFFENDERS_WHERE})`);
  }
  if (run.expectations.length > 0) {
    out.push('  expectations:');
    for (const e of run.expectations) {
      out.push(`    ${MARK[e.verdict]} ${e.name} ${e.expected} (actual ${grouped(e.actual)})${e.note === undefined ? '' : `, ${e.note}`}`);
    }
  }
  if (run.traceHash !== null) out.push(`  trace hash ${run.traceHash}`);
  // Each entry is one line: a line break in a name, address or Message-ID (a scenario's, or an SMTP client's on the
  // wire) is shown as \n, so it cannot add a line of its own, such as a first line ending in PASS.
  return out.map(oneLineText).join('\n');
}

/** Thousands grouped, as the events beside them are: `128,515`, not `128515`. */
function grouped(n: number): string {
  return n.toLocaleString('en-US');
}
