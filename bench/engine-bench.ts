// engine: events per second through actors (periodic timers re-armed in onTimer, like the models' pollers)
// against a bare heap loop doing the same pushes and pops, both measured in this process run.
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Engine } from '../sim/core/engine.js';
import { Rng } from '../sim/core/rng.js';
import { BareHeap } from './bare-heap.js';

export interface EngineBench {
  eventsPerSec: number;
  baselineEventsPerSec: number;
  ratio: number;
  eventsPerSecHashed: number;
  peakRssMb10M: number;
}

const EVENTS = 2_000_000;
const ACTORS = 1_000;
const REPEATS = 3;

/** Delays shared by both loops so they push exactly the same times. */
function delays(): Int32Array {
  const rng = new Rng(1);
  const out = new Int32Array(EVENTS + ACTORS);
  for (let i = 0; i < out.length; i++) out[i] = rng.uniformInt(1, 60_000);
  return out;
}

function engineLoop(gaps: Int32Array, hashTrace: boolean): number {
  const engine = new Engine({ seed: 1, hashTrace });
  let next = 0;
  for (let a = 0; a < ACTORS; a++) {
    engine.spawn(`actor-${a}`, (ctx) => ({
      onStart() { ctx.setTimer(gaps[next++] as number, 'tick'); },
      onTimer() { if (next < EVENTS) ctx.setTimer(gaps[next++] as number, 'tick'); },
    }), null);
  }
  const started = performance.now();
  engine.run({ untilMs: Infinity });
  const seconds = (performance.now() - started) / 1000;
  return engine.eventsProcessed / seconds;
}

function bareLoop(gaps: Int32Array): number {
  const heap = new BareHeap();
  let next = 0;
  const started = performance.now();
  for (let a = 0; a < ACTORS; a++) heap.push(gaps[next++] as number); // the engine's start events, then first timers
  let processed = ACTORS;
  while (heap.length > 0) {
    const now = heap.pop();
    processed++;
    if (next < EVENTS) heap.push(now + (gaps[next++] as number));
  }
  return processed / ((performance.now() - started) / 1000);
}

function best(measure: () => number): number {
  let top = 0;
  for (let i = 0; i < REPEATS; i++) top = Math.max(top, measure());
  return top;
}

/** Peak RSS of a fresh process that schedules ten million events at once, then runs them. */
function peakRssMb10M(): number {
  const script = fileURLToPath(new URL('./engine-memory.js', import.meta.url));
  const child = spawnSync(process.execPath, [script, '10000000'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`engine-memory benchmark failed: ${child.stderr}`);
  return (JSON.parse(child.stdout) as { peakRssMb: number }).peakRssMb;
}

export function benchEngine(): EngineBench {
  const gaps = delays();
  const eventsPerSec = best(() => engineLoop(gaps, false));
  const baselineEventsPerSec = best(() => bareLoop(gaps));
  const eventsPerSecHashed = best(() => engineLoop(gaps, true));
  return {
    eventsPerSec: Math.round(eventsPerSec),
    baselineEventsPerSec: Math.round(baselineEventsPerSec),
    ratio: Number((eventsPerSec / baselineEventsPerSec).toFixed(3)),
    eventsPerSecHashed: Math.round(eventsPerSecHashed),
    peakRssMb10M: peakRssMb10M(),
  };
}
