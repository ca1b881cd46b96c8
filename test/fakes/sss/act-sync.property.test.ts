// A property of ACT sync (S15) over the real cycle, CRM's real save and Exchange's real store functions: whatever
// people do on both sides, in any order, with cycles cut short at any call (Exchange or CRM unreachable), once things
// settle every record and every tracked item are linked one to one, with the same fields, and nothing is made twice.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyActWrite, changedFields, itemsOf, type ActEntity, type ExchangeActItem } from '../../../fakes/exchange/act-items.js';
import { saveActRecord, type CrmActRecord } from '../../../fakes/crm/act-records.js';
import { ActSyncInterrupted, newActMailboxState, newActStats, syncActOnce, type ActPorts } from '../../../fakes/sss/act-sync.js';
import type { SyncFilter } from '../../../fakes/sss/sync-filters.js';

const PAUL = 'paul@contoso.example';
const ALL: SyncFilter[] = (['appointment', 'contact', 'task'] as const).map((entity) => ({ entity, withinMs: null, state: 'any' }));

type Step =
  | { kind: 'outlook-create'; entity: ActEntity; tracked: boolean }
  | { kind: 'outlook-edit' | 'outlook-delete' | 'outlook-copy' | 'outlook-track' | 'crm-edit' | 'crm-delete'; pick: number }
  | { kind: 'crm-create'; entity: ActEntity }
  | { kind: 'cycle'; failAfter: number | null };

const entity = fc.constantFrom<ActEntity>('appointment', 'contact', 'task');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('outlook-create' as const), entity, tracked: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('outlook-edit', 'outlook-delete', 'outlook-copy', 'outlook-track', 'crm-edit', 'crm-delete'), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('crm-create' as const), entity }),
  fc.record({ kind: fc.constant('cycle' as const), failAfter: fc.option(fc.nat(6)) }),
);

function play(steps: readonly Step[]) {
  const exchange = new Map<string, ExchangeActItem[]>();
  const crm = new Map<string, CrmActRecord>();
  const state = newActMailboxState();
  const stats = newActStats();
  let now = 0;
  let serial = 0;
  /** Records whose linked item a person deleted in Outlook (when the item showed its link): never put back. */
  const deletedByPerson = new Set<string>();
  /** Contacts a person deleted in Outlook: their delete does not reach CRM, so their records stay there. */
  let contactsDeleted = 0;
  const items = () => itemsOf(exchange, PAUL);
  const cycle = (failAfter: number | null) => {
    let calls = 0;
    const reach = () => {
      if (failAfter !== null && calls++ >= failAfter) throw new ActSyncInterrupted('unreachable');
    };
    const ports: ActPorts = {
      saveCrm: (save) => (reach(), saveActRecord(crm, save, () => `act-${++serial}`, now)),
      deleteCrm: (id) => void (reach(), crm.delete(id)),
      putItem: (item) => void (reach(), applyActWrite(exchange, { op: 'put', mailbox: PAUL, item })),
      deleteItem: (itemId) => void (reach(), applyActWrite(exchange, { op: 'delete', mailbox: PAUL, itemId })),
      alert: () => undefined,
    };
    syncActOnce({ mailbox: PAUL, items: items().map((i) => ({ ...i })), records: [...crm.values()].filter((r) => r.owner === PAUL), filters: ALL, distinctDeletes: false, nowMs: now }, state, stats, ports);
  };
  for (const s of steps) {
    now += 60_000;
    const list = items();
    const picked = 'pick' in s ? list[s.pick % Math.max(1, list.length)] : undefined;
    const record = 'pick' in s ? [...crm.values()][s.pick % Math.max(1, crm.size)] : undefined;
    switch (s.kind) {
      case 'outlook-create': {
        const id = `x${++serial}`;
        list.push({ ...changedFields(undefined, { id, entity: s.entity }, PAUL), itemId: id, entity: s.entity, crmId: null, tracked: s.tracked, copiedFrom: null, version: 1, modifiedAtMs: now });
        break;
      }
      case 'outlook-edit':
      case 'outlook-track':
        if (picked !== undefined) list.splice(list.indexOf(picked), 1, { ...picked, subject: `edited ${now}`, tracked: picked.tracked || s.kind === 'outlook-track', version: picked.version + 1, modifiedAtMs: now });
        break;
      case 'outlook-delete':
        if (picked !== undefined) list.splice(list.indexOf(picked), 1);
        if (picked?.crmId != null && picked.copiedFrom === null) deletedByPerson.add(picked.crmId);
        if (picked?.entity === 'contact' && picked.copiedFrom === null) contactsDeleted++;
        break;
      case 'outlook-copy':
        if (picked !== undefined) list.push({ ...picked, itemId: `x${++serial}`, copiedFrom: picked.itemId, version: 1, modifiedAtMs: now });
        break;
      case 'crm-create':
        saveActRecord(crm, { id: null, entity: s.entity, owner: PAUL, fields: changedFields(undefined, { id: `r${serial}`, entity: s.entity }, PAUL) }, () => `r${++serial}`, now);
        break;
      case 'crm-edit':
        if (record !== undefined) saveActRecord(crm, { id: record.id, entity: record.entity, owner: PAUL, fields: { ...record, subject: `crm ${now}` } }, () => '', now);
        break;
      case 'crm-delete':
        if (record !== undefined) crm.delete(record.id);
        break;
      case 'cycle':
        cycle(s.failAfter);
    }
  }
  // Things settle: two undisturbed cycles.
  for (let k = 0; k < 2; k++) {
    now += 600_000;
    cycle(null);
  }
  return { items: items(), crm, stats, deletedByPerson, contactsDeleted };
}

describe('ACT sync settles one to one (S15)', () => {
  it('every record and every tracked item end linked one to one with equal fields, whatever the order and the interruptions', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const { items, crm, deletedByPerson, contactsDeleted } = play(steps);
      const originals = items.filter((i) => i.copiedFrom === null);
      const linked = originals.filter((i) => i.crmId !== null);
      // Nothing made twice: no record has two original items; what a person deleted is never put back.
      expect(new Set(linked.map((i) => i.crmId)).size).toBe(linked.length);
      for (const item of linked) expect(deletedByPerson.has(item.crmId ?? '')).toBe(false);
      // Every record has its item, except contacts a person deleted in Outlook: that delete does not reach CRM (S15;
      // here every appointment is organised by the user and undated, so its delete does).
      const unlinked = [...crm.values()].filter((r) => !linked.some((i) => i.crmId === r.id));
      for (const record of unlinked) expect(record.entity).toBe('contact');
      expect(unlinked.length).toBeLessThanOrEqual(contactsDeleted);
      // Every tracked item reached CRM (Exchange to CRM only for tracked ones).
      for (const item of originals) if (item.tracked) expect(item.crmId).not.toBeNull();
      for (const item of linked) expect(item.subject).toBe(crm.get(item.crmId ?? '')?.subject);
    }), {
      numRuns: 1_000,
      // Found by this property: a delete in Exchange cut short used to forget the link first and leave the item behind.
      examples: [
        [[{ kind: 'outlook-create', entity: 'appointment', tracked: true }, { kind: 'cycle', failAfter: null }, { kind: 'crm-delete', pick: 0 }, { kind: 'cycle', failAfter: 0 }]],
        // Found by a helper's scenario: a deleted item used to come back from the cycle's snapshot of CRM.
        [[{ kind: 'outlook-create', entity: 'contact', tracked: true }, { kind: 'cycle', failAfter: null }, { kind: 'outlook-delete', pick: 0 }]],
        [[{ kind: 'outlook-create', entity: 'task', tracked: true }, { kind: 'cycle', failAfter: null }, { kind: 'outlook-delete', pick: 0 }]],
      ],
    });
  });
});
