// People at work in CRM on appointments, contacts and tasks (S15): create a record for a user, edit it, complete or
// cancel it, or delete it. CRM's scheduling check applies: a conflicting appointment is refused (noted in the trace).
import type { Engine } from '../../sim/core/engine.js';
import { requireTarget, type Fault } from '../../sim/core/fault.js';
import { changedFields } from '../exchange/act-items.js';
import { saveActRecord } from './act-records.js';
import type { CrmServerDurable } from './crm-server.js';
import { paramsOf, requiredItem } from '../operations/operation-params.js';

export const ACT_ACTIONS_CRM = ['create', 'edit', 'complete', 'cancel', 'delete'] as const;

export function defineCrmActFaults(engine: Engine): void {
  engine.defineFaultVerb('crmRecord', (world, fault) => {
    const target = requireTarget(world, fault);
    const { db } = world.durableOf(target) as CrmServerDurable;
    const change = requiredItem(fault, paramsOf(fault));
    const existing = db.actRecords.get(change.id);
    const action = actionOf(fault);
    // An id CRM chose for a record tracked from Outlook (act-N) can meet the one a scenario gives: refused, noted.
    if (action === 'create' && existing !== undefined) return engine.note('note', target, 'act-refused', `${target} already has a record ${change.id}`);
    if (action !== 'create' && existing === undefined) return;
    if (action === 'delete') {
      db.actRecords.delete(change.id);
      return;
    }
    const owner = (change.owner ?? existing?.owner ?? '').toLowerCase();
    const saved = saveActRecord(db.actRecords, {
      id: change.id, entity: existing?.entity ?? change.entity ?? 'appointment', owner, fields: changedFields(existing, action === 'complete' ? { ...change, completed: true } : change, owner),
      ...(action === 'complete' ? { state: 'completed' as const } : action === 'cancel' ? { state: 'canceled' as const } : {}),
      ...(change.resource === undefined ? {} : { resource: change.resource }),
    }, () => change.id, engine.nowMs);
    if ('conflict' in saved) engine.note('note', target, 'scheduling-conflict', `${change.id} refused: it overlaps ${saved.conflict.id} on ${saved.conflict.resource}`);
  });
}

function actionOf(fault: Fault): (typeof ACT_ACTIONS_CRM)[number] {
  const { action } = paramsOf(fault);
  if (!(ACT_ACTIONS_CRM as readonly unknown[]).includes(action)) throw new Error(`'crmRecord': unknown action ${JSON.stringify(action)}`);
  return action as (typeof ACT_ACTIONS_CRM)[number];
}
