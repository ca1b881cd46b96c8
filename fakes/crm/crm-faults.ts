// CRM outages and operations as fault verbs: the web service answering HTTP errors while the server runs (an IIS or
// SQL failure; `down`/`up` and `crash`/`restart` cover the server itself), an Outlook client going offline and online
// (C3), the switch of "Process Email Using" to server-side sync (R14), and people deleting tracked email in CRM.
import type { Engine } from '../../sim/core/engine.js';
import { requireTarget } from '../../sim/core/fault.js';
import type { OutlookDurable } from '../outlook/outlook-client.js';
import type { CrmServerDurable } from './crm-server.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { removeActivity } from './crm-database.js';
import { defineCrmActFaults } from './act-faults.js';
import { paramsOf } from '../operations/operation-params.js';

export const CRM_FAULT_VERBS = [
  'crmApiFault', 'clearCrmApiFault', 'goOffline', 'goOnline', 'switchToServerSideSync', 'deleteTrackedEmail',
  'failActivityCreation', 'clearActivityCreationFailure', 'crmRecord',
] as const;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  500: 'Internal Server Error', 503: 'Service Unavailable', 401: 'Unauthorized', 429: 'Too Many Requests',
};

export function defineCrmFaults(engine: Engine, ledger: Ledger): void {
  defineCrmActFaults(engine);
  // S7: a plug-in that fails on incoming email for one receiving mailbox (`mailbox`) or all of them.
  engine.defineFaultVerb('failActivityCreation', (world, fault) => {
    (world.durableOf(requireTarget(world, fault)) as CrmServerDurable).failingCreation.add(paramsOf(fault).mailbox ?? '*');
  });
  engine.defineFaultVerb('clearActivityCreationFailure', (world, fault) => {
    (world.durableOf(requireTarget(world, fault)) as CrmServerDurable).failingCreation.clear();
  });
  engine.defineFaultVerb('switchToServerSideSync', (world, fault) => {
    (world.durableOf(requireTarget(world, fault)) as CrmServerDurable).processEmailUsing = 'server-side-sync';
  });
  // People delete tracked incoming email in CRM (all of it, or one mailbox's): a router that re-reads its mailboxes
  // from an earlier ThresholdDate makes it again (R8, R9).
  engine.defineFaultVerb('deleteTrackedEmail', (world, fault) => {
    const { db } = world.durableOf(requireTarget(world, fault)) as CrmServerDurable;
    const { mailbox } = paramsOf(fault);
    for (const activity of [...db.activities.values()]) {
      if (activity.direction !== 'incoming' || (mailbox !== undefined && activity.owner !== mailbox)) continue;
      removeActivity(db, activity.activityId);
      ledger.activityDeleted(activity.ledgerKey, activity.activityId);
    }
  });
  engine.defineFaultVerb('crmApiFault', (world, fault) => {
    const status = paramsOf(fault).code ?? 503;
    (world.durableOf(requireTarget(world, fault)) as CrmServerDurable).apiFault = { status, message: STATUS_TEXT[status] ?? 'Error' };
  });
  engine.defineFaultVerb('clearCrmApiFault', (world, fault) => {
    (world.durableOf(requireTarget(world, fault)) as CrmServerDurable).apiFault = null;
  });
  engine.defineFaultVerb('goOffline', (world, fault) => { (world.durableOf(requireTarget(world, fault)) as OutlookDurable).online = false; });
  engine.defineFaultVerb('goOnline', (world, fault) => { (world.durableOf(requireTarget(world, fault)) as OutlookDurable).online = true; });
}
