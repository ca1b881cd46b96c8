// The model side of the mailbox-store command test (issue 8): a plain list of items per mailbox, and the Exchange
// operations that change it written as simply as they can be, so the real store is checked against them. The
// semantics are those the code implements (X2 Safety Net, X3 restore, X4 RecoverServer), not new ones.

export const ALICE = 'alice@contoso.example';
export const BOB = 'bob@contoso.example';
export const CAROL = 'carol@contoso.example';
export const MAILBOXES = [ALICE, BOB, CAROL] as const;
export const DATABASES = ['db1', 'db2'] as const;
export const DATABASE_OF: Readonly<Record<string, string>> = { [ALICE]: 'db1', [BOB]: 'db1', [CAROL]: 'db2' };
export const FOLDERS = ['Inbox', 'Archive', 'Junk', 'Deleted Items', 'Sent Items'] as const;
export const SERVER = 'ex1';
/** X2: Safety Net holds delivered mail 2 days (DEFAULT_EXCHANGE_SETTINGS.safetyNetHoldMs). */
export const HOLD_MS = 2 * 86_400_000;

export interface ModelItem {
  readonly storeId: number;
  readonly messageId: string;
  folder: string;
  readonly receivedAtMs: number;
  readonly sent: boolean;
}

/** Mailbox -> its items in arrival order (the order reads return them in). */
export type ModelItems = Map<string, ModelItem[]>;

export interface Model {
  nowMs: number;
  /** Store ids come from one counter per server, in delivery order (Sent Items copies take one too). */
  nextStoreId: number;
  /** Transport stamps `<n.ex1@contoso.example>` on mail that arrives without a Message-ID. */
  nextStampedId: number;
  nextMessage: number;
  /** Every Message-ID used so far: a later submission may reuse one (a sender's retry after a lost 250). */
  readonly messageIds: string[];
  items: ModelItems;
  readonly backups: Map<string, Array<{ readonly atMs: number; readonly items: ModelItems }>>;
  readonly beforeLoss: Map<string, ModelItems | null>;
  safetyNet: Array<{ readonly atMs: number; readonly database: string; readonly mailbox: string; readonly item: ModelItem }>;
}

export function newModel(): Model {
  return {
    nowMs: 0, nextStoreId: 1, nextStampedId: 1, nextMessage: 1, messageIds: [],
    items: new Map(MAILBOXES.map((m) => [m, []])),
    backups: new Map(DATABASES.map((d) => [d, []])),
    beforeLoss: new Map(DATABASES.map((d) => [d, null])),
    safetyNet: [],
  };
}

export function itemsOf(model: Model, mailbox: string): ModelItem[] {
  const items = model.items.get(mailbox);
  if (items === undefined) throw new Error(`model has no mailbox ${mailbox}`);
  return items;
}

/** A copy of one database's mailboxes. */
export function copyDatabase(items: ModelItems, database: string): ModelItems {
  return new Map([...items].filter(([m]) => DATABASE_OF[m] === database).map(([m, list]) => [m, list.map((i) => ({ ...i }))]));
}

/** Replaces one database's mailboxes by `from` (a mailbox missing there ends empty). */
export function putBack(model: Model, database: string, from: ModelItems): void {
  for (const mailbox of MAILBOXES) {
    if (DATABASE_OF[mailbox] === database) model.items.set(mailbox, (from.get(mailbox) ?? []).map((i) => ({ ...i })));
  }
}

/**
 * X3 after a lost server (X4): the restored items, then what the dial-tone database received since the loss, merged
 * back in (an item in both is kept as the dial-tone database has it). Without a lost server, the restored items alone.
 */
export function restoreDatabase(model: Model, database: string, restored: ModelItems): void {
  const lost = (model.beforeLoss.get(database) ?? null) !== null;
  model.beforeLoss.set(database, null);
  if (!lost) {
    putBack(model, database, restored);
    return;
  }
  const dialTone = copyDatabase(model.items, database);
  const merged: ModelItems = new Map();
  for (const [mailbox, kept] of dialTone) {
    const keptIds = new Set(kept.map((i) => i.storeId));
    merged.set(mailbox, [...(restored.get(mailbox) ?? []).filter((i) => !keptIds.has(i.storeId)), ...kept]);
  }
  putBack(model, database, merged);
}

/** One delivered copy: it lands in the Inbox and Safety Net keeps a copy (X2). */
export function deliverTo(model: Model, mailbox: string, messageId: string): void {
  const item: ModelItem = { storeId: model.nextStoreId++, messageId, folder: 'Inbox', receivedAtMs: model.nowMs, sent: false };
  itemsOf(model, mailbox).push(item);
  model.safetyNet.push({ atMs: model.nowMs, database: DATABASE_OF[mailbox] ?? '', mailbox, item: { ...item } });
}

/**
 * X2 as the code does it: every copy Safety Net still holds for the database since `sinceMs` comes back to the Inbox
 * with its old store id and received time, unless the mailbox holds an item (any folder, a sent copy too) with the
 * same Message-ID.
 */
export function resubmit(model: Model, database: string, sinceMs: number): void {
  for (const entry of model.safetyNet) {
    if (entry.database !== database || entry.atMs < sinceMs || entry.atMs <= model.nowMs - HOLD_MS) continue;
    const items = itemsOf(model, entry.mailbox);
    if (items.some((i) => i.messageId === entry.item.messageId)) continue;
    items.push({ ...entry.item, folder: 'Inbox' });
  }
}

/** The latest backup at or before `atMs` (backups are taken in time order). */
export function backupAtOrBeforeModel(model: Model, database: string, atMs: number): ModelItems | undefined {
  return (model.backups.get(database) ?? []).filter((b) => b.atMs <= atMs).at(-1)?.items;
}

/** What a folder read returns: that folder's received items (never sent copies) past both watermarks, in arrival order. */
export function expectedRead(model: Model, mailbox: string, folder: string, afterStoreId: number, receivedAfterMs: number | null): ModelItem[] {
  return itemsOf(model, mailbox).filter((i) => i.folder === folder && !i.sent && i.storeId > afterStoreId
    && (receivedAfterMs === null || i.receivedAtMs > receivedAfterMs));
}

export const short = (mailbox: string): string => mailbox.slice(0, mailbox.indexOf('@'));

export function formatMs(ms: number): string {
  if (ms % 86_400_000 === 0 && ms > 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  return `${ms}ms`;
}
