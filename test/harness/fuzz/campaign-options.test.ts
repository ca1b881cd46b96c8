// runCampaign from the library refuses what `mailflow fuzz` refuses on its command line, naming the option, before
// any run (the engineer review: seed -1 and a shard 3/2 were taken).
import { describe, expect, it } from 'vitest';
import { runCampaign, type CampaignOptions } from '../../../harness/fuzz/fuzz-campaign.js';

const GOOD: CampaignOptions = {
  seed: 1, runs: 3, shard: { index: 1, count: 1 }, workers: 1, checkDeterminism: false, arb: {}, outDir: 'fuzz-out', command: 'test',
};

describe('runCampaign options', () => {
  it('are checked as the command line checks them', async () => {
    await expect(runCampaign({ ...GOOD, seed: -1 })).rejects.toThrow('runCampaign: seed must be a whole number from 0 to 4294967295 (as mailflow fuzz --seed), got -1');
    await expect(runCampaign({ ...GOOD, runs: 0 })).rejects.toThrow(/^runCampaign: runs must be a whole number, at least 1/);
    await expect(runCampaign({ ...GOOD, workers: 65 })).rejects.toThrow('runCampaign: workers must be at most 64 (as mailflow fuzz --workers), got 65');
    await expect(runCampaign({ ...GOOD, shard: { index: 3, count: 2 } })).rejects.toThrow(/^runCampaign: shard must be \{ index, count \} with 1 <= index <= count .* got 3\/2$/);
    await expect(runCampaign({ ...GOOD, outDir: '' })).rejects.toThrow(/^runCampaign: outDir must name a directory/);
    await expect(runCampaign({ ...GOOD, arb: { maxMessages: 0 } })).rejects.toThrow(/maxMessages must be a whole number, at least 1/);
    // The same options, right, run.
    await expect(runCampaign(GOOD)).resolves.toMatchObject({ runs: 3, seed: 1 });
  });
});
