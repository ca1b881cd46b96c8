// The wire driver's sleep between engine steps (harness/run/wire-driver.ts): 1 ms while the model is busy, doubling
// while nothing happens (an idle `mailflow serve` should cost no CPU), capped so that mail from a socket never
// enters more than a virtual second behind the wire clock. A fake clock and sleep make it exact: no wall time here.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../sim/core/engine.js';
import { driveUntil, tickMs } from '../../../harness/run/wire-driver.js';

/** Drives an engine whose one actor has a timer due at `timerAtMs`, for `steps` sleeps; returns the sleeps asked for. */
async function sleepsAsked(scale: number, timerAtMs: number, steps: number): Promise<{ sleeps: number[]; firedAtStep: number | null }> {
  const engine = new Engine({ seed: 1 });
  let firedAtStep: number | null = null;
  const sleeps: number[] = [];
  engine.spawn('clockwork', (ctx) => ({
    onStart: () => { ctx.setTimer(timerAtMs, 'due'); },
    onTimer: () => { firedAtStep = sleeps.length; },
  }), null);
  let virtualNowMs = 0;
  await driveUntil({
    engine,
    clock: { scale, virtualNowMs: () => virtualNowMs },
    afterStep: () => {},
    sleep: async (wallMs) => {
      sleeps.push(wallMs);
      virtualNowMs += wallMs * scale;
    },
  }, Infinity, () => sleeps.length >= steps);
  return { sleeps, firedAtStep };
}

describe('wire driver: how long it sleeps between steps', () => {
  it('in real time, doubles while idle up to 50 ms, and is back at 1 ms after a step that ran an event', async () => {
    const { sleeps, firedAtStep } = await sleepsAsked(1, 500, 20);
    // Step 1 starts the actor (an event): 1 ms; then idle: 2, 4, ... up to the cap.
    expect(sleeps.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 50, 50]);
    expect(firedAtStep).not.toBeNull();
    expect(sleeps[firedAtStep ?? 0]).toBe(1);
    expect(Math.max(...sleeps)).toBe(50);
  });

  it('at a high time scale (run --wire), stays at 1 ms: a longer sleep would let socket mail lag over a virtual second', async () => {
    const { sleeps } = await sleepsAsked(1_200, 60_000, 30);
    expect(new Set(sleeps)).toEqual(new Set([1]));
  });

  it('caps the sleep so the lag stays under a virtual second in between', () => {
    expect(tickMs(100, 20)).toBe(10);
    expect(tickMs(100, 0)).toBe(1);
    expect(tickMs(1, 3)).toBe(8);
  });
});
