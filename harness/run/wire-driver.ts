// The wire driver (design.md, Wire mode): steps the engine up to the wire clock's virtual now, then yields to the
// event loop so sockets can talk, over and over. The model never waits on I/O: what arrives from a socket enters it
// between engine steps, at the engine's current instant.
import type { Engine } from '../../sim/core/engine.js';
import type { WireClock } from '../../fakes/wire/wire-clock.js';

/** Wall ms the driver sleeps between steps: short enough for sockets' replies, long enough not to spin a core. */
const TICK_MS = 1;

// A real timer on purpose: the wire driver yields to the event loop so sockets can talk (design.md, Wire mode).
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, TICK_MS));

export interface WireDrive {
  readonly engine: Engine;
  readonly clock: WireClock;
  /** After each step: listeners follow their server's state (up, down, firewalled). */
  readonly afterStep: () => void;
}

/** Runs the engine after the clock until virtual `untilMs`, or until `stop()` says so (checked every tick). */
export async function driveUntil(drive: WireDrive, untilMs: number, stop: () => boolean = () => false): Promise<void> {
  const { engine, clock } = drive;
  while (engine.nowMs < untilMs && !stop()) {
    engine.run({ untilMs: Math.max(engine.nowMs, Math.min(clock.virtualNowMs(), untilMs)) });
    drive.afterStep();
    if (engine.nowMs < untilMs) await tick();
  }
}

/** After the horizon: keep driving while anything is in flight, checking every `checkMs` of virtual time (as runs do). */
export async function drainOnWire(drive: WireDrive, drainEndMs: number, busy: () => boolean, checkMs = 60_000): Promise<void> {
  while (drive.engine.nowMs < drainEndMs && busy()) {
    await driveUntil(drive, Math.min(drive.engine.nowMs + checkMs, drainEndMs));
  }
}
