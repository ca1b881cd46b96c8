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
