// Dial-tone recovery (X3): after a lost server (Setup /m:RecoverServer, X4) the users work in an empty database that
// takes mail at once, the dial-tone database; once the old database is restored, what the dial-tone database received
// is merged into it (Exchange's procedure: swap the two, then merge the dial-tone mail back). The dial-tone mail was
// never in the backup nor in the old database's logs, so the merge keeps it whether or not the restore replays them:
// the logs decide only what comes back of the time between the backup and the loss.
import type { StoreItem } from './mailbox-store.js';

export interface Merged {
  readonly items: Map<string, StoreItem[]>;
  /** Every mailbox's list is still in store id and received time order (readers may binary-search it). */
  readonly inOrder: boolean;
}

/**
 * The restored items with the dial-tone database's items merged in, each mailbox's restored items first.
 *
 * [I] A real merge copies each item into the restored mailbox: it keeps its received time, folder and read state, and
 * gets a new item id there. The model keeps the store id too, as the item's identity: the server's store id counter
 * outlived the old hardware, so dial-tone ids are unique and above every restored one, as their received times are
 * (after the loss). Readers select by received time (the router's ThresholdDate, R8; server-side sync's watermark,
 * S6) and tell items of one instant apart by store id, so a merged item a reader processed in the dial-tone database
 * is not read again, and one it had not reached yet is read after the mount: tracked once either way. (With new ids,
 * only items at a watermark's very instant would be read again, and answered Duplicate, S8.)
 *
 * An item in both (the restore picked a backup taken of the dial-tone database itself) is kept as the dial-tone
 * database has it now, once.
 */
export function mergeDialTone(
  restored: ReadonlyMap<string, ReadonlyArray<StoreItem>>, dialTone: ReadonlyMap<string, ReadonlyArray<StoreItem>>,
): Merged {
  const items = new Map<string, StoreItem[]>();
  let inOrder = true;
  for (const mailbox of new Set([...restored.keys(), ...dialTone.keys()])) {
    const kept = dialTone.get(mailbox) ?? [];
    const keptIds = new Set(kept.map((item) => item.storeId));
    const list = [...(restored.get(mailbox) ?? []).filter((item) => !keptIds.has(item.storeId)), ...kept];
    inOrder &&= isInOrder(list);
    items.set(mailbox, list);
  }
  return { items, inOrder };
}

function isInOrder(list: readonly StoreItem[]): boolean {
  for (let i = 1; i < list.length; i++) {
    const before = list[i - 1] as StoreItem;
    const item = list[i] as StoreItem;
    if (item.storeId < before.storeId || item.receivedAtMs < before.receivedAtMs) return false;
  }
  return true;
}
