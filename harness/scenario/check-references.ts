// Checks that the parts of a scenario refer to things that exist (a fault's target, its peers) before any run.
import { worldActorNames } from '../world/build-world.js';
import type { Scenario } from './schema.js';

export interface ReferenceProblem {
  readonly path: Array<string | number>;
  readonly message: string;
}

/** Verbs that act on one actor and need a `target`. */
const TARGETED_VERBS = new Set(['crash', 'restart', 'down', 'up', 'partition']);

export function checkReferences(scenario: Scenario): ReferenceProblem[] {
  const actors = worldActorNames(scenario);
  const known = `known actors: ${actors.join(', ')}`;
  const problems: ReferenceProblem[] = [];
  scenario.faults.forEach((fault, i) => {
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
