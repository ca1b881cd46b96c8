// A latency histogram with every range of the ladder, 0 to four weeks (25 bars: what a run whose latencies span
// milliseconds to days shows), for the browser tests of its bars' counts and axis labels; and a whole report page
// with it in place of a real run's histogram.
import { writeFileSync } from 'node:fs';
import { LATENCY_EDGES_MS, type LatencyHistogram } from '../../../harness/report/latency-histogram.js';
import { recordFaults } from '../../../harness/report/applied-faults.js';
import { reportData } from '../../../harness/report/report-data.js';
import { reportHtml } from '../../../harness/report/report-page.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';

/** Each of the ladder's 25 ranges, bar `i` holding `countOf(i)` messages. */
export function manyBinsHistogram(countOf: (i: number) => number): LatencyHistogram {
  const bins = LATENCY_EDGES_MS.slice(1).map((toMs, i) => ({ fromMs: LATENCY_EDGES_MS[i] as number, toMs, count: countOf(i) }));
  return { samples: bins.reduce((sum, b) => sum + b.count, 0), p50Ms: 200_000, p95Ms: 3 * 3_600_000, maxMs: 27 * 86_400_000, bins };
}

/**
 * The report of `scenarios/cutover-router-to-sss.yaml` (its timeline's faults and operations, its expectations) with
 * `histogram` as its latency, written to `file`.
 */
export function writeManyBinsReport(file: string, histogram: LatencyHistogram): void {
  const path = 'scenarios/cutover-router-to-sss.yaml';
  const scenario = loadScenarioFile(path);
  const faults = recordFaults();
  const outcome = runScenario(scenario, { traceSink: faults.sink });
  writeFileSync(file, reportHtml({ ...reportData({ outcome, file: path, scenario, applied: faults.applied }), latency: histogram }));
}
