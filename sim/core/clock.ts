// Virtual time: integer milliseconds since the scenario's `start`. Only the engine moves it, and only forward.

export class VirtualClock {
  private current = 0;

  get nowMs(): number {
    return this.current;
  }

  advanceTo(timeMs: number): void {
    if (timeMs < this.current) {
      throw new Error(`virtual clock cannot go back from ${this.current} ms to ${timeMs} ms`);
    }
    this.current = timeMs;
  }
}

/** A whole, non-negative number of milliseconds (virtual time never has fractions). */
export function isDurationMs(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= 0;
}

/** Throws unless `ms` is a whole, non-negative number of milliseconds. */
export function assertDurationMs(ms: number, what: string): void {
  if (!isDurationMs(ms)) {
    throw new RangeError(`${what} must be a whole number of milliseconds >= 0, got ${ms}`);
  }
}
