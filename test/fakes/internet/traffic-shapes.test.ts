// Traffic shapes: a daily curve concentrates generated mail in its busy hours; outside senders reply to a share of
// the mail the organisation sends them, with In-Reply-To (what CRM correlation will follow, S10).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';

const HOUR = 3_600_000;

describe('traffic shapes', () => {
  it('follows a daily curve: mail only in the hours with weight, at the average rate over the day', () => {
    const office = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 1 : 0));
    const run = runScenario(exchangeScenario({
      horizon: '3d',
      traffic: `{ generators: [{ name: orders, sender: partners, ratePerHour: 10, to: all-users, dailyCurve: [${office.join(', ')}] }] }`,
    }));
    // The scenario starts at 08:00 UTC; virtual hour h is UTC hour (8 + h) % 24.
    const hours = [...run.ledger.messages()].map((l) => (8 + Math.floor(l.submittedAtMs! / HOUR)) % 24);
    expect(hours.every((h) => h >= 9 && h < 17)).toBe(true);
    expect(hours.length).toBeGreaterThan(3 * 240 * 0.8);
    expect(hours.length).toBeLessThan(3 * 240 * 1.2);
  });

  it('answers a share of the mail sent to the outside domain, In-Reply-To the original', () => {
    const run = runScenario(exchangeScenario({
      senders: '[{ name: partners, domain: partner.example, replyRatio: 1, replyDelay: 10m }]',
      traffic: `
  messages: [{ at: 5m, from: alice@contoso.example, to: [dana@partner.example], messageId: "<out-1@contoso.example>" }]`,
    }));
    const reply = run.ledger.get('<re-1@partner.example>')!;
    expect(reply.path[0]).toMatchObject({ step: 'submitted', detail: 'from dana@partner.example to alice@contoso.example' });
    expect(reply.placements.map((p) => p.mailbox)).toEqual(['alice@contoso.example']);
    expect(run.counts).toMatchObject({ sent: 2, delivered: 1, lost: 0 });
  });

  it('puts the junk filter\'s share of Internet mail in Junk, and forwards none of it', () => {
    const run = runScenario(exchangeScenario({
      settings: '{ junkProbability: 0.3 }', rules: '[{ to: crm@contoso.example }]',
      traffic: '{ generators: [{ name: orders, sender: partners, ratePerHour: 60, to: all-users, until: 3h }] }',
    }));
    const lives = [...run.ledger.messages()];
    const junk = lives.filter((l) => l.placements[0]!.folder === 'Junk');
    expect(junk.length).toBeGreaterThan(lives.length * 0.15);
    expect(junk.length).toBeLessThan(lives.length * 0.45);
    for (const life of junk) expect(life.placements).toHaveLength(1);
    for (const life of lives.filter((l) => !junk.includes(l))) expect(life.placements.map((p) => p.mailboxKind)).toEqual(['user', 'forward']);
  });
});
