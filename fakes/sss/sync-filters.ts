// Synchronization filters (S15): which CRM appointments, contacts and tasks go to a user's mailbox. The filters of
// an entity form a union; an entity without a filter is not synchronized at all. A record that stops matching (it
// completes, or its date slips out of a "last two weeks" window) drops out of the filters, and sync deletes it from
// Exchange unless the distinct-delete setting is on.
import type { ActEntity } from '../exchange/act-items.js';
import type { CrmActRecord } from '../crm/act-records.js';

export interface SyncFilter {
  readonly entity: ActEntity;
  /** Only records whose date is at most this long ago (S14 advises two weeks); null: any date. */
  readonly withinMs: number | null;
  /** Only open records, or any state. */
  readonly state: 'open' | 'any';
}

/** The instant a filter's window looks at: an appointment's end, a task's due date, else the last change. [I] */
function dateOf(record: CrmActRecord): number {
  if (record.entity === 'appointment') return record.endMs ?? record.modifiedAtMs;
  if (record.entity === 'task') return record.dueMs ?? record.modifiedAtMs;
  return record.modifiedAtMs;
}

export function matchesFilter(record: CrmActRecord, filter: SyncFilter, nowMs: number): boolean {
  if (filter.entity !== record.entity) return false;
  if (filter.state === 'open' && record.state !== 'open') return false;
  return filter.withinMs === null || dateOf(record) >= nowMs - filter.withinMs;
}

/** S15: the union of the entity's filters; no filter for the entity, not synchronized. */
export function inFilters(record: CrmActRecord, filters: readonly SyncFilter[], nowMs: number): boolean {
  return filters.some((f) => matchesFilter(record, f, nowMs));
}
