// The fuzzer finds each injected defect within the default run count and shrinks it into a scenario file that
// `mailflow run` replays to the same failure (issue 8); without a defect, survivable faults lose and duplicate
// nothing. Campaigns run in this thread here; test/harness/fuzz/fuzz-cli.test.ts covers worker threads and shards.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DEFAULT_RUNS, generatorFingerprint, runCampaign } from '../../../harness/fuzz/fuzz-campaign.js';
import { counterexampleName } from '../../../harness/fuzz/counterexample.js';
import { WHOLE_CAMPAIGN } from '../../../harness/fuzz/fuzz-seed.js';
import { INJECTED_BUG_NAMES, type InjectedBug } from '../../../harness/scenario/injected-bugs.js';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';

const outDir = mkdtempSync(join(tmpdir(), 'mailflow-fuzz-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The campaign seed the tests pin (CI pins seeds; any seed should do, see docs/fuzz.md). */
const SEED = 1;

function campaign(injectBug?: InjectedBug, runs = DEFAULT_RUNS) {
  return runCampaign({
    seed: SEED, runs, shard: WHOLE_CAMPAIGN, workers: 1, checkDeterminism: false, outDir,
    arb: injectBug === undefined ? {} : { injectBug }, command: `test campaign ${injectBug ?? 'none'}`,
  });
}

describe('mailflow fuzz', () => {
  for (const bug of INJECTED_BUG_NAMES) {
    it(`finds and shrinks ${bug} within the default ${DEFAULT_RUNS} runs, into a file mailflow run replays`, async () => {
      const result = await campaign(bug);
      expect(result.failures).toBeGreaterThan(0);
      expect(result.failingRun).not.toBeNull();
      expect(result.counterexample).not.toBeNull();
      const file = result.counterexample ?? '';
      expect(readFileSync(file, 'utf8')).toContain(`injectBug: ${bug}`);
      // Named by the defect too: campaigns of one seed with other defects do not overwrite it.
      expect(basename(file)).toBe(`fuzz-${SEED}-run-${result.failingRun}-${bug}.yaml`);
      // The replay fails the same checks the campaign reported.
      const replay = runScenario(loadScenarioFile(file));
      expect(replay.verdict).toBe('fail');
      const failing = replay.checks.filter((c) => c.verdict !== c.expected).map((c) => `${c.name}: ${c.verdict} (${c.summary})`);
      expect(failing).toEqual(result.problems);
      // Shrunk: few messages are left to look at.
      expect(replay.counts.sent).toBeLessThanOrEqual(6);
    });
  }

  it('finds nothing lost or tracked twice under survivable faults without a defect', async () => {
    const result = await campaign(undefined, 300);
    expect(result).toMatchObject({ runs: 300, failures: 0, failingRun: null, counterexample: null });
  });
});

describe('counterexample names', () => {
  it('carry the defect and, for a generator other than the default, its fingerprint', () => {
    expect(counterexampleName(7, 21, undefined, null)).toBe('fuzz-7-run-21');
    expect(counterexampleName(7, 21, 'no-dedup', null)).toBe('fuzz-7-run-21-no-dedup');
    const habits = generatorFingerprint({ habits: true });
    expect(habits).not.toBe(generatorFingerprint({}));
    expect(counterexampleName(7, 21, undefined, habits)).toBe(`fuzz-7-run-21-g${habits.slice(0, 8)}`);
  });
});
