// A library caller's campaign options, checked as the command line checks its flags (harness/cli/main.ts): a seed
// of -1 or a shard 3/2 ran a campaign no command line can make, whose counterexample names a command that does not
// replay it (the engineer review).
import { MAX_SEED } from '../run/run-scenario.js';
import { checkArbScenarioOptions, checkWholeNumber } from './arb-options.js';
import { MAX_WORKERS } from './fuzz-pool.js';
import type { CampaignOptions } from './fuzz-campaign.js';

export function checkCampaignOptions(options: CampaignOptions): void {
  const where = 'runCampaign';
  if (!Number.isSafeInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED) {
    throw new RangeError(`${where}: seed must be a whole number from 0 to ${MAX_SEED} (as mailflow fuzz --seed), got ${String(options.seed)}`);
  }
  checkWholeNumber(where, 'runs', options.runs, 1, '--runs');
  checkWholeNumber(where, 'workers', options.workers, 1, '--workers');
  if (options.workers > MAX_WORKERS) throw new RangeError(`${where}: workers must be at most ${MAX_WORKERS} (as mailflow fuzz --workers), got ${options.workers}`);
  const { index, count } = options.shard;
  if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new RangeError(`${where}: shard must be { index, count } with 1 <= index <= count (as mailflow fuzz --shard i/n, 1-based), got ${String(index)}/${String(count)}`);
  }
  if (typeof options.outDir !== 'string' || options.outDir === '') throw new TypeError(`${where}: outDir must name a directory for counterexamples, got ${JSON.stringify(options.outDir)}`);
  checkArbScenarioOptions(options.arb);
}
