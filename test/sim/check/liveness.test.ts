import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkLiveness } from '../../../sim/check/liveness.js';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { deliver, manualLedger } from '../../helpers/ledger-fixtures.js';
import { toyScenario } from '../../helpers/scenarios.js';

const forwardMailbox = fileURLToPath(new URL('../../../scenarios/router-forward-mailbox.yaml', import.meta.url));

describe('liveness', () => {
  it('passes when nothing is in flight at the end of the drain', () => {
    const { ledger } = manualLedger();
    deliver(ledger, '<m@x>');
    expect(checkLiveness(ledger)).toMatchObject({ verdict: 'pass', offenders: [] });
  });

  it('flags the known-bad case: mail left in a queue and a mailbox, naming where, with its path', () => {
    const { ledger } = manualLedger();
    ledger.submitted('<queued@x>', 's', ['alice']);
    deliver(ledger, '<unread@x>');
    ledger.setInFlight(new Map([['<queued@x>', 'fabrikam queue'], ['<unread@x>', 'alice, not yet synchronized'], ['<ghost@x>', 'fabrikam queue']]));
    const result = checkLiveness(ledger);
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe('3 messages still in flight when the drain ended (2 in fabrikam queue, 1 in alice, not yet synchronized)');
    expect(result.offenders.map((o) => [o.messageId, o.detail])).toEqual([
      ['<queued@x>', 'still in flight: fabrikam queue'],
      ['<unread@x>', 'still in flight: alice, not yet synchronized'],
      ['<ghost@x>', 'still in flight: fabrikam queue'],
    ]);
    expect(result.offenders[1]!.path.map((s) => s.step)).toEqual(['submitted', 'accepted', 'delivered']);
    expect(result.offenders[2]!.path).toEqual([]);
  });

  it('fails on a real run whose consumer crashed and never came back', () => {
    const run = runScenario(toyScenario({ messages: 5, horizonMs: 3_600_000, faults: [{ at: 0, verb: 'crash', target: 'consumer' }] }));
    const check = run.checks.find((c) => c.name === 'liveness')!;
    expect(check.verdict).toBe('fail');
    expect(check.offenders.length).toBe(run.counts.pending);
    expect(check.offenders.every((o) => o.detail === 'still in flight: mailbox, not yet processed')).toBe(true);
    expect(run.verdict).toBe('fail');
  });

  it('fails on the shipped forward-mailbox scenario, which expects it: the poison message never comes to rest (R10)', () => {
    const run = runScenario(loadScenarioFile(forwardMailbox));
    const check = run.checks.find((c) => c.name === 'liveness')!;
    expect(check).toMatchObject({ verdict: 'fail', expected: 'fail' });
    expect(check.offenders.map((o) => o.detail)).toEqual(['still in flight: crm@contoso.example, not yet processed by the router']);
  });
});
