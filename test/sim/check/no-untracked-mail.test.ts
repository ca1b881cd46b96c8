import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkNoUntrackedMail } from '../../../sim/check/no-untracked-mail.js';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';

const lateProcessEmailFrom = fileURLToPath(new URL('../../../scenarios/cutover-late-process-email-from.yaml', import.meta.url));

describe('no-untracked-mail', () => {
  it('passes when every eligible message was tracked, and ignores mail no filter would take', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<tracked@x>');
    ledger.activityCreated('<tracked@x>', 'a1', 'incoming', 'sss');
    ledger.submitted('<spam@x>', 's', ['alice']);
    ledger.accepted('<spam@x>', ['alice']);
    ledger.delivered('<spam@x>', 'alice', 'user', 'Inbox', false);
    expect(checkNoUntrackedMail(ledger)).toMatchObject({ verdict: 'pass', offenders: [] });
  });

  it('flags the known-bad case: eligible mail a late Process Email From never pulled (S2a), with its reason', () => {
    const { ledger, at } = manualLedger();
    deliver(ledger, '<tracked@x>');
    ledger.activityCreated('<tracked@x>', 'a1', 'incoming', 'router');
    at(60_000);
    deliver(ledger, '<skipped@x>', 'bob');
    ledger.untracked('<skipped@x>', 'before-process-email-from');
    const result = checkNoUntrackedMail(ledger);
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe('1 eligible message never tracked (before-process-email-from 1)');
    expect(result.offenders.map((o) => o.messageId)).toEqual(['<skipped@x>']);
    expect(result.offenders[0]!.detail).toBe('before-process-email-from: eligible in bob/Inbox, never tracked');
    expect(result.offenders[0]!.path.at(-1)).toMatchObject({ atMs: 60_000, step: 'untracked' });
  });

  it('names the ThresholdDate that had passed mail the router never read (R8), as the load-time warning says it', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<old@x>', 'bob');
    ledger.untrackedBeforeThreshold('<old@x>', 'bob', 3_600_000);
    deliver(ledger, '<older@x>', 'ann');
    ledger.untrackedBeforeThreshold('<older@x>', 'ann', -1_800_000);
    deliver(ledger, '<other@x>', 'bob');
    ledger.untracked('<other@x>', 'not-in-root-inbox');
    const start = Date.parse('2026-01-05T08:00:00Z');
    const byId = new Map(checkNoUntrackedMail(ledger, start).offenders.map((o) => [o.messageId, o]));
    expect(byId.get('<old@x>')).toMatchObject({
      detail: "before-threshold-date: eligible in bob/Inbox, never tracked; bob's ThresholdDate 2026-01-05T09:00:00Z is 1h after the start (R8)",
      thresholdDate: { mailbox: 'bob', atMs: 3_600_000, utc: '2026-01-05T09:00:00Z' },
    });
    expect(byId.get('<older@x>')?.detail).toBe("before-threshold-date: eligible in ann/Inbox, never tracked; ann's ThresholdDate 2026-01-05T07:30:00Z is 30m before the start (R8)");
    // The path's step says it too, in the run's time; another reason has no ThresholdDate.
    expect(byId.get('<old@x>')?.path.at(-1)).toMatchObject({ step: 'untracked', detail: "before-threshold-date (bob's ThresholdDate 1h after the start)" });
    expect(byId.get('<other@x>')).not.toHaveProperty('thresholdDate');
    // Not told the run's start (a library caller), it says how long after the start only.
    expect(checkNoUntrackedMail(ledger).offenders.find((o) => o.messageId === '<old@x>')).toMatchObject({
      detail: "before-threshold-date: eligible in bob/Inbox, never tracked; bob's ThresholdDate is 1h after the start (R8)",
      thresholdDate: { mailbox: 'bob', atMs: 3_600_000, utc: null },
    });
  });

  it('groups the thousands of each reason\'s count, as the counts beside it are', () => {
    const { ledger } = manualLedger();
    for (let i = 0; i < 1_200; i++) {
      deliver(ledger, `<m${i}@x>`, 'bob');
      ledger.untracked(`<m${i}@x>`, 'mailbox-disabled');
    }
    expect(checkNoUntrackedMail(ledger).summary).toBe('1,200 eligible messages never tracked (mailbox-disabled 1,200)');
  });

  it('says unknown, not pass, while eligible untracked mail is still in flight', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<waiting@x>');
    ledger.setInFlight(new Map([['<waiting@x>', 'alice, not yet synchronized']]));
    expect(checkNoUntrackedMail(ledger).verdict).toBe('unknown');
  });

  it('fails on the shipped late-Process-Email-From cutover, which declares its reasons to pass', () => {
    const scenario = loadScenarioFile(lateProcessEmailFrom);
    const run = runScenario(scenario);
    const check = run.checks.find((c) => c.name === 'no-untracked-mail')!;
    expect(check).toMatchObject({ verdict: 'fail', expected: 'fail' });
    expect(new Set(check.offenders.map((o) => o.detail.split(':')[0]))).toEqual(new Set(['before-process-email-from', 'not-in-root-inbox']));
    expect(run.verdict).toBe('pass');
    // Without the declaration the same run fails; declaring only one reason fails on the other.
    const { untracked: _declared, ...undeclared } = scenario.expect;
    expect(runScenario({ ...scenario, expect: undeclared }).verdict).toBe('fail');
    const partly = runScenario({ ...scenario, expect: { ...undeclared, untracked: { 'before-process-email-from': { operator: '>=', value: 1, exact: false } } } });
    expect(partly.verdict).toBe('fail');
    expect(partly.expectations.find((e) => e.name === 'untracked.not-in-root-inbox')).toMatchObject({ verdict: 'fail', note: 'reason not declared in expect.untracked' });
  });
});
