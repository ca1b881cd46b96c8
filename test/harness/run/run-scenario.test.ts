// RunOptions.onProgress plays the run in slices so the CLI can draw a progress bar; that must change nothing in the run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario, startRun, type RunProgress } from '../../../harness/run/run-scenario.js';
import { loadScenario } from '../../../harness/scenario/load-scenario.js';
import { arbSurvivableFaults, toyScenario } from '../../helpers/scenarios.js';

const HOUR = 3_600_000;
// A toy world, an Exchange restore, two routers, a cutover to server-side sync with a long drain.
const SHIPPED = ['hello', 'exchange-restore-without-logs', 'two-active-routers', 'cutover-recommended'];

function sameRun(a: ReturnType<typeof runScenario>, b: ReturnType<typeof runScenario>): void {
  expect(b.traceHash).toBe(a.traceHash);
  expect(b.events).toBe(a.events);
  expect(b.simulatedMs).toBe(a.simulatedMs);
  expect(b.counts).toEqual(a.counts);
  expect(b.verdict).toBe(a.verdict);
}

describe('runScenario with onProgress', () => {
  for (const name of SHIPPED) {
    it(`plays scenarios/${name}.yaml in slices to the same trace hash, reporting virtual time in order`, async () => {
      const scenario = await loadScenario(`scenarios/${name}.yaml`);
      const progress: RunProgress[] = [];
      const sliced = runScenario(scenario, { onProgress: (p) => progress.push(p) });
      sameRun(runScenario(scenario), sliced);

      const run = progress.filter((p) => p.phase === 'run');
      expect(run.length).toBeGreaterThan(100);
      expect(run.at(-1)?.nowMs).toBe(scenario.horizon);
      // The last report says the checks begin, at the instant the run and drain ended.
      const check = progress.pop();
      expect(check?.phase).toBe('check');
      expect(check?.nowMs).toBe(sliced.simulatedMs);
      expect(progress.some((p) => p.phase === 'check')).toBe(false);
      for (let i = 1; i < progress.length; i++) {
        const [before, after] = [progress[i - 1] as RunProgress, progress[i] as RunProgress];
        expect(after.nowMs).toBeGreaterThan(before.nowMs);
        expect(after.events).toBeGreaterThanOrEqual(before.events);
        if (after.phase === 'run') expect(before.phase).toBe('run');
      }
      expect(progress.at(-1)?.events).toBe(sliced.events);
      expect(progress.some((p) => p.phase === 'drain')).toBe(sliced.simulatedMs > scenario.horizon);
      expect(progress.every((p) => p.horizonMs === scenario.horizon && p.drainEndMs === scenario.horizon + scenario.drain)).toBe(true);
    });
  }

  it('changes no trace hash for random toy worlds with faults', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), arbSurvivableFaults(4 * HOUR), (seed, faults) => {
      const scenario = toyScenario({ seed, faults, messages: 60 });
      sameRun(runScenario(scenario), runScenario(scenario, { onProgress: () => {} }));
    }), { numRuns: 25 });
  });

  it('still runs what is scheduled at instant 0 when the horizon is 0', () => {
    // A scenario file's horizon must be longer than 0; one built in code (the library) may still have none.
    const scenario = { ...toyScenario({ seed: 2 }), horizon: 0 };
    const progress: RunProgress[] = [];
    sameRun(runScenario(scenario), runScenario(scenario, { onProgress: (p) => progress.push(p) }));
    expect(progress[0]).toMatchObject({ phase: 'run', nowMs: 0 });
  });
});

describe('startRun', () => {
  it('concludes once: a second conclude would record what models never processed twice', async () => {
    const run = startRun(await loadScenario('scenarios/hello.yaml'));
    expect(() => run.conclude()).toThrow(/before the run is over/);
    while (run.advance());
    expect(run.conclude().verdict).toBe('pass');
    expect(() => run.conclude()).toThrow(/called twice/);
  });
});
