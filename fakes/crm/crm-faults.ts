// CRM outages as fault verbs: the web service answering HTTP errors while the server runs (an IIS or SQL failure;
// `down`/`up` and `crash`/`restart` cover the server itself), and an Outlook client going offline and online (C3).
import type { Engine } from '../../sim/core/engine.js';
import { requireTarget } from '../../sim/core/fault.js';
import type { OutlookDurable } from '../outlook/outlook-client.js';
import type { CrmServerDurable } from './crm-server.js';

export const CRM_FAULT_VERBS = ['crmApiFault', 'clearCrmApiFault', 'goOffline', 'goOnline'] as const;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  500: 'Internal Server Error', 503: 'Service Unavailable', 401: 'Unauthorized', 429: 'Too Many Requests',
};

export function defineCrmFaults(engine: Engine): void {
  engine.defineFaultVerb('crmApiFault', (world, fault) => {
    const status = Number(fault.params?.['code'] ?? 503);
    (world.durableOf(requireTarget(world, fault)) as CrmServerDurable).apiFault = { status, message: STATUS_TEXT[status] ?? 'Error' };
  });
  engine.defineFaultVerb('clearCrmApiFault', (world, fault) => {
    (world.durableOf(requireTarget(world, fault)) as CrmServerDurable).apiFault = null;
  });
  engine.defineFaultVerb('goOffline', (world, fault) => { (world.durableOf(requireTarget(world, fault)) as OutlookDurable).online = false; });
  engine.defineFaultVerb('goOnline', (world, fault) => { (world.durableOf(requireTarget(world, fault)) as OutlookDurable).online = true; });
}
