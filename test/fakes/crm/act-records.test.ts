// CRM's appointments, contacts and tasks store (S15): the owner index answers exactly what a scan of every record
// would, in the same order, through creates, updates, deletes and records handed to another user.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ActRecordStore, type CrmActRecord } from '../../../fakes/crm/act-records.js';

const OWNERS = ['paul', 'anna', 'lee'];

function record(id: string, owner: string, version: number): CrmActRecord {
  return {
    id, entity: 'task', owner, state: 'open', resource: null, version, modifiedAtMs: version,
    subject: id, startMs: null, endMs: null, dueMs: null, completed: false, organizer: owner, attendees: [],
  };
}

describe('ActRecordStore', () => {
  it('lists an owner\'s records as a scan of the whole store would', () => {
    const op = fc.record({ kind: fc.constantFrom('set', 'set', 'delete', 'clear'), id: fc.integer({ min: 0, max: 6 }), owner: fc.constantFrom(...OWNERS) });
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const store = new ActRecordStore();
      let version = 0;
      for (const { kind, id, owner } of ops) {
        if (kind === 'set') store.set(`r${id}`, record(`r${id}`, owner, ++version));
        else if (kind === 'delete') store.delete(`r${id}`);
        else if (version % 7 === 0) store.clear();
        for (const o of OWNERS) expect(store.ownedBy(o)).toEqual([...store.values()].filter((r) => r.owner === o));
      }
    }));
  });
});
