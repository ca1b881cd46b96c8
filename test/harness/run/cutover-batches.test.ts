// `mailflow run` of a scenario with a cutover reports its batches as `mailflow plan` reports a plan's: per Test &
// Enable batch, when, how many mailboxes, failed and disabled at the end, tracked by each path, untracked (S4, S6).
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { toRunJson } from '../../../harness/cli/run-json.js';
import { formatSummary } from '../../../harness/cli/print-summary.js';

describe('a scenario cutover\'s batches', () => {
  it('are counted per batch, adding up to the run\'s own counts, with the failing mailbox in its batch', () => {
    const outcome = runScenario(loadScenarioFile('scenarios/cutover-router-to-sss.yaml'));
    const json = toRunJson(outcome, 'cutover-router-to-sss.yaml', 1);
    const batches = json.cutoverBatches ?? [];
    expect(batches.map((b) => [b.batch, b.enabledAtMs / 3_600_000, b.mailboxes])).toEqual([[1, 4, 8], [2, 6, 8], [3, 8, 8]]);
    // Hugo is in `failing`: his batch shows the failure, and his mailbox still disabled at the end.
    expect(batches.map((b) => [b.failedTestAndEnable, b.disabledAtEnd])).toEqual([[0, 0], [0, 0], [1, 1]]);
    expect(batches.reduce((n, b) => n + b.untracked, 0)).toBe(outcome.counts.untracked);
    expect(batches.reduce((n, b) => n + (b.untrackedByReason['mailbox-disabled'] ?? 0), 0)).toBe(outcome.counts.untrackedByReason['mailbox-disabled']);
    const summary = formatSummary(json).split('\n');
    const at = summary.indexOf('  cutover batches (docs/plan.md, "What it reports"):');
    expect(at).toBeGreaterThan(0);
    // Times after the start, as the run's paths and its disabled mailboxes say them.
    expect(summary[at + 1]).toMatch(/^ {4}batch {4}tested at \(start\) {2}mailboxes {2}set to fail {2}disabled at end/);
    expect(summary[at + 4]).toMatch(/^ {8}3 {19}8h {10}8 {12}1 {16}1 /);
  });

  it('are null, and not in the summary, without a cutover', () => {
    const json = toRunJson(runScenario(loadScenarioFile('scenarios/baseline-sss.yaml')), 'baseline-sss.yaml', 1);
    expect(json.cutoverBatches).toBeNull();
    expect(formatSummary(json)).not.toContain('cutover batches');
  });
});
