// Every verb the scenario language offers must have a handler in the world a scenario with all the models builds: a
// verb added to a model's list (and so to the schema) without its handler passed validation and crashed only when a
// scenario used it ("unknown fault verb", exit 3).
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../sim/core/engine.js';
import { Ledger } from '../../../sim/ledger/ledger.js';
import { buildWorld } from '../../../harness/world/build-world.js';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { FAULT_VERBS } from '../../../harness/scenario/schema.js';

/** Exchange, CRM with Outlook clients, the router and server-side sync in one world. */
const ALL_MODELS = ['scenarios/cutover-router-to-sss.yaml', 'scenarios/outlook-and-sss-same-message.yaml'];

describe('the fault verbs of the scenario language', () => {
  it('each has a handler in a world with every model', () => {
    const known = new Set<string>();
    for (const file of ALL_MODELS) {
      const engine = new Engine({ seed: 1 });
      buildWorld(engine, new Ledger(() => engine.nowMs, () => {}), loadScenarioFile(file));
      for (const verb of FAULT_VERBS) if (engine.hasFaultVerb(verb)) known.add(verb);
    }
    expect(FAULT_VERBS.filter((verb) => !known.has(verb)), 'verbs without a handler (engine.defineFaultVerb in their model)').toEqual([]);
    expect(new Engine({ seed: 1 }).hasFaultVerb('throttle')).toBe(false);
  });
});
