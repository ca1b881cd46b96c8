// The world builder: turns a validated scenario into actors in an engine, and schedules its faults.
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { TOY_ACTORS, type ToyConfig } from '../../fakes/toy/toy-config.js';
import { spawnToyWorld } from '../../fakes/toy/toy-world.js';
import type { Scenario } from '../scenario/schema.js';

export interface World {
  /** Message-ID -> where it still is; empty once everything has come to rest. */
  inFlight(): Map<string, string>;
}

/** Names of the actors a scenario's world will have (faults may target these). */
export function worldActorNames(_scenario: Scenario): string[] {
  return Object.values(TOY_ACTORS);
}

export function buildWorld(engine: Engine, ledger: Ledger, scenario: Scenario): World {
  const toy = scenario.toy;
  const config: ToyConfig = {
    messages: toy.messages,
    meanIntervalMs: toy.meanInterval,
    horizonMs: scenario.horizon,
    retryIntervalMs: toy.retryInterval,
    expiryMs: toy.expiry,
    pollIntervalMs: toy.pollInterval,
    batchSize: toy.batchSize,
    processingMeanMs: toy.processingMean,
  };
  const world = spawnToyWorld(engine, ledger, config);
  for (const { at, verb, target, peers } of scenario.faults) {
    engine.scheduleFault(at, { verb, ...(target === undefined ? {} : { target }), ...(peers === undefined ? {} : { peers }) });
  }
  return world;
}
