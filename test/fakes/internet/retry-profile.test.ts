// X1: senders retry on Exchange's documented schedule (4 x 1 min, 6 x 5 min, then 10 min after connection failures),
// notify a delay at 4 h and return an NDR at expiry (2 days); the RFC 5321 profile retries every 30 min for 5 days.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { RETRY_PROFILES, retryDelayMs } from '../../../fakes/internet/retry-profile.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';

const MIN = 60_000;
const ONE = `
  messages: [{ at: 0s, from: dana@partner.example, to: [alice@contoso.example], messageId: "<m1@partner.example>" }]`;

function attemptTimes(run: ReturnType<typeof runScenario>): number[] {
  return run.ledger.get('<m1@partner.example>')!.path.filter((s) => s.step === 'smtp-attempt').map((s) => s.atMs);
}

describe('sender retry profiles', () => {
  it('computes the Exchange schedule and the RFC 5321 one', () => {
    const exchange = RETRY_PROFILES.exchange;
    expect([1, 4, 5, 10, 11].map((n) => retryDelayMs(exchange, n, 'connection') / MIN)).toEqual([1, 1, 5, 5, 10]);
    expect(retryDelayMs(exchange, 11, 'reply') / MIN).toBe(15);
    expect([1, 20].map((n) => retryDelayMs(RETRY_PROFILES.rfc5321, n, 'connection') / MIN)).toEqual([30, 30]);
  });

  it('retries a refused connection on the Exchange schedule and delivers once the firewall opens', () => {
    const run = runScenario(exchangeScenario({
      traffic: ONE, faults: '[{ at: 0s, verb: stopInbound, target: ex1 }, { at: 3h, verb: startInbound, target: ex1 }]',
    }));
    const times = attemptTimes(run).map((t) => t / MIN);
    expect(times.slice(0, 12)).toEqual([0, 1, 2, 3, 4, 9, 14, 19, 24, 29, 34, 44]);
    const life = run.ledger.get('<m1@partner.example>')!;
    expect(life.firstAcceptedAtMs).toBeGreaterThanOrEqual(180 * MIN);
    expect(life.firstAcceptedAtMs).toBeLessThanOrEqual(190 * MIN);
    expect(run.counts).toMatchObject({ delivered: 1, bounced: 0, lost: 0 });
  });

  it('sends a delay notification after 4 hours and an NDR at 2 days, never losing the message silently', () => {
    const run = runScenario(exchangeScenario({ traffic: ONE, faults: '[{ at: 0s, verb: stopInbound, target: ex1 }]' }));
    const path = run.ledger.get('<m1@partner.example>')!.path;
    // Sent at 4 h exactly, whatever the retry timing.
    expect(path.filter((s) => s.step === 'delay-notification').map((s) => s.atMs)).toEqual([240 * MIN]);
    expect(path.at(-1)).toMatchObject({ step: 'bounced', atMs: 2 * 24 * 60 * MIN });
    expect(run.counts).toMatchObject({ sent: 1, accepted: 0, bounced: 1, lost: 0, pending: 0 });
  });

  it('retries every 30 minutes under the RFC 5321 profile', () => {
    const run = runScenario(exchangeScenario({
      senders: '[{ name: partners, domain: partner.example, profile: rfc5321 }]',
      traffic: ONE, faults: '[{ at: 0s, verb: down, target: ex1 }, { at: 2h, verb: up, target: ex1 }]',
    }));
    expect(attemptTimes(run).map((t) => t / MIN)).toEqual([0, 30, 60, 90]);
    expect(run.ledger.get('<m1@partner.example>')!.firstAcceptedAtMs).toBe(120 * MIN);
  });
});
