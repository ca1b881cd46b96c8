// Recovery: Active/Passive failover and its downtime, Safety Net after a lossy failover or lagged-copy activation
// (X2), Setup /m:RecoverServer with empty databases until restored (X4, the seeds' recovery article; the dial-tone
// merge with CRM reading: dial-tone.test.ts), and the refusal of Active/Active clusters.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { exchangeScenario, exchangeScenarioText, runExchangeWorld } from '../../helpers/exchange-scenario.js';
import { readFolder } from '../../../fakes/exchange/mailbox-access.js';
import { allItemsOf } from '../../../fakes/exchange/mailbox-store.js';

const MIN = 60_000;
const CLUSTER = '[{ name: ex1, site: hq, cluster: { mode: active-passive, failoverDowntime: 3m } }]';
const TRAFFIC = '{ generators: [{ name: orders, sender: partners, ratePerHour: 60, to: all-users, until: 3h }] }';

describe('failover and Safety Net', () => {
  it('takes the service down for the failover downtime; senders retry and nothing is lost', () => {
    const run = runScenario(exchangeScenario({ servers: CLUSTER, traffic: TRAFFIC, faults: '[{ at: 60m, verb: failover, target: ex1 }]' }));
    const refusedAt = [...run.ledger.messages()].flatMap((l) => l.path.filter((s) => s.step === 'smtp-attempt').map((s) => s.atMs));
    expect(refusedAt.length).toBeGreaterThan(0);
    expect(Math.min(...refusedAt)).toBeGreaterThanOrEqual(60 * MIN);
    expect(Math.max(...refusedAt)).toBeLessThan(63 * MIN);
    expect(run.counts).toMatchObject({ lost: 0, bounced: 0, pending: 0 });
  });

  it('brings back, through Safety Net, what a lossy failover lost, and suppresses duplicates of what survived', () => {
    const run = runScenario(exchangeScenario({ servers: CLUSTER, traffic: TRAFFIC, faults: '[{ at: 60m, verb: failover, target: ex1, lag: 20m }]' }));
    const lives = [...run.ledger.messages()];
    const rolledBack = lives.filter((l) => l.path.some((s) => s.step === 'removed'));
    expect(rolledBack.length).toBeGreaterThan(5);
    for (const life of rolledBack) {
      expect(life.path.map((s) => s.step)).toContain('reappeared');
      expect(life.placements.filter((p) => p.removal === null)).toHaveLength(1);
    }
    // Mail older than the lag was never lost and gets no second copy.
    for (const life of lives.filter((l) => !rolledBack.includes(l))) expect(life.placements).toHaveLength(1);
    expect(run.counts).toMatchObject({ lost: 0, delivered: lives.length });
  });

  it('puts a resubmitted copy back fresh, in the Inbox, where a reader past a watermark still finds it', () => {
    const scenario = exchangeScenario({
      servers: CLUSTER, traffic: TRAFFIC, users: '{ read: { probability: 1, meanDelay: 1m }, file: { probability: 0.5, meanDelay: 2m, folder: Filed } }',
      faults: '[{ at: 60m, verb: failover, target: ex1, lag: 20m }]',
    });
    const { world, ledger } = runExchangeWorld(scenario);
    const db = world.server('ex1').databases.get('db1')!;
    expect(db.outOfOrder).toBe(true);
    // Safety Net shares the items with the mailbox, and people had read and filed many of them before the failover:
    // none of that comes back with a resubmitted copy, only what people did to it afterwards.
    const items = [...allItemsOf(db).values()].flat();
    const resubmitted = items.filter((item) => ledger.get(item.key)!.path.some((s) => s.step === 'reappeared'));
    expect(resubmitted.length).toBeGreaterThan(5);
    for (const item of resubmitted) {
      const path = ledger.get(item.key)!.path.map((s) => s.step);
      const since = path.slice(path.lastIndexOf('reappeared'));
      expect(item.read === true).toBe(since.includes('read'));
      expect(item.folder === 'Inbox').toBe(!since.includes('moved'));
    }
    for (const [mailbox, items] of allItemsOf(db)) {
      const inbox = items.filter((i) => i.folder === 'Inbox' && i.sent !== true);
      const watermarkMs = 50 * MIN;
      expect(readFolder(db, { mailbox, folder: 'Inbox', afterStoreId: 0, receivedFromMs: watermarkMs }).map((i) => i.storeId))
        .toEqual(inbox.filter((i) => i.receivedAtMs >= watermarkMs).map((i) => i.storeId));
    }
  });

  it('does the same for a lagged-copy activation', () => {
    const run = runScenario(exchangeScenario({ traffic: TRAFFIC, faults: '[{ at: 90m, verb: activateLaggedCopy, target: ex1, database: db1, lag: 30m }]' }));
    expect([...run.ledger.messages()].some((l) => l.path.some((s) => s.step === 'reappeared'))).toBe(true);
    expect(run.counts.lost).toBe(0);
  });

  it('cannot bring back what fell out of the Safety Net hold: that mail is lost', () => {
    const run = runScenario(exchangeScenario({
      settings: '{ safetyNetHold: 10m }', traffic: TRAFFIC,
      faults: '[{ at: 90m, verb: activateLaggedCopy, target: ex1, database: db1, lag: 30m }]',
    }));
    expect(run.counts.lost).toBeGreaterThan(0);
  });
});

describe('Setup /m:RecoverServer', () => {
  const recovery = (stopInbound: boolean, replayLogs: boolean) => exchangeScenario({
    traffic: TRAFFIC, horizon: '6h',
    faults: `
    - { at: 30m, verb: backup, target: ex1, database: db1 }
    ${stopInbound ? '- { at: 59m, verb: stopInbound, target: ex1 }' : ''}
    - { at: 60m, verb: down, target: ex1 }
    - { at: 120m, verb: recoverServer, target: ex1 }
    - { at: 150m, verb: dismount, target: ex1, database: db1 }
    - { at: 150m, verb: restore, target: ex1, database: db1, backupAt: 30m, replayLogs: ${replayLogs} }
    - { at: 151m, verb: mount, target: ex1, database: db1 }
    ${stopInbound ? '- { at: 152m, verb: startInbound, target: ex1 }' : ''}`,
  });

  it('loses nothing when inbound mail is stopped first and the restore replays the logs (the article\'s order)', () => {
    expect(runScenario(recovery(true, true)).counts).toMatchObject({ lost: 0, bounced: 0, pending: 0 });
  });

  it('keeps mail delivered into the dial-tone databases when inbound mail was not stopped: the restore merges it (X3)', () => {
    const run = runScenario(recovery(false, true));
    const dialTone = [...run.ledger.messages()].filter((l) => l.placements.some((p) => p.deliveredAtMs >= 120 * MIN && p.deliveredAtMs < 150 * MIN));
    expect(dialTone.length).toBeGreaterThan(10);
    expect(run.counts).toMatchObject({ lost: 0, bounced: 0, pending: 0 });
  });

  it('loses everything after the backup when restoring without logs', () => {
    const run = runScenario(recovery(true, false));
    const lost = run.checks.find((c) => c.name === 'no-lost-mail')!.offenders;
    expect(lost.length).toBeGreaterThan(10);
    for (const offender of lost) expect(offender.path.find((s) => s.step === 'delivered')!.atMs).toBeGreaterThan(30 * MIN);
  });
});

describe('cluster topology', () => {
  it('refuses an Active/Active cluster with a clear error', () => {
    const text = exchangeScenarioText({ servers: '[{ name: ex1, cluster: { mode: active-active } }]' });
    expect(() => parseScenarioText(text, 'aa.yaml')).toThrow(/aa\.yaml:\d+:\d+: exchange\.servers\[0\]\.cluster\.mode: Active\/Active Exchange clusters are not supported/);
  });

  it('refuses a failover of a server that is not clustered', () => {
    const text = exchangeScenarioText({ faults: '[{ at: 1m, verb: failover, target: ex1 }]' });
    expect(() => parseScenarioText(text, 'f.yaml')).toThrow(/'failover' needs a clustered server/);
  });
});

describe('Safety Net and outside recipients', () => {
  it('sends mail to the Internet again after a lossy failover: outside recipients get duplicates (X2)', () => {
    const run = runScenario(exchangeScenario({
      servers: CLUSTER,
      traffic: `
  messages: [{ at: 50m, from: alice@contoso.example, to: [dana@partner.example], messageId: "<out@contoso.example>" }]`,
      faults: '[{ at: 60m, verb: failover, target: ex1, lag: 20m }]',
    }));
    const sentOut = run.ledger.get('<out@contoso.example>')!.path.filter((s) => s.step === 'sent-out').map((s) => s.detail);
    expect(sentOut).toEqual(['dana@partner.example', 'dana@partner.example (again: Safety Net)']);
    // Counted as a second delivery to the same recipient, so CRM email resent this way shows as a duplicate.
    expect(run.ledger.get('<out@contoso.example>')!.deliveries.get('dana@partner.example')).toBe(2);
  });
});
