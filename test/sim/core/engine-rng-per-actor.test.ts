// rngPerActor (the demo's `randomStreams: per-actor`): an actor's draws depend on the seed and its own name only, so
// adding another actor that draws leaves them alone; the default shares one stream, where the other actor's draws
// shift everyone's.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../sim/core/engine.js';
import type { ActorContext } from '../../../sim/core/actor.js';

/** Draws a number every minute into its durable list. */
const drawer = (ctx: ActorContext, draws: number[]) => ({
  onStart() {
    ctx.setTimer(60_000, 'draw');
  },
  onTimer() {
    draws.push(ctx.rng.uniform());
    ctx.setTimer(60_000, 'draw');
  },
});

function drawsOf(options: { rngPerActor: boolean; withNoisyNeighbour: boolean; seed?: number; name?: string }): number[] {
  const engine = new Engine({ seed: options.seed ?? 5, rngPerActor: options.rngPerActor });
  if (options.withNoisyNeighbour) engine.spawn('neighbour', drawer, []);
  const draws: number[] = [];
  engine.spawn(options.name ?? 'sender', drawer, draws);
  engine.run({ untilMs: 10 * 60_000 });
  return draws;
}

describe('Engine rngPerActor', () => {
  it('keeps an actor\'s draws the same whatever other actors draw', () => {
    const alone = drawsOf({ rngPerActor: true, withNoisyNeighbour: false });
    expect(alone).toHaveLength(10);
    expect(drawsOf({ rngPerActor: true, withNoisyNeighbour: true })).toEqual(alone);
  });

  it('shares one stream by default, so a neighbour shifts the draws', () => {
    const alone = drawsOf({ rngPerActor: false, withNoisyNeighbour: false });
    expect(drawsOf({ rngPerActor: false, withNoisyNeighbour: true })).not.toEqual(alone);
  });

  it('gives different actors and different seeds different streams', () => {
    const sender = drawsOf({ rngPerActor: true, withNoisyNeighbour: false });
    expect(drawsOf({ rngPerActor: true, withNoisyNeighbour: false, name: 'people' })).not.toEqual(sender);
    expect(drawsOf({ rngPerActor: true, withNoisyNeighbour: false, seed: 6 })).not.toEqual(sender);
  });
});
