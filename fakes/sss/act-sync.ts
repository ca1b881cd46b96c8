// One appointments, contacts and tasks cycle of server-side sync for one mailbox (S15). Exchange to CRM only for
// items the person tracked; after that, both ways. A CRM record that drops out of the user's filters is deleted from
// Exchange (an appointment the user organises sends its attendees a cancellation) unless
// DistinctPhysicalAndLogicalDeletesForExchangeSync is on; a record deleted in CRM is deleted in Exchange either way.
// Deleting in Exchange: a task deletes the CRM task; a past, completed or not-organised appointment stays in CRM.
// Copies carry the original's link and are ignored. A scheduling conflict stops the appointment's sync (until the
// person edits it) and raises an alert. A tracked item of an entity the user has no filter for is not synchronized;
// an appointment canceled in CRM is removed from Exchange (a cancellation when the user organises it) [I]; a task
// completed in Outlook is completed in CRM.
//
// Sync's own memory of what it linked (`ActMailboxState`) is written the moment CRM answers, and a link is dropped
// only once the delete it stands for is done, so a cycle cut short (Exchange or CRM unreachable) resumes without
// creating a record twice or leaving one behind. [I]
import type { ActFields, ExchangeActItem } from '../exchange/act-items.js';
import type { ActSave, CrmActRecord } from '../crm/act-records.js';
import { inFilters, type SyncFilter } from './sync-filters.js';

export interface ActLink {
  readonly itemId: string;
  crmVersion: number;
  exchangeVersion: number;
  /** The record has been in the user's filters since it was linked: only then can it drop out of them. */
  seenInFilters: boolean;
}

/** Durable per mailbox (it lives in CRM's database with the mailbox record). */
export interface ActMailboxState {
  /** CRM record id -> the Exchange item it is linked to, and the versions of both when last in step. */
  readonly links: Map<string, ActLink>;
  /** Exchange item id -> its version when a scheduling conflict stopped it; retried once the person edits it. */
  readonly stopped: Map<string, number>;
  /**
   * Items left in Exchange when their record dropped out of the filters (distinct deletes): no longer synced, but
   * still linked, so a real delete in CRM still removes them and a record that comes back is not made twice.
   */
  readonly dropped: Set<string>;
  /**
   * Records whose item the person deleted in Exchange while the delete did not reach CRM (a past, completed or
   * not-organised appointment, a contact): never put back into the mailbox. [I]
   */
  readonly removedInExchange: Set<string>;
}

export function newActMailboxState(): ActMailboxState {
  return { links: new Map(), stopped: new Map(), dropped: new Set(), removedInExchange: new Set() };
}

export interface ActStats {
  createdInCrm: number;
  createdInExchange: number;
  updatedInCrm: number;
  updatedInExchange: number;
  deletedInCrm: number;
  deletedInExchange: number;
  /** Appointments deleted from the organiser's calendar: their attendees received a cancellation. */
  cancellationsSent: number;
  /** Records that dropped out of the filters and stayed in Exchange (distinct deletes on). */
  keptAfterDroppingOut: number;
  /** Exchange deletes that did not reach CRM (past, completed or not-organised appointments; contacts). */
  exchangeDeletesNotSynced: number;
  conflicts: number;
  /** Copied items met (each counted once). */
  readonly copiesIgnored: Set<string>;
}

/** What ACT sync did in a run, as plain counts (reports, `expect.act`). */
export const ACT_COUNT_NAMES = [
  'createdInCrm', 'createdInExchange', 'updatedInCrm', 'updatedInExchange', 'deletedInCrm', 'deletedInExchange',
  'cancellationsSent', 'keptAfterDroppingOut', 'exchangeDeletesNotSynced', 'conflicts', 'copiesIgnored',
] as const;
export type ActCountName = (typeof ACT_COUNT_NAMES)[number];
export type ActCounts = Readonly<Record<ActCountName, number>>;

export function actCountsOf(stats: ActStats): ActCounts {
  return { ...stats, copiesIgnored: stats.copiesIgnored.size };
}

export function newActStats(): ActStats {
  return {
    createdInCrm: 0, createdInExchange: 0, updatedInCrm: 0, updatedInExchange: 0, deletedInCrm: 0, deletedInExchange: 0,
    cancellationsSent: 0, keptAfterDroppingOut: 0, exchangeDeletesNotSynced: 0, conflicts: 0, copiesIgnored: new Set(),
  };
}

/** How the cycle reaches Exchange and CRM. Each throws `ActSyncInterrupted` when its side cannot be reached. */
export interface ActPorts {
  saveCrm(save: ActSave): CrmActRecord | { conflict: CrmActRecord };
  deleteCrm(id: string): void;
  putItem(item: ExchangeActItem): void;
  deleteItem(itemId: string): void;
  alert(subject: string, text: string): void;
}

export class ActSyncInterrupted extends Error {}

export interface ActCycleInput {
  readonly mailbox: string;
  /** The mailbox's items and the records its user owns, as read at the start of the cycle. */
  readonly items: readonly ExchangeActItem[];
  readonly records: readonly CrmActRecord[];
  readonly filters: readonly SyncFilter[];
  readonly distinctDeletes: boolean;
  readonly nowMs: number;
}

function fieldsOf(source: ActFields): ActFields {
  const { subject, startMs, endMs, dueMs, completed, organizer, attendees } = source;
  return { subject, startMs, endMs, dueMs, completed, organizer, attendees };
}

/** Runs one cycle; returns null, or why it stopped early (the next cycle picks up where it left off). */
export function syncActOnce(input: ActCycleInput, state: ActMailboxState, stats: ActStats, ports: ActPorts): string | null {
  try {
    const created = exchangeToCrm(input, state, stats, ports);
    const deleted = exchangeDeletes(input, state, stats, ports);
    crmToExchange({ ...input, records: input.records.filter((r) => !deleted.has(r.id)) }, state, stats, ports, created);
    return null;
  } catch (error) {
    if (error instanceof ActSyncInterrupted) return error.message;
    throw error;
  }
}

function conflicted(input: ActCycleInput, state: ActMailboxState, stats: ActStats, ports: ActPorts, item: ExchangeActItem, other: CrmActRecord): void {
  state.stopped.set(item.itemId, item.version);
  stats.conflicts++;
  ports.alert(input.mailbox, `appointment '${item.subject}' not synchronized: scheduling conflict with '${other.subject}' (${other.resource})`);
}

/** What saving an item to CRM sends: a task done in Outlook is completed in CRM too. */
function saveOf(input: ActCycleInput, id: string | null, item: ExchangeActItem): ActSave {
  return {
    id, entity: item.entity, owner: input.mailbox, fields: fieldsOf(item),
    ...(item.entity === 'task' ? { state: item.completed ? 'completed' as const : 'open' as const } : {}),
  };
}

/** Returns the ids of the records it created (not in the records read at the start of the cycle). */
function exchangeToCrm(input: ActCycleInput, state: ActMailboxState, stats: ActStats, ports: ActPorts): Set<string> {
  const created = new Set<string>();
  const records = new Map(input.records.map((r) => [r.id, r]));
  const linkedByItem = new Map([...state.links].map(([crmId, link]) => [link.itemId, crmId]));
  for (const item of input.items) {
    if (item.copiedFrom !== null) {
      stats.copiesIgnored.add(`${input.mailbox} ${item.itemId}`);
      continue;
    }
    if (state.dropped.has(item.itemId)) continue;
    const stoppedAt = state.stopped.get(item.itemId);
    if (stoppedAt !== undefined && item.version <= stoppedAt) continue;
    state.stopped.delete(item.itemId);
    const crmId = item.crmId ?? linkedByItem.get(item.itemId) ?? null;
    if (crmId === null) {
      // S15: Exchange to CRM only for tracked items, and no filter for the entity, not synchronized.
      if (!item.tracked || !input.filters.some((f) => f.entity === item.entity)) continue;
      const saved = ports.saveCrm(saveOf(input, null, item));
      if ('conflict' in saved) {
        conflicted(input, state, stats, ports, item, saved.conflict);
        continue;
      }
      state.links.set(saved.id, { itemId: item.itemId, crmVersion: saved.version, exchangeVersion: item.version, seenInFilters: false });
      created.add(saved.id);
      stats.createdInCrm++;
      ports.putItem({ ...item, crmId: saved.id });
      continue;
    }
    const record = records.get(crmId);
    const link = state.links.get(crmId);
    if (record === undefined) continue; // linked to a record this organisation does not have (or deleted: see below)
    if (link === undefined) {
      // Linked by someone else (another client, an earlier sync): take it as in step.
      state.links.set(crmId, { itemId: item.itemId, crmVersion: record.version, exchangeVersion: item.version, seenInFilters: false });
      continue;
    }
    if (item.crmId === null) ports.putItem({ ...item, crmId }); // a cycle cut short before the link was written
    if (item.version <= link.exchangeVersion) continue;
    // Both changed since the last cycle: [I] the later change wins; CRM's is applied in crmToExchange.
    if (record.version > link.crmVersion && record.modifiedAtMs > item.modifiedAtMs) continue;
    const saved = ports.saveCrm(saveOf(input, crmId, item));
    if ('conflict' in saved) {
      conflicted(input, state, stats, ports, item, saved.conflict);
      continue;
    }
    link.crmVersion = saved.version;
    link.exchangeVersion = item.version;
    stats.updatedInCrm++;
  }
  return created;
}

/** Returns the records it deleted in CRM (the cycle's snapshot of records still holds them). */
function exchangeDeletes(input: ActCycleInput, state: ActMailboxState, stats: ActStats, ports: ActPorts): Set<string> {
  const deleted = new Set<string>();
  const present = new Set(input.items.map((i) => i.itemId));
  const records = new Map(input.records.map((r) => [r.id, r]));
  for (const [crmId, link] of [...state.links]) {
    if (present.has(link.itemId)) continue;
    const record = records.get(crmId);
    if (record === undefined || state.dropped.has(link.itemId)) {
      // Gone from CRM too, or no longer synchronized (kept after dropping out): nothing to tell CRM.
      state.dropped.delete(link.itemId);
      state.links.delete(crmId);
      continue;
    }
    const reaches = record.entity === 'task'
      || (record.entity === 'appointment' && record.state === 'open' && record.organizer === input.mailbox
        && (record.endMs === null || record.endMs >= input.nowMs));
    if (reaches) ports.deleteCrm(crmId);
    state.links.delete(crmId);
    if (reaches) {
      deleted.add(crmId);
      stats.deletedInCrm++;
    } else {
      state.removedInExchange.add(crmId);
      stats.exchangeDeletesNotSynced++;
    }
  }
  return deleted;
}

function removeFromExchange(input: ActCycleInput, stats: ActStats, ports: ActPorts, item: ExchangeActItem): void {
  ports.deleteItem(item.itemId);
  stats.deletedInExchange++;
  if (item.entity === 'appointment' && item.organizer === input.mailbox && item.attendees.length > 0) stats.cancellationsSent++;
}

function crmToExchange(input: ActCycleInput, state: ActMailboxState, stats: ActStats, ports: ActPorts, createdThisCycle: ReadonlySet<string>): void {
  const items = new Map(input.items.map((i) => [i.itemId, i]));
  const records = new Set([...input.records.map((r) => r.id), ...createdThisCycle]);
  for (const record of input.records) {
    const link = state.links.get(record.id);
    const canceled = record.entity === 'appointment' && record.state === 'canceled';
    const wanted = !canceled && inFilters(record, input.filters, input.nowMs);
    if (link === undefined) {
      if (!wanted || state.removedInExchange.has(record.id)) continue;
      const item: ExchangeActItem = {
        ...fieldsOf(record), itemId: `crm-${record.id}`, entity: record.entity, crmId: record.id, tracked: true, copiedFrom: null,
        version: 1, modifiedAtMs: input.nowMs,
      };
      ports.putItem(item);
      state.links.set(record.id, { itemId: item.itemId, crmVersion: record.version, exchangeVersion: item.version, seenInFilters: true });
      stats.createdInExchange++;
      continue;
    }
    const item = items.get(link.itemId);
    if (item === undefined || state.stopped.has(item.itemId)) continue;
    if (state.dropped.has(item.itemId)) {
      if (!wanted) continue;
      // Back in the filters: the item left in Exchange is synchronized again (CRM's version goes to it).
      state.dropped.delete(item.itemId);
      link.crmVersion = 0;
    }
    if (wanted) link.seenInFilters = true;
    // Canceled in CRM: removed, whatever the filters; dropped out of them: removed unless distinct deletes keep it.
    // A record tracked from Exchange that never was in the filters has nothing to drop out of.
    if (canceled || (!wanted && link.seenInFilters)) {
      if (input.distinctDeletes && !canceled) {
        state.dropped.add(item.itemId);
        stats.keptAfterDroppingOut++;
      } else {
        removeFromExchange(input, stats, ports, item);
        state.links.delete(record.id);
      }
      continue;
    }
    if (!wanted || record.version <= link.crmVersion) continue;
    const updated: ExchangeActItem = { ...item, ...fieldsOf(record), crmId: record.id, version: item.version + 1, modifiedAtMs: input.nowMs };
    ports.putItem(updated);
    link.crmVersion = record.version;
    link.exchangeVersion = updated.version;
    stats.updatedInExchange++;
  }
  // Deleted in CRM: deleted in Exchange, whatever the distinct-delete setting.
  for (const [crmId, link] of [...state.links]) {
    const item = items.get(link.itemId);
    if (records.has(crmId) || item === undefined) continue;
    removeFromExchange(input, stats, ports, item);
    state.links.delete(crmId);
  }
}
