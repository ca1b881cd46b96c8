// A large run's report, where the checks name more messages than the table holds: the table and the checks' lists
// are a sample across reasons and the run, and the page says so truly (the 4,000-mailbox review, finding 5: the
// table held the first 2,000 offenders the ledger saw, the first 1h40m, and claimed to list them all).
import { describe, expect, it } from 'vitest';
import { countAndCheck } from '../../../sim/check/all-checks.js';
import { judge } from '../../../sim/check/verdict.js';
import { reportData } from '../../../harness/report/report-data.js';
import { checksHtml, countsHtml } from '../../../harness/report/summary-html.js';
import { sampleMessages } from '../../../harness/report/message-sample.js';
import type { RunOutcome } from '../../../harness/run/run-scenario.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';

const MIN = 60_000;

/** 300 messages filed out of the Inbox first, then 3,000 in mailboxes disabled later, and 500 tracked. */
function skewedOutcome(): RunOutcome {
  const { ledger, at } = manualLedger();
  for (let i = 0; i < 300; i++) {
    at(i * 1_000);
    deliver(ledger, `<filed-${i}@x>`);
    ledger.untracked(`<filed-${i}@x>`, 'not-in-root-inbox');
  }
  for (let i = 0; i < 3_500; i++) {
    at(10 * MIN + i * MIN);
    deliver(ledger, `<m-${i}@x>`, `user${i}`);
    if (i % 7 === 0) ledger.activityCreated(`<m-${i}@x>`, `a${i}`, 'incoming', 'sss');
    else ledger.untracked(`<m-${i}@x>`, 'mailbox-disabled');
  }
  const { counts, checks } = countAndCheck(ledger);
  const judged = judge(checks, counts, {}, null);
  return {
    scenario: 'skewed', seed: 1, verdict: judged.verdict, counts, checks: judged.checks, expectations: judged.expectations,
    traceHash: null, events: 0, simulatedMs: 3_600 * MIN, act: null, disabledMailboxes: null, reenabledMailboxes: null, routerErrors: null, cutover: null, ledger,
  };
}

let cached: ReturnType<typeof reportData> | null = null;
const data = () => (cached ??= reportData({ outcome: skewedOutcome(), file: 'skewed.yaml', scenario: { start: '2026-01-05T00:00:00Z', horizon: 3_600 * MIN }, applied: [] }));

describe('a report whose checks name more messages than its table holds', () => {
  const untracked = () => data().run.checks.find((c) => c.name === 'no-untracked-mail')!;

  it('lists a sample across the reasons and the whole run, not the first 2,000', () => {
    expect(untracked().offenderCount).toBe(3_300);
    expect(data().messages.rows).toHaveLength(2_000);
    const disabled = data().messages.rows.filter((r) => r.outcome === 'untracked: mailbox-disabled');
    const filed = data().messages.rows.filter((r) => r.outcome === 'untracked: not-in-root-inbox');
    // In proportion (3,000 of 3,300), the small reason still there.
    expect(disabled.length).toBeGreaterThan(1_750);
    expect(filed.length).toBeGreaterThan(0);
    // From the start of the disabled mail to its end (it runs from 10m to about 58h).
    const times = disabled.map((r) => r.acceptedAtMs as number);
    expect(Math.min(...times)).toBeLessThan(20 * MIN);
    expect(Math.max(...times)).toBeGreaterThan(3_400 * MIN);
    expect(data().messages.rule).toMatch(/its checks name 3,300: the table lists 2,000 of those, chosen across the checks, their reasons and the run/);
  });

  it('says how many of a check\'s messages the table lists, never "them all" when it does not', () => {
    expect(untracked().offendersListed).toBe(2_000);
    const text = checksHtml(data()).value;
    expect(text).toContain('… and 3,280 more: the message table lists 2,000 of the 3,300 messages (a page holds 2,000 rows: a sample across the checks, their reasons and the run), each marked');
    expect(text).not.toContain('lists them all');
  });
});

describe('the report\'s numbers', () => {
  it('group thousands in the count cards, the reasons and the expectations (128515 read as a code, not a count)', () => {
    const counts = countsHtml(data()).value;
    expect(counts).toContain('<span class="value" data-count="sent">3,800</span>');
    expect(counts).toContain('<span data-reason="mailbox-disabled">mailbox-disabled 3,000</span>');
  });
});

describe('sampleMessages', () => {
  it('keeps every message the checks name when they fit, and fills the rest in first-seen order', () => {
    const sample = sampleMessages(10_000, [[5, 4_000], [9_999, 5]], 100);
    expect(sample.indexes.length).toBeLessThanOrEqual(100);
    for (const i of [5, 4_000, 9_999]) expect(sample.indexes).toContain(i);
    expect(sample.rule).toMatch(/10,000 messages, more than the 100 a page holds: the table lists \d+: all 3 messages a check names, and every/);
    expect(sampleMessages(10_000, [[5, 4_000], [9_999, 5]], 100)).toEqual(sample);
    expect(sampleMessages(50, [[5]], 100).rule).toBeNull();
  });

  it('gives each check room in proportion, each from the start of its list', () => {
    const big = Array.from({ length: 900 }, (_, i) => 1_000 + i);
    const small = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    const { indexes } = sampleMessages(5_000, [big, small], 100);
    expect(indexes).toHaveLength(100);
    expect(indexes.filter((i) => i < 100)).toEqual(small.slice(0, indexes.filter((i) => i < 100).length));
    expect(indexes.filter((i) => i < 100).length).toBeGreaterThanOrEqual(1);
    expect(indexes.filter((i) => i >= 1_000).length).toBeGreaterThanOrEqual(85);
  });
});
