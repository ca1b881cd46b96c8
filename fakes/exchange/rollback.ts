// Puts a database back to earlier contents (a backup, a lagging copy, nothing at all) and tells, copy by copy, what
// each mailbox lost, got back or saw refiled, so the ledger can say which mail a restore took (X3).
import { allItemsOf, replaceAllItems, type DatabaseState, type StoreItem } from './mailbox-store.js';

export type Change = 'gone' | 'back' | 'refiled';
/** `from`: for a copy refiled, the folder it was in before the rollback. */
export type RollbackReport = (item: StoreItem, mailbox: string, change: Change, from?: string) => void;

/** Replaces the database's items by earlier ones, telling what each mailbox lost, got back or saw refiled. */
export function rollBack(db: DatabaseState, backupItems: ReadonlyMap<string, ReadonlyArray<StoreItem>>, report: RollbackReport): void {
  for (const [mailbox, current] of allItemsOf(db)) {
    const before = new Map((backupItems.get(mailbox) ?? []).map((i) => [i.storeId, i]));
    const now = new Map(current.map((i) => [i.storeId, i]));
    for (const item of current) if (!before.has(item.storeId) && item.sent !== true) report(item, mailbox, 'gone');
    for (const [storeId, item] of before) {
      if (item.sent === true) continue; // the sender's own copies are not in the ledger
      const present = now.get(storeId);
      if (present === undefined) report(item, mailbox, 'back');
      else if (present.folder !== item.folder) report(item, mailbox, 'refiled', present.folder);
    }
  }
  replaceAllItems(db, new Map([...db.itemLists.keys()].map((mailbox) => [mailbox, (backupItems.get(mailbox) ?? []).map((i) => ({ ...i }))])));
}
