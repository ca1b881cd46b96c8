// The readable summary's numbers: grouped in thousands as its events are (the 4,000-mailbox review, finding 13:
// `untracked 45149`, `... and 45146 more`), and the wall time said for what it covers (finding 8).
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../harness/cli/print-summary.js';
import type { RunJson } from '../../../harness/cli/run-json.js';
import { toJunitXml } from '../../../harness/cli/junit-xml.js';

const offender = { messageId: '<m@x>', detail: 'mailbox-disabled: eligible in fm1@contoso.example/Inbox, never tracked', path: [] };

const run: RunJson = {
  scenario: 'contoso', file: 'contoso.yaml', mode: 'virtual', seed: 1, verdict: 'fail',
  counts: {
    sent: 128_515, accepted: 128_515, delivered: 127_001, lost: 0, bounced: 0, tracked: 83_366, tossed: 17_001,
    untracked: 45_149, untrackedByReason: { 'mailbox-disabled': 44_167, 'not-in-root-inbox': 982 }, duplicatesPrevented: 17_210,
    duplicates: 0, pending: 0,
  },
  act: null, disabledMailboxes: null, reenabledMailboxes: null, cutoverBatches: null, routerErrors: null,
  checks: [{ name: 'no-untracked-mail', verdict: 'fail', expected: 'pass', summary: '45,149 eligible messages never tracked', offenderCount: 45_149, offenders: [offender] }],
  expectations: [{ name: 'untracked.mailbox-disabled', verdict: 'fail', expected: '== 0', actual: 44_167 }],
  traceHash: null, events: 1_203_344, simulatedMs: 3_600_000, wallMs: 10_812,
};

describe('the run summary', () => {
  it('groups thousands in counts, reasons, what it leaves out, actual values and the wall time', () => {
    const lines = formatSummary(run).split('\n');
    expect(lines[1]).toBe('  simulated 1h in 1,203,344 events, 10,812 ms wall to run and check');
    expect(lines[2]).toBe('  counts: sent 128,515, accepted 128,515, delivered 127,001, lost 0, bounced 0, tracked 83,366, tossed 17,001, untracked 45,149, duplicatesPrevented 17,210, duplicates 0, pending 0');
    expect(lines[3]).toBe('  untracked by reason: mailbox-disabled 44,167, not-in-root-inbox 982');
    expect(lines).toContain('           ... and 45,146 more (--json lists 20 of them, --report up to 2,000)');
    expect(lines).toContain('    FAIL untracked.mailbox-disabled == 0 (actual 44,167)');
  });
});

describe('the JUnit report', () => {
  it('groups thousands in what it leaves out, as the summary does', () => {
    expect(toJunitXml(run)).toContain('... and 45,148 more (mailflow run --json lists 20 of them, --report up to 2,000)');
  });
});
