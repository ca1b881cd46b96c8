// Operations and faults on Exchange: dismount/mount, restore with and without log replay (X3), server down/up,
// and cross-site delivery latency.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';

const MIN = 60_000;
const MESSAGES = `
  messages:
    - { at: 10m, from: dana@partner.example, to: [alice@contoso.example], messageId: "<before@partner.example>" }
    - { at: 90m, from: dana@partner.example, to: [alice@contoso.example], messageId: "<after@partner.example>" }`;

/** Backup at 60 min, then at 120 min dismount, restore from it (with or without logs) and mount again. */
function restoredAt120m(replayLogs: boolean) {
  return runScenario(exchangeScenario({
    traffic: MESSAGES,
    faults: `
    - { at: 60m, verb: backup, target: ex1, database: db1 }
    - { at: 120m, verb: dismount, target: ex1, database: db1 }
    - { at: 120m, verb: restore, target: ex1, database: db1, backupAt: 60m, replayLogs: ${replayLogs} }
    - { at: 121m, verb: mount, target: ex1, database: db1 }`,
  }));
}

describe('Exchange operations', () => {
  it('keeps mail queued while the database is dismounted and delivers it after mount', () => {
    const run = runScenario(exchangeScenario({
      traffic: MESSAGES,
      faults: '[{ at: 60m, verb: dismount, target: ex1, database: db1 }, { at: 120m, verb: mount, target: ex1, database: db1 }]',
    }));
    const after = run.ledger.get('<after@partner.example>')!;
    expect(after.firstAcceptedAtMs).toBe(90 * MIN); // transport accepts while the database is down
    expect(after.placements[0]!.deliveredAtMs).toBeGreaterThanOrEqual(120 * MIN);
    expect(after.placements[0]!.deliveredAtMs).toBeLessThanOrEqual(125 * MIN);
    expect(run.counts).toMatchObject({ delivered: 2, lost: 0, pending: 0 });
  });

  it('loses what arrived after the backup when restoring without logs, and the ledger names it (X3)', () => {
    const run = restoredAt120m(false);
    expect(run.counts.lost).toBe(1);
    const check = run.checks.find((c) => c.name === 'no-lost-mail')!;
    expect(check.verdict).toBe('fail');
    expect(check.offenders.map((o) => o.messageId)).toEqual(['<after@partner.example>']);
    expect(check.offenders[0]!.path.at(-1)).toMatchObject({ step: 'removed', detail: 'alice@contoso.example: rolled-back', atMs: 120 * MIN });
  });

  it('loses nothing when restoring with log replay', () => {
    expect(restoredAt120m(true).counts).toMatchObject({ lost: 0, delivered: 2 });
  });

  it('refuses to restore over a mounted database (the recovery article: dismount first)', () => {
    const run = runScenario(exchangeScenario({
      traffic: MESSAGES,
      faults: '[{ at: 60m, verb: backup, target: ex1, database: db1 }, { at: 120m, verb: restore, target: ex1, database: db1, backupAt: 60m }]',
    }));
    expect(run.counts.lost).toBe(0);
  });

  it('refuses connections while the server is down; senders deliver after it is up', () => {
    const run = runScenario(exchangeScenario({ traffic: MESSAGES, faults: '[{ at: 80m, verb: down, target: ex1 }, { at: 100m, verb: up, target: ex1 }]' }));
    const after = run.ledger.get('<after@partner.example>')!;
    expect(after.path[1]).toMatchObject({ step: 'smtp-attempt', detail: 'connect: no connection (refused)' });
    expect(after.firstAcceptedAtMs).toBeGreaterThanOrEqual(100 * MIN);
    expect(run.counts).toMatchObject({ delivered: 2, lost: 0 });
  });

  it('delivers across sites after the inter-site latency, and within a site after the intra-site one', () => {
    const scenario = (site: string) => exchangeScenario({
      servers: `[{ name: ex1, site: hq }, { name: ex2, site: ${site} }]`,
      databases: '[{ name: db1, server: ex1 }, { name: db2, server: ex2 }]',
      mailboxes: '[{ address: alice@contoso.example, database: db2 }]',
      settings: '{ interSiteLatency: 3s, intraSiteLatency: 100ms }',
      traffic: `
  messages: [{ at: 1m, from: dana@partner.example, to: [alice@contoso.example], messageId: "<m@partner.example>" }]`,
    });
    const deliveredAt = (site: string) => runScenario(scenario(site)).ledger.get('<m@partner.example>')!.placements[0]!.deliveredAtMs;
    expect(deliveredAt('branch')).toBe(MIN + 3_000);
    expect(deliveredAt('hq')).toBe(MIN + 100);
  });
});

describe('Exchange queue expiry (X1)', () => {
  it('returns an NDR for mail stuck in its own queue past the expiration: bounced, not lost, not pending', () => {
    const run = runScenario(exchangeScenario({
      traffic: MESSAGES, settings: '{ messageExpiration: 1h }',
      faults: '[{ at: 60m, verb: dismount, target: ex1, database: db1 }]',
    }));
    const after = run.ledger.get('<after@partner.example>')!;
    expect(after.path.at(-1)).toMatchObject({ step: 'bounced', detail: "NDR: expired in ex1's queue for alice@contoso.example" });
    expect(after.path.at(-1)!.atMs).toBeGreaterThanOrEqual(150 * MIN);
    expect(after.path.at(-1)!.atMs).toBeLessThanOrEqual(155 * MIN);
    expect(run.counts).toMatchObject({ bounced: 1, lost: 0, pending: 0, delivered: 1 });
  });
});

describe('queue runs', () => {
  it('keep one pending run per server: a server down for days costs events in proportion to the mail waiting', () => {
    const run = runScenario(exchangeScenario({
      horizon: '6h',
      servers: '[{ name: ex1, site: hq }, { name: ex2, site: branch }]',
      databases: '[{ name: db1, server: ex1 }, { name: db2, server: ex2 }]',
      mailboxes: '[{ address: alice@contoso.example, database: db1 }, { address: bob@contoso.example, database: db2 }]',
      traffic: '{ generators: [{ name: o, sender: partners, ratePerHour: 20, to: all-users, fanOut: 2, until: 5h }] }',
      faults: '[{ at: 1h, verb: down, target: ex1 }]',
    }));
    // About 50 messages wait in ex2's queue for ex1 and retry every 5 minutes until they expire: ~30,000 runs.
    // Before runs replaced each other, stale timers doubled up to millions of events.
    expect(run.events).toBeLessThan(120_000);
    // ex1 never comes back: after 2 days in ex2's queue the mail for alice is returned (X1).
    expect(run.counts).toMatchObject({ bounced: expect.any(Number), pending: 0, lost: 0 });
    expect(run.counts.bounced).toBeGreaterThan(0);
  });
});
