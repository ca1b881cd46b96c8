// Checks what the schema alone cannot: that parts of a scenario refer to things that exist (a fault's target, its
// peers) and fit together in time (faults before the horizon). All problems are reported at once, before any run.
import { worldActorNames } from '../world/build-world.js';
import type { Scenario } from './schema.js';

export interface ConsistencyProblem {
  readonly path: Array<string | number>;
  readonly message: string;
}

/** Verbs that act on one actor and need a `target`. */
const TARGETED_VERBS = new Set(['crash', 'restart', 'down', 'up', 'partition']);

export function checkConsistency(scenario: Scenario): ConsistencyProblem[] {
  const actors = worldActorNames(scenario);
  const known = `known actors: ${actors.join(', ')}`;
  const problems: ConsistencyProblem[] = [];
  scenario.faults.forEach((fault, i) => {
    if (fault.at > scenario.horizon) {
      problems.push({ path: ['faults', i, 'at'], message: 'faults and operations must happen before the horizon' });
    }
    if (fault.target === undefined) {
      if (TARGETED_VERBS.has(fault.verb)) problems.push({ path: ['faults', i], message: `'${fault.verb}' needs a target` });
    } else if (!actors.includes(fault.target)) {
      problems.push({ path: ['faults', i, 'target'], message: `no actor named '${fault.target}' (${known})` });
    }
    if (fault.verb === 'partition' && fault.peers === undefined) {
      problems.push({ path: ['faults', i], message: `'partition' needs peers to cut the target off from` });
    }
    fault.peers?.forEach((peer, j) => {
      if (!actors.includes(peer)) problems.push({ path: ['faults', i, 'peers', j], message: `no actor named '${peer}' (${known})` });
    });
  });
  return problems;
}
