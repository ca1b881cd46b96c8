// SMTP stage faults on outside connections: a 4xx at any stage makes senders retry, a 5xx makes them return an NDR,
// and a 250 lost after DATA makes them send again, so the recipient gets the message twice.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario, exchangeScenarioText } from '../../helpers/exchange-scenario.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';

const MIN = 60_000;
const ONE = `
  messages: [{ at: 10m, from: dana@partner.example, to: [alice@contoso.example], messageId: "<m1@partner.example>" }]`;
const faultAt = (spec: string) => `[{ at: 5m, verb: smtpFault, target: ex1, ${spec} }, { at: 30m, verb: clearSmtpFault, target: ex1 }]`;

describe('SMTP stage faults', () => {
  for (const stage of ['connect', 'ehlo', 'mail', 'rcpt', 'data', 'end-of-data']) {
    it(`defers at ${stage} with a 4xx: the sender retries and delivers after the fault clears`, () => {
      const run = runScenario(exchangeScenario({ traffic: ONE, faults: faultAt(`stage: ${stage}, code: 451`) }));
      const life = run.ledger.get('<m1@partner.example>')!;
      expect(life.path[1]).toMatchObject({ step: 'smtp-attempt', detail: `${stage}: 451 4.7.0 Temporary server error. Please try again later` });
      expect(life.firstAcceptedAtMs).toBeGreaterThanOrEqual(30 * MIN);
      expect(run.counts).toMatchObject({ delivered: 1, bounced: 0 });
    });
  }

  it('rejects with a 5xx: the sender returns an NDR at once', () => {
    const run = runScenario(exchangeScenario({ traffic: ONE, faults: faultAt('stage: mail, code: 554') }));
    expect(run.ledger.get('<m1@partner.example>')!.path.map((s) => s.step)).toEqual(['submitted', 'smtp-attempt', 'bounced']);
    expect(run.counts).toMatchObject({ accepted: 0, bounced: 1, lost: 0 });
  });

  it('loses the 250 after DATA: the sender retries and the recipient receives the message twice', () => {
    const run = runScenario(exchangeScenario({ traffic: ONE, faults: '[{ at: 5m, verb: smtpFault, target: ex1, dropReply: true }, { at: 630s, verb: clearSmtpFault, target: ex1 }]' }));
    const life = run.ledger.get('<m1@partner.example>')!;
    expect(life.path.filter((s) => s.step === 'smtp-attempt').map((s) => s.detail)).toContain('end-of-data: no reply after DATA (connection lost)');
    expect(life.placements.map((p) => p.mailbox)).toEqual(['alice@contoso.example', 'alice@contoso.example']);
    expect(run.counts).toMatchObject({ delivered: 1, lost: 0, bounced: 0 });
  });

  it('refuses a lost reply at any stage other than end of data', () => {
    const text = exchangeScenarioText({ faults: '[{ at: 1m, verb: smtpFault, target: ex1, stage: rcpt, dropReply: true }]' });
    expect(() => parseScenarioText(text, 'f.yaml')).toThrow(/faults\[0\]\.dropReply: a reply can only be lost after DATA/);
  });
});
