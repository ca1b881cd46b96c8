// A fuzz campaign (`mailflow fuzz`): every run of the shard, spread over workers; then the smallest failing run is
// generated again, shrunk and written as a counterexample scenario. The result depends on the seed, the run count,
// the shard and the options, never on the number of workers (design.md).
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { caseGenerator } from './fuzz-generate.js';
import { checkCampaignOptions } from './campaign-options.js';
import { runRuns } from './fuzz-pool.js';
import { tryCase, type FuzzSettings, type PartProgress } from './fuzz-runner.js';
import { formatShard, runSeed, shardRuns } from './fuzz-seed.js';
import { shrinkFailing } from './fuzz-shrink.js';
import { counterexampleName, writeCounterexample } from './counterexample.js';
import type { CampaignShape, FuzzResult } from './fuzz-result.js';
import { DEFAULT_MAX_FAULTS, DEFAULT_MAX_MESSAGES, type ArbScenarioOptions } from './arb-scenario.js';
import { FUZZ_PATHS } from './fuzz-shape.js';
import { scenarioYaml } from './scenario-yaml.js';

export const DEFAULT_RUNS = 1_000;
export const DEFAULT_OUT_DIR = 'fuzz-out';

export interface CampaignOptions extends FuzzSettings {
  readonly workers: number;
  readonly outDir: string;
  /** The command line that reproduces the campaign, for the counterexample's header. */
  readonly command: string;
  readonly onProgress?: (progress: PartProgress) => void;
  /** Called once the runs are done and shrinking starts. */
  readonly onShrinking?: () => void;
}

export async function runCampaign(options: CampaignOptions): Promise<FuzzResult> {
  checkCampaignOptions(options);
  // The wall clock gives runsPerSec and wallMs only (design.md lets the harness read it for those); no run sees it.
  const started = performance.now();
  const runNumbers = shardRuns(options.runs, options.shard);
  const part = await runRuns(options, runNumbers, options.workers, options.onProgress);
  const runsWallMs = performance.now() - started;
  const campaign = campaignShape(options);
  const base = {
    runs: part.runs, failures: part.failures, seed: options.seed,
    runsPerSec: Math.round(part.runs / Math.max(runsWallMs / 1000, 1e-3)),
    shard: formatShard(options.shard), workers: options.workers, injectBug: options.arb.injectBug ?? null,
  };
  if (part.firstFailure === null) {
    return { ...base, failingSeed: null, failingRun: null, counterexample: null, problems: [], firstOffender: [], shrinkSteps: null, wallMs: Math.round(performance.now() - started), campaign };
  }
  options.onShrinking?.();
  const run = part.firstFailure;
  const seed = runSeed(options.seed, run);
  const generator = caseGenerator(options.arb);
  const shrunk = shrinkFailing(generator.arbitrary, generator.generate(seed), (input) => tryCase(input, options.checkDeterminism).failed);
  const { problems, firstOffender } = tryCase(shrunk.value.value, options.checkDeterminism);
  const { injectBug, ...generatorOptions } = options.arb;
  const generatorId = generatorFingerprint(generatorOptions);
  const name = counterexampleName(options.seed, run, injectBug, generatorId === generatorFingerprint({}) ? null : generatorId);
  const counterexample = writeCounterexample(options.outDir, name, shrunk.value.value, {
    command: options.command, run, runSeed: seed, steps: shrunk.steps, attempts: shrunk.attempts, problems,
  });
  return { ...base, failingSeed: seed, failingRun: run, counterexample, problems, firstOffender, shrinkSteps: shrunk.steps, wallMs: Math.round(performance.now() - started), campaign };
}

/** The options every shard of one campaign shares, with the defaults filled in (fuzz merge compares them). */
export function campaignShape(settings: FuzzSettings): CampaignShape {
  const { arb } = settings;
  return {
    runs: settings.runs, paths: arb.paths ?? FUZZ_PATHS, maxMessages: arb.maxMessages ?? DEFAULT_MAX_MESSAGES,
    maxFaults: arb.maxFaults ?? DEFAULT_MAX_FAULTS, allFaults: arb.survivableOnly === false, habits: arb.habits === true,
    checkDeterminism: settings.checkDeterminism, generator: generatorFingerprint(arb),
  };
}

/** Seeds of the scenarios the fingerprint is made of: fixed, so every version and shard draws the same ones. */
const FINGERPRINT_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * The first 16 hex digits of a hash of the scenarios (as YAML) the generator makes from fixed seeds, less their
 * `description`: prose made from the other parts, which decides nothing a run does. With it, a change of wording
 * alone (`1 fault windows` to `1 fault window`) made every earlier shard refuse to merge.
 */
export function generatorFingerprint(arb: ArbScenarioOptions): string {
  const generator = caseGenerator(arb);
  const hash = createHash('sha256');
  for (const seed of FINGERPRINT_SEEDS) {
    const { description: _prose, ...drawn } = generator.generate(seed).value;
    hash.update(scenarioYaml(drawn)).update('\n---\n');
  }
  return hash.digest('hex').slice(0, 16);
}
