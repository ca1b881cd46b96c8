// People at work in Outlook on appointments, contacts and tasks (S15), as an operation on the mailbox's server:
// create an item (tracked in CRM or not), edit it, delete it, copy it (the copy keeps the CRM link), or track an
// existing one. Sync only sees what they leave behind at its next cycle.
import type { Engine } from '../../sim/core/engine.js';
import type { Fault } from '../../sim/core/fault.js';
import { changedFields, itemsOf, type ExchangeActItem } from './act-items.js';
import { serverOf } from './fault-targets.js';
import { paramsOf, requiredItem } from '../operations/operation-params.js';

export const ACT_ACTIONS_EXCHANGE = ['create', 'edit', 'delete', 'copy', 'track'] as const;

export function defineExchangeActFaults(engine: Engine): void {
  engine.defineFaultVerb('exchangeItem', (world, fault) => {
    const server = serverOf(world, fault);
    const params = paramsOf(fault);
    const mailbox = params.mailbox ?? '';
    const db = [...server.databases.values()].find((d) => d.itemLists.has(mailbox));
    if (db === undefined) throw new Error(`'exchangeItem': mailbox ${mailbox} is not on server ${server.name}`);
    const items = itemsOf(db.act, mailbox);
    const change = requiredItem(fault, params);
    const index = items.findIndex((i) => i.itemId === change.id);
    const existing = items[index];
    const action = actionOf(fault);
    const nowMs = engine.nowMs;
    if (action === 'create') {
      // An id sync chose (crm-<record>) can meet the one a scenario gives: the person's create is then refused.
      if (existing !== undefined) return engine.note('note', server.name, 'act-refused', `${mailbox} already has an item ${change.id}`);
      items.push({
        ...changedFields(undefined, change, mailbox), itemId: change.id, entity: change.entity ?? 'appointment', crmId: null,
        tracked: change.tracked ?? false, copiedFrom: null, version: 1, modifiedAtMs: nowMs,
      });
      return;
    }
    // The item may be gone already (sync deleted it): a person cannot act on what is not there.
    if (existing === undefined) return;
    if (action === 'delete') items.splice(index, 1);
    else if (action === 'copy') items.push({ ...existing, itemId: change.copyId ?? freshCopyId(items, existing.itemId), copiedFrom: existing.itemId, version: 1, modifiedAtMs: nowMs });
    else items[index] = edited(existing, action === 'track' ? { ...existing, tracked: true } : { ...existing, ...changedFields(existing, change, mailbox) }, nowMs);
  });
}

/** `<id>-copy`, `<id>-copy-2`, ...: the first not taken in the mailbox. */
function freshCopyId(items: readonly ExchangeActItem[], id: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${id}-copy` : `${id}-copy-${n}`;
    if (!items.some((i) => i.itemId === candidate)) return candidate;
  }
}

function edited(before: ExchangeActItem, after: ExchangeActItem, nowMs: number): ExchangeActItem {
  return { ...after, version: before.version + 1, modifiedAtMs: nowMs };
}

function actionOf(fault: Fault): (typeof ACT_ACTIONS_EXCHANGE)[number] {
  const { action } = paramsOf(fault);
  if (!(ACT_ACTIONS_EXCHANGE as readonly unknown[]).includes(action)) throw new Error(`'exchangeItem': unknown action ${JSON.stringify(action)}`);
  return action as (typeof ACT_ACTIONS_EXCHANGE)[number];
}
