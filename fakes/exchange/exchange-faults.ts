// Operations and faults on Exchange, as fault verbs the engine applies (faults are data): inbound mail flow stopped at
// the firewall, database dismount and mount, backups, and restore from a backup with or without log replay (X3).
import type { Engine } from '../../sim/core/engine.js';
import { requireTarget, type Fault, type FaultApi } from '../../sim/core/fault.js';
import type { ExchangeOrg, ExchangeServerDurable } from './exchange-server.js';
import { backupAtOrBefore, snapshot, type DatabaseState, type StoreItem } from './mailbox-store.js';

export const EXCHANGE_FAULT_VERBS = ['stopInbound', 'startInbound', 'dismount', 'mount', 'backup', 'restore'] as const;

function serverOf(world: FaultApi, fault: Fault): ExchangeServerDurable {
  return world.durableOf(requireTarget(world, fault)) as ExchangeServerDurable;
}

function databaseOf(world: FaultApi, fault: Fault): DatabaseState {
  const server = serverOf(world, fault);
  const name = fault.params?.['database'];
  const db = typeof name === 'string' ? server.databases.get(name) : undefined;
  if (db === undefined) throw new Error(`'${fault.verb}' on ${server.name}: no database ${JSON.stringify(name)} there`);
  return db;
}

export function defineExchangeFaults(engine: Engine, org: ExchangeOrg): void {
  const kindOf = (mailbox: string) => org.directory.get(mailbox)?.mailbox.kind ?? 'user';

  engine.defineFaultVerb('stopInbound', (world, fault) => { serverOf(world, fault).inboundBlocked = true; });
  engine.defineFaultVerb('startInbound', (world, fault) => { serverOf(world, fault).inboundBlocked = false; });
  // A dismounted database takes no deliveries: transport keeps the mail queued and retries (X1).
  engine.defineFaultVerb('dismount', (world, fault) => { databaseOf(world, fault).mounted = false; });
  engine.defineFaultVerb('mount', (world, fault) => { databaseOf(world, fault).mounted = true; });
  engine.defineFaultVerb('backup', (world, fault) => {
    const db = databaseOf(world, fault);
    db.backups.push(snapshot(db, engine.nowMs));
  });

  engine.defineFaultVerb('restore', (world, fault) => {
    const db = databaseOf(world, fault);
    const target = fault.target as string;
    // The seeds' recovery article: the existing database must be dismounted, otherwise the restore fails.
    if (db.mounted) {
      engine.note('note', target, 'restore-refused', `${db.name} is mounted; dismount it first`);
      return;
    }
    const backupAtMs = Number(fault.params?.['backupAt'] ?? engine.nowMs);
    const backup = backupAtOrBefore(db, backupAtMs);
    if (backup === undefined) {
      engine.note('note', target, 'restore-refused', `${db.name} has no backup at or before ${backupAtMs} ms`);
      return;
    }
    if (fault.params?.['replayLogs'] === true) {
      // Backup plus log replay brings the database to the moment of failure: nothing is lost (X3).
      engine.note('note', target, 'restore', `${db.name} from backup at ${backup.atMs} ms with log replay`);
      return;
    }
    engine.note('note', target, 'restore', `${db.name} from backup at ${backup.atMs} ms without logs`);
    rollBack(db, backup.items, (item, mailbox, change) => {
      const ledger = org.ledger;
      if (change === 'gone') ledger.removed(item.key, mailbox, 'rolled-back');
      else if (change === 'back') ledger.reappeared(item.key, mailbox, kindOf(mailbox), item.folder, org.eligible(item.key, mailbox, kindOf(mailbox)));
      else ledger.moved(item.key, mailbox, item.folder);
    });
  });
}

type Change = 'gone' | 'back' | 'refiled';

/** Replaces the database's items by the backup's, telling what each mailbox lost, got back or saw refiled. */
function rollBack(
  db: DatabaseState, backupItems: ReadonlyMap<string, ReadonlyArray<StoreItem>>,
  report: (item: StoreItem, mailbox: string, change: Change) => void,
): void {
  for (const [mailbox, current] of db.items) {
    const before = new Map((backupItems.get(mailbox) ?? []).map((i) => [i.storeId, i]));
    const now = new Map(current.map((i) => [i.storeId, i]));
    for (const item of current) if (!before.has(item.storeId)) report(item, mailbox, 'gone');
    for (const [storeId, item] of before) {
      const present = now.get(storeId);
      if (present === undefined) report(item, mailbox, 'back');
      else if (present.folder !== item.folder) report(item, mailbox, 'refiled');
    }
  }
  db.items = new Map([...db.items.keys()].map((mailbox) => [mailbox, (backupItems.get(mailbox) ?? []).map((i) => ({ ...i }))]));
}
