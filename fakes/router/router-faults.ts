// The router's state file as fault verbs (R8, R9): `corruptState` (the file is damaged: at its next start the service
// stops with "Root element is missing", KB954522), `deleteStateFile` (the file is gone: the service writes a new one
// and every provider starts from 0001-01-01), `resetState` (KB2491350: every ThresholdDate set back to 0001-01-01).
// `backupState` keeps a copy of the file off the box and `restoreState` puts the copy taken at or before `backupAt`
// back (X5: the CRM backup guide says to keep SystemState.xml): every ThresholdDate goes back to what it was then, and
// the router reads again what came since (R8). They act on the file, which the model's service reads as it goes; the
// KB articles stop the service first (`down`), change the file, and start it (`up`), and scenarios should do the same.
import type { Engine } from '../../sim/core/engine.js';
import { requireTarget, type Fault, type FaultApi } from '../../sim/core/fault.js';
import { copyState, replaceState, type SystemState } from './system-state.js';
import type { RouterDurable } from './router-service.js';
import { paramsOf } from '../operations/operation-params.js';

export const ROUTER_FAULT_VERBS = ['corruptState', 'deleteStateFile', 'resetState', 'backupState', 'restoreState'] as const;

export function defineRouterFaults(engine: Engine): void {
  const durableOf = (world: FaultApi, fault: Fault): RouterDurable => world.durableOf(requireTarget(world, fault)) as RouterDurable;
  const stateOf = (world: FaultApi, fault: Fault): SystemState => durableOf(world, fault).state;
  engine.defineFaultVerb('backupState', (world, fault) => {
    const durable = durableOf(world, fault);
    durable.stateBackups.push({ atMs: engine.nowMs, state: copyState(durable.state) });
  });
  engine.defineFaultVerb('restoreState', (world, fault) => {
    const durable = durableOf(world, fault);
    const backupAtMs = paramsOf(fault).backupAt ?? engine.nowMs;
    const backup = durable.stateBackups.filter((b) => b.atMs <= backupAtMs).at(-1);
    if (backup === undefined) {
      engine.note('note', fault.target ?? '', 'restore-refused', `no backup of SystemState.xml at or before ${backupAtMs} ms`);
      return;
    }
    engine.note('note', fault.target ?? '', 'restore', `SystemState.xml from the backup at ${backup.atMs} ms`);
    replaceState(durable.state, backup.state);
  });
  engine.defineFaultVerb('corruptState', (world, fault) => { stateOf(world, fault).file = 'corrupt'; });
  engine.defineFaultVerb('deleteStateFile', (world, fault) => {
    const state = stateOf(world, fault);
    state.file = 'missing';
    state.providers.clear();
  });
  engine.defineFaultVerb('resetState', (world, fault) => {
    for (const provider of stateOf(world, fault).providers.values()) {
      provider.thresholdMs = null;
      provider.doneAtThreshold = [];
    }
  });
}
