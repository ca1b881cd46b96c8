// Sending limits of the Exchange Online profile (field report 8): 30 messages/minute, 10,000 recipients/day, 500
// recipients/message, with the replies Exchange gives. Off by default (on-premises).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';

const MIN = 60_000;
const outside = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `p${from + i}@partner.example`).join(', ');

function internalMail(count: number, spacing: string, recipients: (i: number) => string): string {
  const lines = Array.from({ length: count }, (_, i) =>
    `    - { at: ${i} * ${spacing}, from: alice@contoso.example, to: [${recipients(i)}], messageId: "<m${i}@contoso.example>" }`);
  return `\n  messages:\n${lines.join('\n').replace(/at: (\d+) \* (\d+)/g, (_, a: string, b: string) => `at: ${Number(a) * Number(b)}`)}`;
}

describe('sending limits (exchange-online)', () => {
  it('defers the 31st message in a minute with 421 4.4.2; the Outbox sends it later', () => {
    const run = runScenario(exchangeScenario({
      settings: '{ sendingLimits: exchange-online }',
      traffic: internalMail(35, '1', () => 'bob@contoso.example'),
    }));
    const late = run.ledger.get('<m30@contoso.example>')!;
    expect(late.path[1]).toMatchObject({ step: 'smtp-attempt', detail: 'rcpt: 421 4.4.2 Message submission rate for this client has exceeded the configured limit' });
    expect(late.firstAcceptedAtMs).toBe(5 * MIN + 30);
    expect(run.ledger.get('<m29@contoso.example>')!.firstAcceptedAtMs).toBe(29);
    expect(run.counts).toMatchObject({ sent: 35, delivered: 35, bounced: 0, lost: 0 });
  });

  it('refuses a message to more than 500 recipients with 550 5.5.3 and returns an NDR', () => {
    const run = runScenario(exchangeScenario({ settings: '{ sendingLimits: exchange-online }', traffic: internalMail(1, '1', () => outside(501)) }));
    expect(run.ledger.get('<m0@contoso.example>')!.path.map((s) => s.detail)).toContain('rcpt: 550 5.5.3 RESOLVER.ADR.RecipLimit; too many recipients');
    expect(run.counts.bounced).toBe(1);
  });

  it('refuses recipients beyond 10,000 in a day with 554 5.2.0', () => {
    const run = runScenario(exchangeScenario({
      settings: '{ sendingLimits: exchange-online }', horizon: '2h',
      traffic: internalMail(21, String(2 * MIN), (i) => outside(500, i * 500)),
    }));
    expect(run.ledger.get('<m19@contoso.example>')!.bouncedAtMs).toBeNull();
    const last = run.ledger.get('<m20@contoso.example>')!;
    expect(last.path.map((s) => s.detail)).toContain('rcpt: 554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException');
    expect(last.bouncedAtMs).not.toBeNull();
  });

  it('applies no limits by default', () => {
    const run = runScenario(exchangeScenario({ traffic: internalMail(35, '1', () => 'bob@contoso.example') }));
    expect(run.ledger.get('<m34@contoso.example>')!.firstAcceptedAtMs).toBe(34);
  });
});
