// Appointments, contacts and tasks in an Exchange mailbox (S15): what a person creates, edits, copies, deletes or
// tracks in Outlook, and what server-side sync reads and writes over EWS. An item carries the id of the CRM record it
// is linked to (the linking property); a copy carries it too, which is why sync must ignore copies.

export const ACT_READ = 'act-read';
export const ACT_WRITE = 'act-write';

export type ActEntity = 'appointment' | 'contact' | 'task';
export const ACT_ENTITIES: readonly ActEntity[] = ['appointment', 'contact', 'task'];

/** The fields both sides share; `startMs`/`endMs` for appointments, `dueMs` for tasks. */
export interface ActFields {
  readonly subject: string;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly dueMs: number | null;
  /** Tasks: done. (An appointment's completion lives in CRM only.) */
  readonly completed: boolean;
  /** Appointments: who organises it, and who gets its invitations and cancellations. */
  readonly organizer: string | null;
  readonly attendees: readonly string[];
}

export interface ExchangeActItem extends ActFields {
  readonly itemId: string;
  readonly entity: ActEntity;
  /** The CRM record this item is linked to (S15), or null. */
  readonly crmId: string | null;
  /** The person asked to track it in CRM (S15: Exchange to CRM only for tracked items). */
  readonly tracked: boolean;
  /** Made by copying another item: it carries that item's link, and sync ignores it (S15). */
  readonly copiedFrom: string | null;
  /** Grows with every change, so sync sees what changed since it last looked. */
  readonly version: number;
  readonly modifiedAtMs: number;
}

export interface ActRead {
  readonly mailbox: string;
}

/** One change sync (or a person) makes to a mailbox's items. */
export type ActWrite =
  | { readonly op: 'put'; readonly mailbox: string; readonly item: ExchangeActItem }
  | { readonly op: 'delete'; readonly mailbox: string; readonly itemId: string };

/** A mailbox's items: created on first use. */
export function itemsOf(store: Map<string, ExchangeActItem[]>, mailbox: string): ExchangeActItem[] {
  const key = mailbox.toLowerCase();
  let items = store.get(key);
  if (items === undefined) {
    items = [];
    store.set(key, items);
  }
  return items;
}

/** Applies a write; a put replaces the item with the same id or adds it. Returns false when there was nothing to delete. */
export function applyActWrite(store: Map<string, ExchangeActItem[]>, write: ActWrite): boolean {
  const items = itemsOf(store, write.mailbox);
  const id = write.op === 'put' ? write.item.itemId : write.itemId;
  const index = items.findIndex((i) => i.itemId === id);
  if (write.op === 'delete') {
    if (index < 0) return false;
    items.splice(index, 1);
    return true;
  }
  if (index < 0) items.push(write.item);
  else items[index] = write.item;
  return true;
}

/** A person's change to an item or record, as a scenario states it (absent fields stay as they were). */
export interface ActChange {
  readonly id: string;
  readonly entity?: ActEntity;
  readonly subject?: string;
  readonly startMs?: number;
  readonly endMs?: number;
  readonly dueMs?: number;
  readonly completed?: boolean;
  readonly organizer?: string;
  readonly attendees?: readonly string[];
  /** Exchange: the person tracks the item in CRM as it is created. */
  readonly tracked?: boolean;
  /** Exchange `copy`: the new item's id. */
  readonly copyId?: string;
  /** CRM: the owning user; and a resource the appointment books. */
  readonly owner?: string;
  readonly resource?: string;
}

const NO_FIELDS: ActFields = { subject: '', startMs: null, endMs: null, dueMs: null, completed: false, organizer: null, attendees: [] };

/** The fields after a change; `owner` is the organiser of a new appointment unless the change names one. */
export function changedFields(base: ActFields | undefined, change: ActChange, owner: string): ActFields {
  const before = base ?? { ...NO_FIELDS, subject: change.id, organizer: change.entity === 'appointment' ? owner : null };
  return {
    subject: change.subject ?? before.subject,
    startMs: change.startMs ?? before.startMs,
    endMs: change.endMs ?? before.endMs,
    dueMs: change.dueMs ?? before.dueMs,
    completed: change.completed ?? before.completed,
    organizer: change.organizer?.toLowerCase() ?? before.organizer,
    attendees: change.attendees?.map((a) => a.toLowerCase()) ?? before.attendees,
  };
}
