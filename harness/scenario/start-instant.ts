// Virtual time 0 as epoch milliseconds. A date without a zone would be read in the machine's time zone; `start` is
// safe to parse because the schema takes only a UTC instant (z.iso.datetime: ending in Z, no offset).
import type { Scenario } from './schema.js';

export function startEpochMs(scenario: Pick<Scenario, 'start'>): number {
  return Date.parse(scenario.start); // deterministic: the schema takes only an instant ending in Z
}
