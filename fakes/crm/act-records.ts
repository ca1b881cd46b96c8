// CRM's appointments, contacts and tasks (S15) as server-side sync sees them through the web service: records with an
// owner, a state and a version, saved with CRM's scheduling check. An appointment that books a resource (a room, a
// piece of equipment, a service engineer) cannot overlap another open appointment booking the same one: CRM refuses
// it with a scheduling conflict, which stops the appointment's sync and raises an alert (S15).
import type { ActEntity, ActFields } from '../exchange/act-items.js';

export type ActState = 'open' | 'completed' | 'canceled';

export interface CrmActRecord extends ActFields {
  readonly id: string;
  readonly entity: ActEntity;
  /** The user whose mailbox it synchronizes with. */
  readonly owner: string;
  readonly state: ActState;
  /** [I] A resource the appointment books; the scheduling check compares these. */
  readonly resource: string | null;
  readonly version: number;
  readonly modifiedAtMs: number;
}

export const ACT_REQUEST = {
  /** The records a user owns. */
  retrieve: 'RetrieveActRecords',
  /** Create or update a record; answers the saved record, or a 409 scheduling conflict. */
  save: 'SaveActRecord',
  delete: 'DeleteActRecord',
} as const;

/** What a caller asks to save: a record without the id and version CRM assigns (an id to update one). */
export interface ActSave {
  readonly id: string | null;
  readonly entity: ActEntity;
  readonly owner: string;
  readonly fields: ActFields;
  readonly state?: ActState;
  readonly resource?: string | null;
}

/**
 * CRM's appointments, contacts and tasks by id, with an index by owner: server-side sync asks for one user's records
 * every cycle (S15), and with many users a scan of every record per cycle grows with users times records. It is a
 * Map, read and written as one; the index follows every set and delete and lists an owner's records in the Map's own
 * order (the order sync works through them in).
 */
export class ActRecordStore extends Map<string, CrmActRecord> {
  private readonly byOwner = new Map<string, Map<string, CrmActRecord>>();

  /** Empty at first: `super(entries)` would call `set` before the index exists. */
  constructor() {
    super();
  }

  /** The records this user owns, in the store's order. */
  ownedBy(owner: string): CrmActRecord[] {
    const owned = this.byOwner.get(owner);
    return owned === undefined ? [] : [...owned.values()];
  }

  override set(id: string, record: CrmActRecord): this {
    const before = super.get(id);
    super.set(id, record);
    if (before !== undefined && before.owner !== record.owner) {
      this.byOwner.get(before.owner)?.delete(id);
      // Rare (a record handed to another user): its place among the new owner's records is its place in the store.
      this.byOwner.set(record.owner, new Map([...super.values()].filter((r) => r.owner === record.owner).map((r) => [r.id, r])));
      return this;
    }
    // A new id goes last in both; an updated one keeps its place in both.
    const owned = this.byOwner.get(record.owner);
    if (owned === undefined) this.byOwner.set(record.owner, new Map([[id, record]]));
    else owned.set(id, record);
    return this;
  }

  override delete(id: string): boolean {
    const before = super.get(id);
    if (before !== undefined) this.byOwner.get(before.owner)?.delete(id);
    return super.delete(id);
  }

  override clear(): void {
    this.byOwner.clear();
    super.clear();
  }
}

/** The open appointment the record would overlap on a shared resource, if any. */
export function schedulingConflict(records: Iterable<CrmActRecord>, candidate: Omit<CrmActRecord, 'version' | 'modifiedAtMs'>): CrmActRecord | undefined {
  if (candidate.entity !== 'appointment' || candidate.resource === null || candidate.state !== 'open') return undefined;
  const { startMs, endMs } = candidate;
  if (startMs === null || endMs === null) return undefined;
  for (const other of records) {
    if (other.id === candidate.id || other.entity !== 'appointment' || other.state !== 'open' || other.resource !== candidate.resource) continue;
    if (other.startMs !== null && other.endMs !== null && other.startMs < endMs && startMs < other.endMs) return other;
  }
  return undefined;
}

/** Saves a record (S15): a new id for a new one, and a higher version; or the appointment it conflicts with. */
export function saveActRecord(records: Map<string, CrmActRecord>, save: ActSave, newId: () => string, nowMs: number): CrmActRecord | { conflict: CrmActRecord } {
  const before = save.id === null ? undefined : records.get(save.id);
  const candidate = {
    ...save.fields, id: before?.id ?? save.id ?? newId(), entity: save.entity, owner: save.owner,
    state: save.state ?? before?.state ?? 'open', resource: save.resource ?? before?.resource ?? null,
  };
  const conflict = schedulingConflict(records.values(), candidate);
  if (conflict !== undefined) return { conflict };
  const saved: CrmActRecord = { ...candidate, version: (before?.version ?? 0) + 1, modifiedAtMs: nowMs };
  records.set(saved.id, saved);
  return saved;
}
