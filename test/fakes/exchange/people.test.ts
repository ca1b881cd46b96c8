// People act on their mail (S6 says it matters): they file it out of the Inbox, delete it, reply, and send internal
// mail; while their server is unreachable they try again later.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';

const MIN = 60_000;
const TRAFFIC = '{ generators: [{ name: orders, sender: partners, ratePerHour: 30, to: all-users, until: 2h }] }';

describe('people', () => {
  it('file the share of mail they are set to, after a delay, keeping it in the mailbox', () => {
    const run = runScenario(exchangeScenarioWithUsers('{ file: { probability: 0.5, meanDelay: 30m, folder: Projects } }'));
    const lives = [...run.ledger.messages()];
    const filed = lives.filter((l) => l.placements[0]!.folder === 'Projects');
    expect(filed.length).toBeGreaterThan(lives.length * 0.3);
    expect(filed.length).toBeLessThan(lives.length * 0.7);
    for (const life of filed) {
      const move = life.path.find((s) => s.step === 'moved')!;
      expect(move.atMs).toBeGreaterThan(life.placements[0]!.deliveredAtMs);
    }
    expect(run.counts).toMatchObject({ lost: 0, delivered: lives.length });
  });

  it('read mail, which stays in the Inbox', () => {
    const run = runScenario(exchangeScenarioWithUsers('{ read: { probability: 1, meanDelay: 10m } }'));
    const lives = [...run.ledger.messages()];
    expect(lives.every((l) => l.path.some((s) => s.step === 'read') && l.placements[0]!.folder === 'Inbox')).toBe(true);
  });

  it('delete mail to Deleted Items, which is not lost', () => {
    const run = runScenario(exchangeScenarioWithUsers('{ delete: { probability: 1, meanDelay: 10m } }'));
    const lives = [...run.ledger.messages()];
    expect(lives.every((l) => l.placements[0]!.folder === 'Deleted Items')).toBe(true);
    expect(run.counts.lost).toBe(0);
  });

  it('reply to the outside sender with In-Reply-To, and the reply leaves for the Internet', () => {
    const run = runScenario(exchangeScenarioWithUsers('{ reply: { probability: 1, meanDelay: 5m } }'));
    const replies = [...run.ledger.messages()].filter((l) => l.messageId.startsWith('<reply-'));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0]!.path.map((s) => s.step)).toEqual(['submitted', 'accepted', 'sent-copy', 'sent-out']);
    expect(replies[0]!.path[3]!.detail).toBe('orders@partner.example');
  });

  it('send internal mail through their server, retrying while it is down', () => {
    const run = runScenario(exchangeScenario({
      traffic: `
  messages: [{ at: 10m, from: alice@contoso.example, to: [bob@contoso.example], messageId: "<internal@contoso.example>" }]`,
      faults: '[{ at: 5m, verb: down, target: ex1 }, { at: 32m, verb: up, target: ex1 }]',
    }));
    const life = run.ledger.get('<internal@contoso.example>')!;
    expect(life.submittedAtMs).toBe(10 * MIN);
    expect(life.firstAcceptedAtMs).toBe(35 * MIN); // 10, 15, ... 35: every 5 minutes until the server answers
    expect(life.placements.map((p) => `${p.mailbox}/${p.folder}`)).toEqual(['bob@contoso.example/Inbox']);
    expect(run.counts).toMatchObject({ sent: 1, delivered: 1, lost: 0, pending: 0 });
  });
});

function exchangeScenarioWithUsers(users: string) {
  return exchangeScenario({ traffic: TRAFFIC, users });
}
