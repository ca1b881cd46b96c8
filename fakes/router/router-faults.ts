// The router's state file as fault verbs (R8, R9): `corruptState` (the file is damaged: at its next start the service
// stops with "Root element is missing", KB954522), `deleteStateFile` (the file is gone: the service writes a new one
// and every provider starts from 0001-01-01), `resetState` (KB2491350: every ThresholdDate set back to 0001-01-01).
// They act on the file, which the model's service reads as it goes; the KB articles stop the service first (`down`),
// change the file, and start it (`up`), and scenarios should do the same.
import type { Engine } from '../../sim/core/engine.js';
import { requireTarget, type Fault, type FaultApi } from '../../sim/core/fault.js';
import type { SystemState } from './system-state.js';
import type { RouterDurable } from './router-service.js';

export const ROUTER_FAULT_VERBS = ['corruptState', 'deleteStateFile', 'resetState'] as const;

export function defineRouterFaults(engine: Engine): void {
  const stateOf = (world: FaultApi, fault: Fault): SystemState => (world.durableOf(requireTarget(world, fault)) as RouterDurable).state;
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
