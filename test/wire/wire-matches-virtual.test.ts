// Every shipped scenario marked `wire: true` gives the same verdict and the same counts on real sockets as in
// virtual time (design.md: on the wire only verdict and counts are compared). Reproduce one with
// `npx mailflow run scenarios/<file> --wire`.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadScenarioFile } from '../../harness/scenario/load-scenario.js';
import { runScenario } from '../../harness/run/run-scenario.js';
import { runScenarioOnWire } from '../../harness/run/run-wire.js';

const dir = fileURLToPath(new URL('../../scenarios', import.meta.url));
const marked = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
  .filter((f) => { const wire = loadScenarioFile(join(dir, f)).wire; return wire === true || (typeof wire === 'object' && wire.compare); });
/** Each wire run plays its horizon in about this many wall ms (the drain is usually short): 4 hours in 12 s, so the
 * outage scenario's 20-minute margins are a wall second, more than a pause of a loaded CI machine. */
const WALL_MS_PER_RUN = 12_000;

describe('wire: true scenarios on real sockets', () => {
  it('include a router baseline and an outage', () => {
    expect(marked).toEqual(expect.arrayContaining(['wire-router-baseline.yaml', 'wire-exchange-outage.yaml']));
  });

  for (const file of marked) {
    it(`${file}: the same verdict and counts as the virtual run (reproduce: npx mailflow run scenarios/${file} --wire)`, async () => {
      const scenario = loadScenarioFile(join(dir, file));
      const virtual = runScenario(scenario);
      const wire = await runScenarioOnWire(scenario, { timeScale: scenario.horizon / WALL_MS_PER_RUN });
      expect(wire.traceHash).toBeNull();
      expect({ verdict: wire.verdict, counts: wire.counts }).toEqual({ verdict: virtual.verdict, counts: virtual.counts });
      expect(wire.verdict).toBe('pass');
    });
  }

  it('plays the same traffic as the virtual run with per-actor random streams (lesson 1 on the wire)', async () => {
    const scenario = loadScenarioFile(join(dir, 'lesson-1-forward-mailbox.yaml'));
    expect(scenario.randomStreams).toBe('per-actor');
    const virtual = runScenario(scenario);
    const wire = await runScenarioOnWire(scenario, { timeScale: 3_600 });
    expect({ sent: wire.counts.sent, accepted: wire.counts.accepted }).toEqual({ sent: virtual.counts.sent, accepted: virtual.counts.accepted });
  });
});
