// Run in a fresh process by the engine benchmark: schedules N no-op events at once through one actor, runs them,
// and prints this process's peak RSS, so the figure is the engine's and not the rest of the benchmark's.
import { Engine } from '../sim/core/engine.js';
import type { ActorContext } from '../sim/core/actor.js';

const events = Number(process.argv[2] ?? 10_000_000);
const engine = new Engine({ seed: 1 });
let context: ActorContext | undefined;
let fired = 0;
engine.spawn('sink', (ctx) => {
  context = ctx;
  return { onTimer() { fired++; } };
}, null);
engine.run({ untilMs: 0 });
for (let i = 0; i < events; i++) (context as ActorContext).setTimer((i * 7919) % 86_400_000, 'tick');
const scheduled = engine.pendingEvents;
engine.run({ untilMs: Infinity });
if (fired !== events || scheduled !== events) throw new Error(`scheduled ${scheduled}, fired ${fired}, expected ${events}`);
process.stdout.write(JSON.stringify({ events, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
