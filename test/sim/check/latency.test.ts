import { describe, expect, it } from 'vitest';
import { checkLatency } from '../../../sim/check/latency.js';
import { nearestRank } from '../../../sim/check/percentile.js';
import { trackingLatencyMs } from '../../../sim/ledger/latency.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';
import { toyScenario } from '../../helpers/scenarios.js';

const MINUTE = 60_000;

/** Twenty messages accepted at 0 and tracked 1..19 minutes later, and one tracked after `slowMs`. */
function ledgerWithWaits(slowMs: number) {
  const { ledger, at } = manualLedger();
  for (let i = 1; i <= 20; i++) deliver(ledger, `<m${i}@x>`);
  deliver(ledger, '<never@x>');
  for (let i = 1; i <= 19; i++) {
    at(i * MINUTE);
    ledger.activityCreated(`<m${i}@x>`, `a${i}`, 'incoming', 'sss');
  }
  at(slowMs);
  ledger.activityCreated('<m20@x>', 'a20', 'incoming', 'sss');
  return ledger;
}

describe('percentiles by nearest rank', () => {
  it('return a value that occurred', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([nearestRank(values, 50), nearestRank(values, 95), nearestRank(values, 100), nearestRank([7], 50)]).toEqual([5, 10, 10, 7]);
    expect(nearestRank([], 50)).toBeUndefined();
  });
});

describe('latency', () => {
  it('measures from first acceptance to the first incoming activity, nothing else', () => {
    const { ledger, at } = manualLedger();
    deliver(ledger, '<in@x>');
    at(90_000);
    ledger.activityCreated('<in@x>', 'a1', 'incoming', 'router');
    at(200_000);
    ledger.activityCreated('<in@x>', 'a2', 'incoming', 'outlook');
    ledger.submitted('<crm@x>', 'paul', ['carol']);
    ledger.activityCreated('<crm@x>', 'a3', 'outgoing', 'crm');
    expect(trackingLatencyMs(ledger.get('<in@x>')!)).toBe(90_000);
    expect(trackingLatencyMs(ledger.get('<crm@x>')!)).toBeNull();
  });

  it('is unknown without thresholds, still reporting what it measured', () => {
    const result = checkLatency(ledgerWithWaits(20 * MINUTE));
    expect(result.verdict).toBe('unknown');
    expect(result.summary).toBe('p50 10m, p95 19m, max 20m over 20 messages; no thresholds set (expect.latency)');
    expect(result.measurements).toEqual({ samples: 20, p50Ms: 10 * MINUTE, p95Ms: 19 * MINUTE, maxMs: 20 * MINUTE });
  });

  it('is unknown when there is nothing to measure', () => {
    expect(checkLatency(manualLedger().ledger, { p95: MINUTE }).verdict).toBe('unknown');
  });

  it('passes within its thresholds', () => {
    const result = checkLatency(ledgerWithWaits(20 * MINUTE), { p50: 10 * MINUTE, p95: 20 * MINUTE, max: 20 * MINUTE });
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('within p50 <= 10m, p95 <= 20m, max <= 20m');
  });

  it('flags the known-bad case: one message stuck for hours breaks the max, and is named first', () => {
    const result = checkLatency(ledgerWithWaits(5 * 60 * MINUTE), { p95: 30 * MINUTE, max: 2 * 60 * MINUTE });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe('max 5h > 2h (p50 10m, p95 19m, max 5h over 20 messages)');
    expect(result.offenders.map((o) => [o.messageId, o.detail])).toEqual([['<m20@x>', 'tracked 5h after it was accepted']]);
  });

  it('names every message beyond the tightest bound that failed, slowest first', () => {
    const result = checkLatency(ledgerWithWaits(20 * MINUTE), { p50: 5 * MINUTE, max: 15 * MINUTE });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toMatch(/^p50 10m > 5m, max 20m > 15m /);
    expect(result.offenders.map((o) => o.messageId).slice(0, 3)).toEqual(['<m20@x>', '<m19@x>', '<m18@x>']);
    expect(result.offenders).toHaveLength(15);
  });

  it('fails a real run whose thresholds the toy consumer cannot meet, and is expected unknown without them', () => {
    const strict = runScenario(toyScenario({ messages: 30, expect: { latency: { p95: '30s' } } }));
    const check = strict.checks.find((c) => c.name === 'latency')!;
    expect(check).toMatchObject({ verdict: 'fail', expected: 'pass' });
    expect(check.offenders.length).toBeGreaterThan(0);
    expect(strict.verdict).toBe('fail');
    const unasked = runScenario(toyScenario({ messages: 30 }));
    expect(unasked.checks.find((c) => c.name === 'latency')).toMatchObject({ verdict: 'unknown', expected: 'unknown' });
    expect(unasked.verdict).toBe('pass');
  });
});
