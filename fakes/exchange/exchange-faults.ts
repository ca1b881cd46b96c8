// Operations and faults on Exchange, as fault verbs the engine applies (faults are data): inbound mail flow stopped at
// the firewall, database dismount and mount, backups, and restore from a backup with or without log replay, merging
// a lost server's dial-tone mail back in (X3).
import { defineExchangeActFaults } from './act-faults.js';
import type { Engine } from '../../sim/core/engine.js';
import type { ExchangeOrg, ExchangeServerDurable } from './exchange-server.js';
import { requireTarget } from '../../sim/core/fault.js';
import { replyForCode } from '../mail/smtp-reply.js';
import { originalOf } from '../mail/mail-message.js';
import { databaseOf, serverOf } from './fault-targets.js';
import { allItemsOf, backupAtOrBefore, snapshot, type DatabaseState, type StoreItem } from './mailbox-store.js';
import { mergeDialTone } from './dial-tone.js';
import { defineRecoveryFaults } from './recovery-faults.js';
import { rollBack, type RollbackReport } from './rollback.js';
import { namedMailboxes, paramsOf } from '../operations/operation-params.js';

export const EXCHANGE_FAULT_VERBS = [
  'stopInbound', 'startInbound', 'dismount', 'mount', 'backup', 'restore',
  'failover', 'activateLaggedCopy', 'resubmitSafetyNet', 'recoverServer', 'smtpFault', 'clearSmtpFault', 'removeInboxRules',
  'exchangeItem', 'otherOrgTestAndEnable',
] as const;

export function defineExchangeFaults(engine: Engine, org: ExchangeOrg): void {
  defineExchangeActFaults(engine);
  // S13: another CRM organisation (a test copy of production, say) runs Test & Enable on mailboxes: Exchange's OrgID
  // now names it. [I] That organisation is not modelled beyond the stamp it leaves.
  engine.defineFaultVerb('otherOrgTestAndEnable', (world, fault) => {
    requireTarget(world, fault);
    const params = paramsOf(fault);
    const organisation = params.organisation ?? 'other-organisation';
    const mailboxes = namedMailboxes(params);
    if (mailboxes === null) throw new Error(`'otherOrgTestAndEnable' needs a mailbox or mailboxes (validation should have refused it)`);
    for (const mailbox of mailboxes) {
      // Any server takes the request and stamps the mailbox where it lives, as Exchange's client access proxies.
      const home = org.directory.get(mailbox);
      if (home === undefined) throw new Error(`'otherOrgTestAndEnable': no mailbox ${mailbox}`);
      (world.durableOf(home.server) as ExchangeServerDurable).databases.get(home.mailbox.database)?.syncOrg.set(mailbox, organisation);
    }
  });
  const kindOf = (mailbox: string) => org.directory.get(mailbox)?.mailbox.kind ?? 'user';
  /** Tells the ledger what a rollback did to each copy. */
  const reportTo = (database: string): RollbackReport => (item, mailbox, change, from) => {
    const ledger = org.ledger;
    if (change === 'gone') ledger.removed(item.key, mailbox, 'rolled-back', item.folder);
    else if (change === 'back') ledger.reappeared(item.key, mailbox, kindOf(mailbox), item.folder, org.eligible(originalOf(item.message), mailbox, kindOf(mailbox)), `restored in ${database}`);
    else ledger.moved(item.key, mailbox, item.folder, from ?? null);
  };

  // An SMTP stage fault on outside connections: `code` at `stage`, or `dropReply` (the 250 after DATA never arrives).
  engine.defineFaultVerb('smtpFault', (world, fault) => {
    const { stage = 'end-of-data', dropReply, code = 451 } = paramsOf(fault);
    const reply = dropReply === true ? null : replyForCode(code);
    serverOf(world, fault).stageFault = { stage, reply };
  });
  // An administrator removes the rules that copy mail to the forward mailbox (the router's, R1) from some mailboxes
  // (`mailbox`, `mailboxes`), or from all of them. A person's own move rules stay.
  engine.defineFaultVerb('removeInboxRules', (_world, fault) => {
    const mailboxes = namedMailboxes(paramsOf(fault)) ?? [...org.directory.keys()];
    for (const mailbox of mailboxes) org.rulesRemoved.add(mailbox.toLowerCase());
  });
  engine.defineFaultVerb('clearSmtpFault', (world, fault) => { serverOf(world, fault).stageFault = null; });
  engine.defineFaultVerb('stopInbound', (world, fault) => { serverOf(world, fault).inboundBlocked = true; });
  engine.defineFaultVerb('startInbound', (world, fault) => { serverOf(world, fault).inboundBlocked = false; });
  // A dismounted database takes no deliveries: transport keeps the mail queued and retries (X1).
  engine.defineFaultVerb('dismount', (world, fault) => { databaseOf(world, fault).mounted = false; });
  engine.defineFaultVerb('mount', (world, fault) => { databaseOf(world, fault).mounted = true; });
  engine.defineFaultVerb('backup', (world, fault) => {
    const db = databaseOf(world, fault);
    db.backups.push(snapshot(db, engine.nowMs));
  });

  /** Puts the restored items in place, with a dial-tone database's mail merged in when the server was lost (X3). */
  const restoreTo = (db: DatabaseState, restored: ReadonlyMap<string, ReadonlyArray<StoreItem>>): void => {
    const dialTone = db.beforeLoss !== null;
    db.beforeLoss = null;
    if (!dialTone) {
      rollBack(db, restored, reportTo(db.name));
      return;
    }
    const merged = mergeDialTone(restored, allItemsOf(db));
    rollBack(db, merged.items, reportTo(db.name));
    if (!merged.inOrder) db.outOfOrder = true;
  };

  engine.defineFaultVerb('restore', (world, fault) => {
    const db = databaseOf(world, fault);
    const target = fault.target as string;
    // The seeds' recovery article: the existing database must be dismounted, otherwise the restore fails.
    if (db.mounted) {
      engine.note('note', target, 'restore-refused', `${db.name} is mounted; dismount it first`);
      return;
    }
    const { replayLogs, backupAt } = paramsOf(fault);
    if (replayLogs === true) {
      // Backup plus log replay brings the database to the moment of failure: nothing is lost (X3). After a lost
      // server that moment is the loss; the mail the dial-tone database received since is merged back in.
      engine.note('note', target, 'restore', `${db.name} with log replay`);
      if (db.beforeLoss !== null) restoreTo(db, db.beforeLoss);
      return;
    }
    const backupAtMs = backupAt ?? engine.nowMs;
    const backup = backupAtOrBefore(db, backupAtMs);
    if (backup === undefined) {
      engine.note('note', target, 'restore-refused', `${db.name} has no backup at or before ${backupAtMs} ms`);
      return;
    }
    // Without logs, what the database got between the backup and the failure is gone (X3); the dial-tone mail of a
    // lost server is not, as it never was in that database (dial-tone.ts).
    engine.note('note', target, 'restore', `${db.name} from backup at ${backup.atMs} ms without logs`);
    restoreTo(db, backup.items);
  });

  defineRecoveryFaults(engine, org, reportTo);
}
