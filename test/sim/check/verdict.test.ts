import { describe, expect, it } from 'vitest';
import { judge } from '../../../sim/check/verdict.js';
import { OTHER_SEED } from '../../../sim/check/expectation-result.js';
import { holds, parseCountExpectation, type CountExpectation } from '../../../sim/check/count-expectation.js';
import type { CheckResult } from '../../../sim/check/check-result.js';
import { computeCounts } from '../../../sim/ledger/counts.js';
import { manualLedger } from '../../helpers/ledger-fixtures.js';

const check = (name: string, verdict: CheckResult['verdict']): CheckResult => ({ name, verdict, summary: '', offenders: [] });
const counts = computeCounts(manualLedger().ledger);
const exp = (text: string | number) => parseCountExpectation(text) as CountExpectation;

describe('count expectations', () => {
  it('parses numbers and comparisons, and refuses anything else', () => {
    expect(parseCountExpectation(3)).toEqual({ operator: '==', value: 3, exact: true });
    expect(parseCountExpectation('>= 10')).toEqual({ operator: '>=', value: 10, exact: false });
    expect(parseCountExpectation('== 4')).toEqual({ operator: '==', value: 4, exact: true });
    expect(parseCountExpectation('about 3')).toMatch(/comparison/);
    expect(parseCountExpectation(-1)).toMatch(/whole number/);
  });

  it('compares', () => {
    expect([holds(exp('>= 2'), 2), holds(exp('> 2'), 2), holds(exp('< 3'), 2), holds(exp('<= 1'), 2), holds(exp(2), 2)])
      .toEqual([true, false, true, false, true]);
  });
});

describe('judge', () => {
  it('passes when every check meets its expectation', () => {
    expect(judge([check('a', 'pass'), check('b', 'fail')], counts, { checks: { b: 'fail' } }, null).verdict).toBe('pass');
  });

  it('fails on an unexpected fail, and a fail beats an unknown', () => {
    expect(judge([check('a', 'fail')], counts, {}, null).verdict).toBe('fail');
    expect(judge([check('a', 'fail'), check('b', 'unknown')], counts, {}, null).verdict).toBe('fail');
  });

  it('is unknown when only an unexpected unknown remains; an expected fail that passes fails', () => {
    expect(judge([check('a', 'unknown')], counts, {}, null).verdict).toBe('unknown');
    expect(judge([check('a', 'pass')], counts, { checks: { a: 'fail' } }, null).verdict).toBe('fail');
  });

  it('fails when a count expectation does not hold, and skips exact counts under another seed', () => {
    const expect1 = { counts: { sent: exp(5), lost: exp('<= 0') } };
    const own = judge([], counts, expect1, null);
    expect(own.verdict).toBe('fail');
    expect(own.expectations.map((e) => [e.name, e.verdict])).toEqual([['counts.sent', 'fail'], ['counts.lost', 'pass']]);
    const other = judge([], counts, expect1, OTHER_SEED);
    expect(other.verdict).toBe('pass');
    expect(other.expectations.map((e) => e.verdict)).toEqual(['skipped', 'pass']);
    // A serve session waives them all, comparisons too, with its reason; a check still fails the run.
    const session = judge([check('no-lost-mail', 'fail')], counts, expect1, { which: 'all', why: 'a serve session' });
    expect(session.expectations.map((e) => [e.verdict, e.note])).toEqual([['skipped', 'a serve session'], ['skipped', 'a serve session']]);
    expect(session.verdict).toBe('fail');
    // A failure the scenario expects may not have happened in a session: a pass is met, and says so.
    const knownBad = judge([check('no-duplicate-activity', 'pass')], counts, { checks: { 'no-duplicate-activity': 'fail' } }, { which: 'all', why: 'a serve session' });
    expect(knownBad.verdict).toBe('pass');
    expect(knownBad.checks[0]).toMatchObject({ expected: 'pass', summary: expect.stringContaining('the scenario expects fail; a serve session') });
    // ... but not under another seed, where the scenario's own run is still what is judged.
    expect(judge([check('no-duplicate-activity', 'pass')], counts, { checks: { 'no-duplicate-activity': 'fail' } }, OTHER_SEED).verdict).toBe('fail');
  });
});

describe('declared untracked mail (expect.untracked)', () => {
  const untrackedCounts = { ...counts, untracked: 3, untrackedByReason: { 'before-process-email-from': 2, 'not-in-root-inbox': 1 } };
  const untrackedCheck = check('no-untracked-mail', 'fail');

  it('makes a no-untracked-mail fail expected, and judges each declared reason as an expectation', () => {
    const declared = { untracked: { 'before-process-email-from': exp('>= 1'), 'not-in-root-inbox': exp(1) } };
    const judged = judge([untrackedCheck], untrackedCounts, declared, null);
    expect(judged.verdict).toBe('pass');
    expect(judged.checks[0]!.expected).toBe('fail');
    expect(judged.expectations.map((e) => [e.name, e.verdict, e.expected, e.actual])).toEqual([
      ['untracked.before-process-email-from', 'pass', '>= 1', 2], ['untracked.not-in-root-inbox', 'pass', '== 1', 1],
    ]);
  });

  it('fails on a reason the block does not declare, and on a declared count that does not hold', () => {
    const judged = judge([untrackedCheck], untrackedCounts, { untracked: { 'before-process-email-from': exp('>= 3') } }, null);
    expect(judged.verdict).toBe('fail');
    expect(judged.expectations.map((e) => [e.name, e.verdict, e.note])).toEqual([
      ['untracked.before-process-email-from', 'fail', undefined], ['untracked.not-in-root-inbox', 'fail', 'reason not declared in expect.untracked'],
    ]);
  });

  it('expects pass when nothing was left untracked, and a declared reason that did not occur counts 0', () => {
    const judged = judge([check('no-untracked-mail', 'pass')], counts, { untracked: { 'before-process-email-from': exp('>= 0') } }, OTHER_SEED);
    expect(judged.verdict).toBe('pass');
    expect(judged.expectations[0]).toMatchObject({ actual: 0, verdict: 'pass' });
  });

  it('without a declaration, untracked mail fails the run', () => {
    expect(judge([untrackedCheck], untrackedCounts, {}, null).verdict).toBe('fail');
  });
});

describe('latency expectations', () => {
  it('expect unknown when the scenario sets no thresholds, pass when it does; expect.checks overrides either', () => {
    expect(judge([check('latency', 'unknown')], counts, {}, null)).toMatchObject({ verdict: 'pass', checks: [{ expected: 'unknown' }] });
    expect(judge([check('latency', 'unknown')], counts, { latency: { p95: 60_000 } }, null).verdict).toBe('unknown');
    expect(judge([check('latency', 'fail')], counts, { latency: { p95: 60_000 }, checks: { latency: 'fail' } }, null).verdict).toBe('pass');
  });

  it('holds expect.recreated to no-duplicate-activity\'s measurement of activities made again (R8)', () => {
    const measured = (recreated: number): CheckResult => ({ ...check('no-duplicate-activity', 'pass'), measurements: { recreated } });
    const run = (recreated: number, expectation: string | number) => judge([measured(recreated)], counts, { recreated: exp(expectation) }, null);
    expect(run(6, '>= 1').verdict).toBe('pass');
    expect(run(6, '<= 5').verdict).toBe('fail');
    expect(run(6, '<= 5').expectations).toEqual([{ name: 'recreated', expected: '<= 5', actual: 6, verdict: 'fail' }]);
    // An exact figure belongs to the file's own seed, as exact counts do.
    expect(judge([measured(6)], counts, { recreated: exp(3) }, OTHER_SEED).expectations[0]!.verdict).toBe('skipped');
  });
});
