// Which runs a campaign makes and with which seeds (design.md, "Fuzzing and scale-out stay deterministic"): run k's
// seed derives from (base seed, k) alone, and `--shard i/n` (1-based) takes the runs with k mod n = i - 1. Neither
// depends on how many workers or machines share the work.

/** murmur3's 32-bit finaliser: spreads neighbouring inputs over the whole range. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85eb_ca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2_ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seed of run `run` (0-based) of a campaign with base seed `baseSeed`: a whole number from 0 to 2^32 - 1. */
export function runSeed(baseSeed: number, run: number): number {
  return mix32(mix32(baseSeed) ^ mix32(run + 0x9e37_79b9));
}

/** `--shard i/n`: the i-th of n slices (1-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE_CAMPAIGN: Shard = { index: 1, count: 1 };

/** Parses `i/n`; returns a message instead when it is not one. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) return 'a shard is i/n, such as 2/8 (1-based)';
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return `shard ${text}: i must be from 1 to n, and n a whole number from 1 to 2^53 - 1`;
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** The run numbers (0-based, ascending) of a campaign of `runs` runs that this shard takes. */
export function shardRuns(runs: number, shard: Shard): number[] {
  const taken: number[] = [];
  for (let k = shard.index - 1; k < runs; k += shard.count) taken.push(k);
  return taken;
}

/** How many runs `shardRuns` gives, without listing them (a result may claim any campaign size). */
export function sliceSize(runs: number, shard: Shard): number {
  return Math.max(0, Math.ceil((runs - shard.index + 1) / shard.count));
}
