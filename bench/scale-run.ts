// Run in a fresh process by the scale benchmark: loads a scenario, runs it end to end (model, ledger, counts and
// checkers, as `mailflow run` does) and prints one JSON line with the figures, so the peak RSS is this run's alone.
// Progress goes to stderr every 10% of virtual time: the full scale run takes a while.
import { performance } from 'node:perf_hooks';
import { loadScenario } from '../harness/scenario/load-scenario.js';
import { runScenario } from '../harness/run/run-scenario.js';

export interface ScaleRunFigures {
  messages: number;
  mailboxes: number;
  wallMs: number;
  messagesPerSec: number;
  peakRssMb: number;
  verdict: string;
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: scale-run.js SCENARIO');
const scenario = await loadScenario(file);
let shownTenth = 0;
const started = performance.now();
const outcome = runScenario(scenario, {
  onProgress: ({ phase, nowMs, horizonMs }) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    if (phase === 'check') {
      process.stderr.write(`  scale: counting and checking after ${seconds} s\n`);
      return;
    }
    const tenth = phase === 'run' ? Math.floor((nowMs / horizonMs) * 10) : 10;
    if (tenth <= shownTenth) return;
    shownTenth = tenth;
    process.stderr.write(`  scale: ${phase === 'run' ? `${tenth * 10}% of the horizon` : 'draining'} after ${seconds} s\n`);
  },
});
// Whole milliseconds, at least one, so the rate printed is exactly messages / wallMs.
const wallMs = Math.max(1, Math.round(performance.now() - started));
const figures: ScaleRunFigures = {
  messages: outcome.counts.sent,
  mailboxes: scenario.exchange?.mailboxes.length ?? 0,
  wallMs,
  messagesPerSec: Math.round(outcome.counts.sent / (wallMs / 1000)),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  verdict: outcome.verdict,
};
process.stdout.write(JSON.stringify(figures) + '\n');
