// How far a scenario's time may reach. The engine keeps every instant as a whole number of milliseconds and refuses a
// delay past Number.MAX_SAFE_INTEGER (2^53 - 1 ms, about 285,000 years; sim/core/clock.ts): a value that gets there
// is a harness crash (exit 3), not an answer. Durations are therefore bounded well below it, so that whatever a model
// derives from them stays inside: an exponential draw is at most ~37 times its mean (53 random bits: -ln 2^-53), and
// a run ends at the horizon plus the drain. 100 years of longest duration, at most 37 times over and plus a run's
// length, is ~3,800 years: far inside the limit, and far beyond anything mail flow needs.

/** The longest duration (and the latest instant) a scenario may write: 100 years of 365 days. */
export const MAX_DURATION_MS = 36_500 * 86_400_000;

/** MAX_DURATION_MS as scenarios write it, for messages. */
export const MAX_DURATION_TEXT = '36500d';

/**
 * The slowest traffic generator: one message per MAX_DURATION_MS on average. A slower one would draw gaps past the
 * bound (ratePerHour 1e-10 means a mean gap of 4 million years), and would send nothing in any run anyway.
 */
export const MIN_RATE_PER_HOUR = 3_600_000 / MAX_DURATION_MS;

/**
 * The slowest rate as people write it, per hour or per day (`one message per 36500d (0.00000115 an hour)`): rounded
 * up to three digits, so that the number shown is itself accepted.
 */
export function minRateSaid(per: string, unit: 'hour' | 'day'): string {
  return `one message${per} per ${MAX_DURATION_TEXT} (${roundedUp(MIN_RATE_PER_HOUR * (unit === 'day' ? 24 : 1))} a${unit === 'hour' ? 'n' : ''} ${unit})`;
}

/**
 * The slowest rate exactly, with a number to write (`one message per 36500d (1/876000 an hour, about 0.0000011416)`):
 * a bound said rounded up to three digits was taken for the bound itself, and smaller rates were accepted below it.
 */
export function minRateExact(per: string, unit: 'hour' | 'day'): string {
  const rate = MIN_RATE_PER_HOUR * (unit === 'day' ? 24 : 1);
  return `one message${per} per ${MAX_DURATION_TEXT} (${asFraction(rate)} a${unit === 'hour' ? 'n' : ''} ${unit}, about ${roundedUp(rate, 5)})`;
}

/** `1/876000` for a bound that is one over a whole number, else the number rounded up to five digits. */
export function asFraction(bound: number): string {
  const inverse = Math.round(1 / bound);
  return Math.abs(inverse * bound - 1) < 1e-12 ? `1/${inverse}` : roundedUp(bound, 5);
}

/** A lower bound of many digits (1/876000) to three significant ones, rounded up: the number shown is itself allowed. */
export function roundedUp(bound: number, significant = 3): string {
  const digits = significant - 1 - Math.floor(Math.log10(Math.abs(bound)));
  return (Math.ceil(bound * 10 ** digits) / 10 ** digits).toFixed(Math.max(0, digits));
}

/** `36500d (100 years)`: the bound, said once the same way everywhere. */
export const MAX_DURATION_SAID = `${MAX_DURATION_TEXT} (100 years)`;
