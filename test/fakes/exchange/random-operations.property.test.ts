// Any schedule of Exchange operations and faults runs to the end without a model error, replays to the same trace
// hash, and accounts for every accepted (message, recipient): present, removed on purpose, bounced, lost, or pending.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { exchangeScenario } from '../../helpers/exchange-scenario.js';
import { lostRecipients } from '../../../sim/ledger/counts.js';

const HOUR = 3_600_000;

const arbOperation = fc.oneof(
  fc.constant('{ verb: backup, target: ex1, database: db1 }'),
  fc.constant('{ verb: dismount, target: ex1, database: db1 }'),
  fc.constant('{ verb: mount, target: ex1, database: db1 }'),
  fc.boolean().map((logs) => `{ verb: restore, target: ex1, database: db1, replayLogs: ${logs} }`),
  fc.integer({ min: 0, max: HOUR }).map((lag) => `{ verb: failover, target: ex1, lag: ${lag} }`),
  fc.integer({ min: 0, max: 2 * HOUR }).map((lag) => `{ verb: activateLaggedCopy, target: ex2, database: db2, lag: ${lag} }`),
  fc.constant('{ verb: recoverServer, target: ex2 }'),
  fc.constantFrom('down', 'up', 'crash', 'restart', 'stopInbound', 'startInbound').chain((verb) =>
    fc.constantFrom('ex1', 'ex2').map((target) => `{ verb: ${verb}, target: ${target} }`)),
  fc.constantFrom('connect', 'rcpt', 'end-of-data').chain((stage) =>
    fc.constantFrom(421, 451, 554).map((code) => `{ verb: smtpFault, target: ex1, stage: ${stage}, code: ${code} }`)),
  fc.constant('{ verb: smtpFault, target: ex1, dropReply: true }'),
  fc.constant('{ verb: clearSmtpFault, target: ex1 }'),
);

/** Whatever the random operations left broken is mended at 6 h, so the drain shows where the mail ended up. */
const RECOVERY = ['up, target: ex1', 'up, target: ex2', 'startInbound, target: ex1', 'startInbound, target: ex2',
  'clearSmtpFault, target: ex1', 'mount, target: ex1, database: db1', 'mount, target: ex2, database: db2']
  .map((op) => `    - { at: 6h, verb: ${op} }`);

/** A restore without logs needs a backup before it: a scenario naming none is refused (check-fault-fields.ts). */
function restorable(ops: Array<[number, string]>): Array<[number, string]> {
  let backedUp = false;
  return ops.filter(([, op]) => {
    if (op.includes('verb: backup')) backedUp = true;
    return backedUp || !op.includes('replayLogs: false');
  });
}

const arbSchedule = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 * HOUR - 1 }), arbOperation), { maxLength: 12 })
  .map((ops) => [...restorable(ops.sort((a, b) => a[0] - b[0])).map(([at, op]) => `    - ${op.replace('{ ', `{ at: ${at}, `)}`), ...RECOVERY].join('\n'));

function world(seed: number, faults: string) {
  return exchangeScenario({
    seed, horizon: '6h', drain: '3d',
    servers: '[{ name: ex1, site: hq, cluster: { mode: active-passive } }, { name: ex2, site: branch }]',
    databases: '[{ name: db1, server: ex1 }, { name: db2, server: ex2 }]',
    mailboxes: `
    - { address: alice@contoso.example, database: db1 }
    - { address: bob@contoso.example, database: db2 }
    - { address: crm@contoso.example, kind: forward, database: db2 }`,
    rules: '[{ to: crm@contoso.example }]',
    senders: '[{ name: partners, domain: partner.example, replyRatio: 0.3, replyDelay: 20m }]',
    traffic: '{ generators: [{ name: o, sender: partners, ratePerHour: 20, to: all-users, fanOut: 2, until: 5h }] }',
    users: '{ read: { probability: 0.5 }, file: { probability: 0.2, meanDelay: 30m }, delete: { probability: 0.2, meanDelay: 30m }, reply: { probability: 0.2, meanDelay: 15m } }',
    faults: `\n${faults}`,
  });
}

describe('random Exchange operations', () => {
  it('never break the model, replay identically and account for every accepted copy', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), arbSchedule, (seed, faults) => {
      const scenario = world(seed, faults);
      const run = runScenario(scenario);
      expect(runScenario(scenario).traceHash).toBe(run.traceHash);
      let lost = 0;
      for (const life of run.ledger.messages()) {
        if (run.ledger.inFlightAt(life.messageId) === undefined) lost += lostRecipients(life).length;
      }
      expect(run.counts.lost).toBe(lost);
      expect(run.counts.accepted).toBeLessThanOrEqual(run.counts.sent);
      // Everything mended at 6 h: within the 3-day drain every message comes to rest (sender expiry is 2 days).
      expect(run.counts.pending).toBe(0);
    }), { numRuns: 30 });
  });
});
