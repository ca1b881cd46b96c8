// Runs a lesson's two lanes (the same seed, traffic and shared faults; each lane its own setup) and puts together
// what the page and the narrator show. Virtual time only: the same lesson and seed give the same data, byte for byte.
import { runScenario, type RunOutcome } from '../run/run-scenario.js';
import { LANE_IDS, type DemoData, type DemoLane, type DemoOperation, type LaneId } from './demo-data.js';
import type { Lesson } from './lane-variants.js';
import { laneView } from './lane-view.js';
import { demoOperation } from './operation-captions.js';

export interface DemoRun {
  readonly data: DemoData;
  readonly outcomes: Readonly<Record<LaneId, RunOutcome>>;
}

export interface DemoOptions {
  readonly seed?: number;
  /** Called as each lane's run finishes (a progress line on a long lesson). */
  readonly onLaneDone?: (lane: LaneId) => void;
}

/** Runs one lane's variant, as `mailflow run` would run it. */
export function runLane(lesson: Lesson, lane: LaneId, seed?: number): RunOutcome {
  return runScenario(lesson.lanes[lane], seed === undefined ? {} : { seed });
}

export function buildDemo(lesson: Lesson, options: DemoOptions = {}): DemoRun {
  const outcomes = {} as Record<LaneId, RunOutcome>;
  for (const lane of LANE_IDS) {
    outcomes[lane] = runLane(lesson, lane, options.seed);
    options.onLaneDone?.(lane);
  }
  const views = LANE_IDS.map((id) => laneView({ id, scenario: lesson.lanes[id], outcome: outcomes[id], endMs: outcomes[id].simulatedMs }));
  const lanes = views.map(({ total: _total, ...lane }) => lane) as [DemoLane, DemoLane];
  const total = Math.max(...views.map((v) => v.total));
  const shown = Math.max(...views.map((v) => v.messages.length));
  const data: DemoData = {
    scenario: lesson.scenario.name,
    title: lesson.demo.title ?? lesson.scenario.name,
    description: lesson.scenario.description ?? '',
    start: lesson.scenario.start,
    endMs: Math.max(...LANE_IDS.map((lane) => outcomes[lane].simulatedMs)),
    lanes,
    operations: operationsOf(lesson),
    captions: lesson.demo.captions.map((c) => ({ atMs: c.at, lane: c.lane, text: c.text })).sort((a, b) => a.atMs - b.atMs),
    sampled: total > shown ? { shown, total } : null,
  };
  return { data, outcomes };
}

/** The shared faults (both lanes) and each lane's own operations, in time order. */
function operationsOf(lesson: Lesson): DemoOperation[] {
  const shared = lesson.scenario.faults;
  const operations = shared.map((fault) => demoOperation(fault, 'both'));
  for (const lane of LANE_IDS) {
    for (const fault of lesson.lanes[lane].faults.slice(shared.length)) operations.push(demoOperation(fault, lane));
  }
  return operations.sort((a, b) => a.atMs - b.atMs);
}
