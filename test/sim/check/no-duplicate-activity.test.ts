import { describe, expect, it } from 'vitest';
import { checkNoDuplicateActivity } from '../../../sim/check/no-duplicate-activity.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';

describe('no-duplicate-activity', () => {
  it('passes with one activity per Message-ID and direction, even with both directions present', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<m@x>');
    ledger.activityCreated('<m@x>', 'a1', 'incoming', 'router');
    ledger.activityCreated('<m@x>', 'a2', 'outgoing', 'outbound');
    ledger.evaluated('<m@x>', 'sss', 0);
    expect(checkNoDuplicateActivity(ledger).verdict).toBe('pass');
  });

  it('flags the known-bad case: two active routers each creating an activity (R13)', () => {
    const { ledger, at } = manualLedger();
    deliver(ledger, '<m@x>');
    deliver(ledger, '<n@x>');
    at(66_106);
    ledger.activityCreated('<m@x>', 'a1', 'incoming', 'router-1');
    at(66_107);
    ledger.activityCreated('<m@x>', 'a2', 'incoming', 'router-2');
    ledger.activityCreated('<n@x>', 'a3', 'incoming', 'router-1');
    const result = checkNoDuplicateActivity(ledger);
    expect(result.verdict).toBe('fail');
    expect(result.offenders.map((o) => o.messageId)).toEqual(['<m@x>']);
    // Who created each, and when, in the path's own time format.
    expect(result.offenders[0]!.detail).toBe('activities a1 (incoming, router-1 at 1m 6s 106ms); a2 (incoming, router-2 at 1m 6s 107ms)');
    expect(result.summary).toBe('1 duplicate activity over 1 message');
  });

  it('says how many activities deleted in CRM were tracked again, so tracked above sent reads right (R8, KB2491350)', () => {
    const { ledger, at } = manualLedger();
    deliver(ledger, '<m@x>');
    deliver(ledger, '<n@x>');
    ledger.activityCreated('<m@x>', 'a1', 'incoming', 'router');
    ledger.activityCreated('<n@x>', 'a2', 'incoming', 'router');
    at(60_000);
    ledger.activityDeleted('<m@x>', 'a1');
    ledger.activityDeleted('<n@x>', 'a2');
    at(120_000);
    // Only <m@x> is read again after a state reset; <n@x> stays deleted.
    ledger.activityCreated('<m@x>', 'a3', 'incoming', 'router');
    const result = checkNoDuplicateActivity(ledger);
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('one activity per Message-ID and direction (1 activity deleted in CRM and tracked again, R8: in tracked, not duplicates)');
    // As a figure too, for --json and expect.recreated (the incident review: only prose said it).
    expect(result.measurements).toEqual({ recreated: 1 });
    // And beside duplicates, when there are some.
    ledger.activityCreated('<m@x>', 'a4', 'incoming', 'router-2');
    expect(checkNoDuplicateActivity(ledger).summary).toBe('1 duplicate activity over 1 message (1 activity deleted in CRM and tracked again, R8: in tracked, not duplicates)');
    expect(checkNoDuplicateActivity(ledger).measurements).toEqual({ recreated: 1 });
  });
});
