// The one seeded random source of a world. Every draw a model makes goes through these helpers so that the same
// seed replays the same stream on any machine, and distributions are drawn the same way everywhere.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** A seeded pseudo-random stream (xoroshiro128+ from pure-rand, the generator fast-check itself uses). */
export class Rng {
  private readonly generator: JumpableRandomGenerator;

  /** @param seed any integer; only its low 32 bits matter. */
  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`rng seed must be a safe integer, got ${seed}`);
    this.generator = xoroshiro128plus(seed | 0);
    // pure-rand builds the state straight from the seed (two halves that sum to -1), so the first output is always
    // all ones and the next few are barely mixed: the first exponential draw of every run was ~16 means long. A jump
    // (2^64 steps ahead) leaves that neighbourhood.
    this.generator.jump();
  }

  /** A float in [0, 1) with 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  /** An integer in [min, max], both included. */
  uniformInt(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`uniformInt needs integers min <= max, got [${min}, ${max}]`);
    }
    return uniformInt(this.generator, min, max);
  }

  /**
   * A draw from the exponential distribution with the given mean, rounded to a whole number of milliseconds
   * (inter-arrival times of Poisson traffic). Math.log is V8's fdlibm port, so the result is the same on every
   * machine that runs the same Node.js major version.
   */
  exponentialMs(meanMs: number): number {
    if (!(meanMs >= 0)) throw new RangeError(`exponential mean must be >= 0, got ${meanMs}`);
    return Math.round(-meanMs * Math.log(1 - this.uniform()));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.uniformInt(0, items.length - 1)] as T;
  }

  /** A new array with the items in a uniformly random order (Fisher-Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.uniformInt(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /**
   * `k` distinct items in random order (all of them when `k` exceeds the list). Draws indices and skips repeats, so it
   * costs about k draws, not a shuffle of the whole list: picking 1 recipient of 10,000 mailboxes stays cheap.
   */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k >= items.length) return this.shuffle(items);
    const chosen = new Set<number>();
    const out: T[] = [];
    while (out.length < k) {
      const index = this.uniformInt(0, items.length - 1);
      if (chosen.has(index)) continue;
      chosen.add(index);
      out.push(items[index] as T);
    }
    return out;
  }

  /**
   * An independent stream derived from this one, for a component that must not shift the draws of others when
   * it draws more or less (for example one stream per traffic source).
   */
  fork(): Rng {
    return new Rng(this.generator.next());
  }
}
