// Recovery operations: Active/Passive failover with its downtime, a lagged-copy activation, Safety Net resubmission
// (X2), and Setup /m:RecoverServer on new hardware: same name, empty databases until restored (X4).
import type { Engine } from '../../sim/core/engine.js';
import { requireTarget, type FaultApi } from '../../sim/core/fault.js';
import { databaseOf, serverOf } from './fault-targets.js';
import { rollBack, type RollbackReport } from './rollback.js';
import type { ExchangeOrg, ExchangeServerDurable } from './exchange-server.js';
import { allItemsOf, copyItems, type DatabaseState, type StoreItem } from './mailbox-store.js';
import { newSafetyNet, resendOutsideFromSafetyNet, resubmitFromSafetyNet } from './safety-net.js';
import { paramsOf, type OperationParams } from '../operations/operation-params.js';

/** The items as they were `lagMs` ago: a copy that lags has not yet replayed what arrived since. */
function lagged(db: DatabaseState, nowMs: number, lagMs: number): Map<string, StoreItem[]> {
  return new Map([...allItemsOf(db)].map(([mailbox, items]) => [mailbox, items.filter((i) => i.receivedAtMs <= nowMs - lagMs).map((i) => ({ ...i }))]));
}

export function defineRecoveryFaults(engine: Engine, org: ExchangeOrg, reportTo: (database: string) => RollbackReport): void {
  const hold = org.config.settings.safetyNetHoldMs;
  const kindOf = (mailbox: string) => org.directory.get(mailbox)?.mailbox.kind ?? 'user';
  const resubmit = (world: FaultApi, serverName: string, database: string, sinceMs: number): void => {
    const server = world.durableOf(serverName) as ExchangeServerDurable;
    const restored = resubmitFromSafetyNet(server, database, sinceMs, engine.nowMs, hold, org.ledger, kindOf, org.eligible);
    engine.note('note', serverName, 'safety-net', `${database}: ${restored} copies resubmitted since ${sinceMs} ms`);
  };

  // Without a database: everything the server holds, mail sent to the Internet included (outside recipients get it
  // twice). Resubmitted outside mail does not reach the outside senders' reply habits. [I]
  engine.defineFaultVerb('resubmitSafetyNet', (world, fault) => {
    const target = requireTarget(world, fault);
    const { since: sinceMs = 0, database } = paramsOf(fault);
    if (database !== undefined) {
      resubmit(world, target, databaseOf(world, fault).name, sinceMs);
      return;
    }
    const server = serverOf(world, fault);
    for (const db of server.databases.keys()) resubmit(world, target, db, sinceMs);
    const resent = resendOutsideFromSafetyNet(server, sinceMs, engine.nowMs, hold, (message, recipient) => {
      // The recipient gets it twice: for CRM email that is a duplicate delivery (outbound-exactly-once).
      org.ledger.sentOut(message.key, recipient, 'again: Safety Net');
    });
    engine.note('note', target, 'safety-net', `${resent} messages sent to the Internet again since ${sinceMs} ms`);
  });

  // A lagged copy becomes active: what it had not replayed is gone until Safety Net resubmits it.
  engine.defineFaultVerb('activateLaggedCopy', (world, fault) => {
    const db = databaseOf(world, fault);
    const lagMs = paramsOf(fault).lag ?? 0;
    rollBack(db, lagged(db, engine.nowMs, lagMs), reportTo(db.name));
    resubmit(world, requireTarget(world, fault), db.name, engine.nowMs - lagMs);
  });

  // Active/Passive failover: the service stops (memory lost), the passive node starts it after the downtime on the
  // same storage. A lossy failover (`lag`) activates a copy that lacks the latest mail; Safety Net resubmits it.
  engine.defineFaultVerb('failover', (world, fault) => {
    const target = requireTarget(world, fault);
    const server = serverOf(world, fault);
    const downtimeMs = org.config.servers.find((s) => s.name === target)?.cluster?.failoverDowntimeMs ?? 0;
    const lagMs = paramsOf(fault).lag ?? 0;
    if (world.isRunning(target)) world.crash(target);
    const backAtMs = engine.nowMs + downtimeMs;
    if (lagMs > 0) for (const db of server.databases.values()) rollBack(db, lagged(db, engine.nowMs, lagMs), reportTo(db.name));
    engine.scheduleFault(backAtMs, { verb: 'resubmitSafetyNet', target, params: { since: engine.nowMs - lagMs } satisfies OperationParams });
    engine.scheduleFault(backAtMs, { verb: 'up', target });
  });

  // Setup /m:RecoverServer: the server comes back under its name with empty databases, dial-tone databases that take
  // mail at once and are merged into the restored ones later (X3, dial-tone.ts); its transport queue died with the
  // old hardware. Backups (kept off the box) and, by assumption, the transaction logs survive. [I] No shadow
  // redundancy (X2): the servers that relayed the queued mail here kept no shadow copy to send again, so the queue's
  // mail is lost (docs/exchange.md, "Not modelled").
  engine.defineFaultVerb('recoverServer', (world, fault) => {
    const target = requireTarget(world, fault);
    const server = serverOf(world, fault);
    if (world.isRunning(target)) world.crash(target);
    for (const db of server.databases.values()) {
      db.beforeLoss = copyItems(allItemsOf(db));
      rollBack(db, new Map(), reportTo(db.name));
      db.mounted = true;
    }
    server.queue = [];
    server.safetyNet = newSafetyNet();
    world.start(target);
  });
}
