// The wire driver (design.md, Wire mode): steps the engine up to the wire clock's virtual now, then yields to the
// event loop so sockets can talk, over and over. The model never waits on I/O: what arrives from a socket enters it
// between engine steps, at the engine's current instant.
import type { Engine } from '../../sim/core/engine.js';
import type { WireClock } from '../../fakes/wire/wire-clock.js';

/** Wall ms the driver sleeps after a step that ran events: short enough for sockets' replies. */
const BUSY_TICK_MS = 1;
/**
 * With nothing happening (`mailflow serve` waiting for mail), the sleep doubles step by step up to this, so an idle
 * driver costs next to no CPU (a 1 ms tick cost about 45 ms of CPU a second).
 */
const MAX_IDLE_TICK_MS = 50;
/**
 * Mail from a socket enters the model at the engine's instant, which trails the wire clock by up to one sleep: the
 * sleep is kept short enough that this stays under a virtual second. At high time scales (`run --wire`) the tick stays
 * 1 ms.
 */
const MAX_LAG_VIRTUAL_MS = 1_000;

/** How long to sleep after `idleSteps` steps in a row that ran no event (0: the last step ran some). */
export function tickMs(scale: number, idleSteps: number): number {
  const cap = Math.max(BUSY_TICK_MS, Math.min(MAX_IDLE_TICK_MS, MAX_LAG_VIRTUAL_MS / scale));
  return Math.min(cap, BUSY_TICK_MS * 2 ** Math.min(idleSteps, 16));
}

// A real timer on purpose: the wire driver yields to the event loop so sockets can talk (design.md, Wire mode).
const sleepWallMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface WireDrive {
  readonly engine: Engine;
  readonly clock: Pick<WireClock, 'scale' | 'virtualNowMs'>;
  /** After each step: listeners follow their server's state (up, down, firewalled). */
  readonly afterStep: () => void;
  /** How the driver waits between steps; tests replace it. Default: a real timer. */
  readonly sleep?: (wallMs: number) => Promise<void>;
}

/** Runs the engine after the clock until virtual `untilMs`, or until `stop()` says so (checked every tick). */
export async function driveUntil(drive: WireDrive, untilMs: number, stop: () => boolean = () => false): Promise<void> {
  const { engine, clock } = drive;
  const sleep = drive.sleep ?? sleepWallMs;
  let idleSteps = 0;
  while (engine.nowMs < untilMs && !stop()) {
    const before = engine.eventsProcessed;
    engine.run({ untilMs: Math.max(engine.nowMs, Math.min(clock.virtualNowMs(), untilMs)) });
    drive.afterStep();
    idleSteps = engine.eventsProcessed === before ? idleSteps + 1 : 0;
    if (engine.nowMs < untilMs) await sleep(tickMs(clock.scale, idleSteps));
  }
}

/** After the horizon: keep driving while anything is in flight, checking every `checkMs` of virtual time (as runs do). */
export async function drainOnWire(drive: WireDrive, drainEndMs: number, busy: () => boolean, checkMs = 60_000): Promise<void> {
  while (drive.engine.nowMs < drainEndMs && busy()) {
    await driveUntil(drive, Math.min(drive.engine.nowMs + checkMs, drainEndMs));
  }
}
