// Shrinking a failing case: fast-check's shrinker proposes smaller scenarios (fewer messages, fewer faults, shorter
// windows, smaller numbers); the first that still fails is kept and shrunk again, until none fails or the budget of
// attempts is spent. Greedy, as fast-check's own runner does it; deterministic, as every case run is.
import type fc from 'fast-check';

export const DEFAULT_SHRINK_ATTEMPTS = 2_000;

export interface Shrunk<T> {
  readonly value: fc.Value<T>;
  /** Smaller failing cases found, one after the other. */
  readonly steps: number;
  /** Cases tried. */
  readonly attempts: number;
}

export function shrinkFailing<T>(
  arbitrary: fc.Arbitrary<T>, failing: fc.Value<T>, fails: (value: T) => boolean, maxAttempts = DEFAULT_SHRINK_ATTEMPTS,
): Shrunk<T> {
  let current = failing;
  let steps = 0;
  let attempts = 0;
  let smaller = true;
  while (smaller && attempts < maxAttempts) {
    smaller = false;
    for (const candidate of arbitrary.shrink(current.value_, current.context)) {
      if (attempts >= maxAttempts) break;
      attempts++;
      if (fails(candidate.value)) {
        current = candidate;
        steps++;
        smaller = true;
        break;
      }
    }
  }
  return { value: current, steps, attempts };
}
