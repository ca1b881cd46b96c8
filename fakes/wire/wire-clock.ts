// The wire clock (design.md, Wire mode): virtual time follows the wall clock times a scale. Only fakes/wire/ and the
// harness read the wall clock; the engine never does, the wire driver steps it up to this clock's now.
import { performance } from 'node:perf_hooks';

export class WireClock {
  private readonly startWallMs = performance.now();

  /** `scale` virtual ms pass per wall ms; virtual time starts at `startVirtualMs`. */
  constructor(readonly scale: number, private readonly startVirtualMs = 0) {
    if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`time scale must be a positive number, got ${scale}`);
  }

  virtualNowMs(): number {
    return this.startVirtualMs + Math.floor((performance.now() - this.startWallMs) * this.scale);
  }

  /** Wall ms until the clock reads `virtualMs` (0 when it already has). */
  wallMsUntil(virtualMs: number): number {
    return Math.max(0, (virtualMs - this.virtualNowMs()) / this.scale);
  }

  wallElapsedMs(): number {
    return performance.now() - this.startWallMs;
  }
}
