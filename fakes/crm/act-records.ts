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
