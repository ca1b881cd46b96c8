// Checks what the schema alone cannot: that parts of a scenario refer to things that exist (a fault's target, its
// peers) and fit together in time (faults before the horizon). All problems are reported at once, before any run.
import { worldActorNames } from '../world/build-world.js';
import { EXCHANGE_FAULT_VERBS } from '../../fakes/exchange/exchange-faults.js';
import { checkExchange } from './check-exchange.js';
import { checkCrm } from './check-crm.js';
import { checkRouter } from './check-router.js';
import { checkSss } from './check-sss.js';
import { checkActOperations } from './check-act.js';
import { checkFaultFields } from './check-fault-fields.js';
import { afterHorizon } from './after-horizon.js';
import { checkTimeBounds } from './check-time-bounds.js';
import { checkTrafficVolume } from './traffic-volume.js';
import { routerInstanceNames } from './routers.js';
import { closestName } from './closest-name.js';
import { SSS_FAULT_VERBS } from '../../fakes/sss/sss-faults.js';
import { ROUTER_FAULT_VERBS } from '../../fakes/router/router-faults.js';
import { CRM_FAULT_VERBS } from '../../fakes/crm/crm-faults.js';
import type { Scenario } from './schema.js';

export interface ConsistencyProblem {
  readonly path: Array<string | number>;
  readonly message: string;
}

/** Verbs that act on one actor and need a `target`. */
const TARGETED_VERBS = new Set(['crash', 'restart', 'down', 'up', 'partition', ...EXCHANGE_FAULT_VERBS, ...CRM_FAULT_VERBS, ...ROUTER_FAULT_VERBS, ...SSS_FAULT_VERBS]);

export function checkConsistency(scenario: Scenario): ConsistencyProblem[] {
  const worlds = (scenario.toy === undefined ? 0 : 1) + (scenario.exchange === undefined ? 0 : 1);
  if (worlds !== 1) return [{ path: [], message: 'a scenario describes exactly one world: `toy` or `exchange`' }];
  if (scenario.exchange === undefined) {
    const misplaced = (['internet', 'traffic', 'users', 'crm', 'router', 'sss'] as const).find((section) => scenario[section] !== undefined);
    if (misplaced !== undefined) return [{ path: [misplaced], message: `${misplaced} goes with an exchange world` }];
  }
  const actors = worldActorNames(scenario);
  const problems: ConsistencyProblem[] = [...checkExchange(scenario), ...checkCrm(scenario), ...checkRouter(scenario), ...checkSss(scenario), ...checkActOperations(scenario), ...checkFaultFields(scenario),
    ...checkTimeBounds(scenario), ...checkTrafficVolume(scenario)];
  /** Faults whose target is no actor at all: that says it, without each model adding what it acts on. */
  const unknownTargets = new Set<number>();
  scenario.faults.forEach((fault, i) => {
    if (scenario.exchange === undefined && ([...EXCHANGE_FAULT_VERBS, ...CRM_FAULT_VERBS, ...ROUTER_FAULT_VERBS, ...SSS_FAULT_VERBS] as readonly string[]).includes(fault.verb)) {
      problems.push({ path: ['faults', i, 'verb'], message: `'${fault.verb}' needs an exchange world` });
    }
    if (fault.at > scenario.horizon) {
      problems.push({ path: ['faults', i, 'at'], message: afterHorizon(fault.at, scenario.horizon, 'faults and operations happen') });
    }
    // Sync's and the router's verbs when the scenario has none: checkSss and checkRouter check them only where there is
    // one. That says all: the target can be no actor of that kind either.
    const sectionless = scenario.exchange === undefined ? null
      : scenario.sss === undefined && (SSS_FAULT_VERBS as readonly string[]).includes(fault.verb) ? `'${fault.verb}' is an operation of server-side sync, and the scenario has no \`sss:\` section`
        : routerInstanceNames(scenario).length === 0 && (ROUTER_FAULT_VERBS as readonly string[]).includes(fault.verb) ? `'${fault.verb}' acts on the E-mail Router's state file, and the scenario has no \`router:\` section`
          : null;
    if (sectionless !== null) {
      problems.push({ path: ['faults', i, 'verb'], message: sectionless });
      unknownTargets.add(i);
    } else if (fault.target === undefined) {
      if (TARGETED_VERBS.has(fault.verb)) problems.push({ path: ['faults', i], message: `'${fault.verb}' needs a target` });
    } else if (!actors.includes(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: noActor(fault.target, actors) });
      unknownTargets.add(i);
    }
    if (fault.verb === 'partition' && fault.peers === undefined) {
      problems.push({ path: ['faults', i], message: `'partition' needs peers to cut the target off from` });
    }
    fault.peers?.forEach((peer, j) => {
      if (!actors.includes(peer)) problems.push({ path: ['faults', i, 'peers', j], message: noActor(peer, actors) });
    });
  });
  return problems.filter((p) => !(p.path[0] === 'faults' && p.path[2] === 'target' && p.path.length === 3 && unknownTargets.has(p.path[1] as number)
    && !p.message.startsWith('no actor named')));
}

function noActor(name: string, actors: readonly string[]): string {
  const meant = closestName(name, actors);
  return `no actor named '${name}' (${meant === undefined ? '' : `did you mean '${meant}'? `}known actors: ${actors.join(', ')})`;
}
