// The largest seed, everywhere one is taken (a scenario's `seed:`, a plan's, `--seed`, runScenario, runCampaign):
// the seeded generator takes 32 bits.
export const MAX_SEED = 0xffff_ffff;
