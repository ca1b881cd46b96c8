// Runs a lesson's two lanes (the same seed, traffic and shared faults; each lane its own setup) and puts together
// what the page and the narrator show. Virtual time only: the same lesson and seed give the same data, byte for byte.
import { runScenario, type RunOutcome } from '../run/run-scenario.js';
import { FAULT_RECORD_KINDS, recordFaults, type AppliedFault, type FaultRecorder, type RaisedAlert } from '../report/applied-faults.js';
import type { ScenarioFault } from '../scenario/schema.js';
import { LANE_IDS, type DemoData, type DemoLane, type DemoOperation, type LaneId } from './demo-data.js';
import type { Lesson } from './lane-variants.js';
import { laneView } from './lane-view.js';
import { alertOperation, demoOperation, type CaptionContext, type LaneReaders } from './operation-captions.js';
import { routerInstanceNames } from '../scenario/routers.js';
import { worldActorKinds } from '../world/build-world.js';
import { READ_WATCH_KINDS, watchReads, type ReadWatch } from './read-watch.js';
import { ruleNamesUser } from '../scenario/rule-users.js';

export interface DemoRun {
  readonly data: DemoData;
  readonly outcomes: Readonly<Record<LaneId, RunOutcome>>;
}

export interface DemoOptions {
  readonly seed?: number;
  /** Called as each lane's run finishes (a progress line on a long lesson). */
  readonly onLaneDone?: (lane: LaneId) => void;
}

/**
 * Runs one lane's variant, as `mailflow run` would run it; with `faults`, recording the faults the engine applied
 * (for the lane's report), as `mailflow run --report` does.
 */
export function runLane(lesson: Lesson, lane: LaneId, seed?: number, faults?: FaultRecorder): RunOutcome {
  return runScenario(lesson.lanes[lane], {
    ...(seed === undefined ? {} : { seed }),
    ...(faults === undefined ? {} : { traceSink: faults.sink, traceKinds: FAULT_RECORD_KINDS }),
  });
}

export function buildDemo(lesson: Lesson, options: DemoOptions = {}): DemoRun {
  const outcomes = {} as Record<LaneId, RunOutcome>;
  const applied = {} as Record<LaneId, readonly AppliedFault[]>;
  const alerts: DemoOperation[] = [];
  const raised = {} as Record<LaneId, readonly RaisedAlert[]>;
  const reads = {} as Record<LaneId, ReadWatch>;
  for (const lane of LANE_IDS) {
    // The faults as the engine applied them: the file's, and those a cutover block or a model schedules itself; and
    // the readers' reads and positions (R8, S5, S6), which no record of the run keeps.
    const watch = watchReads(lesson.lanes[lane]);
    const recorder = recordFaults(watch.sink);
    reads[lane] = watch;
    outcomes[lane] = runScenario(lesson.lanes[lane], {
      ...(options.seed === undefined ? {} : { seed: options.seed }), traceSink: recorder.sink, traceKinds: new Set([...FAULT_RECORD_KINDS, ...READ_WATCH_KINDS]),
      watchActor: watch.watchActor,
    });
    applied[lane] = recorder.applied;
    raised[lane] = recorder.alerts;
    alerts.push(...recorder.alerts.map((alert) => alertOperation(alert, lane)));
    options.onLaneDone?.(lane);
  }
  const views = LANE_IDS.map((id) => laneView({ id, scenario: lesson.lanes[id], outcome: outcomes[id], endMs: outcomes[id].simulatedMs, reads: reads[id].reads }));
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
    operations: [...operationsOf(lesson, applied, captionContext(lesson, applied, outcomes, raised)), ...alerts].sort((a, b) => a.atMs - b.atMs),
    captions: lesson.demo.captions.map((c) => ({ atMs: c.at, lane: c.lane, text: c.text })).sort((a, b) => a.atMs - b.atMs),
    sampled: total > shown ? { shown, total } : null,
  };
  return { data, outcomes };
}

/**
 * Every fault and operation each lane applied, with the file's own entries (which carry the details captions need:
 * a database, a list of mailboxes) where they match. One the file shares between the lanes, or that both lanes
 * applied alike, is shown once for both.
 */
function operationsOf(lesson: Lesson, applied: Readonly<Record<LaneId, readonly AppliedFault[]>>, context: CaptionContext): DemoOperation[] {
  const sharedCount = lesson.scenario.faults.length;
  const perLane = LANE_IDS.map((lane) => {
    const declared = lesson.lanes[lane].faults.map((fault, index) => ({ fault, shared: index < sharedCount, used: false }));
    return applied[lane].map(({ atMs, verb, target, params }) => {
      const match = declared.find((d) => !d.used && d.fault.at === atMs && d.fault.verb === verb && (d.fault.target ?? '') === target);
      if (match !== undefined) match.used = true;
      // An operation the world scheduled itself reads its settings from the trace (params use the file's field names).
      const fault: ScenarioFault = match?.fault ?? { ...(params ?? {}), at: atMs, verb, ...(target === '' ? {} : { target }) };
      return { lane, fault, shared: match?.shared === true, key: `${atMs} ${verb} ${target}` };
    });
  });
  const [router = [], sss = []] = perLane;
  const inRouter = new Set(router.map((o) => o.key));
  const inSss = new Set(sss.map((o) => o.key));
  const operations: DemoOperation[] = [];
  for (const o of router) operations.push(demoOperation(o.fault, o.shared || inSss.has(o.key) ? 'both' : 'router', context));
  for (const o of sss) if (!o.shared && !inRouter.has(o.key)) operations.push(demoOperation(o.fault, 'sss', context));
  return operations.sort((a, b) => a.atMs - b.atMs);
}

/** How long after a Test & Enable its results are its own: sync tests the mailboxes within seconds (S3). */
const TEST_WINDOW_MS = 60_000;
const TEST_FAILED = /^mailbox (\S+): Test & Enable failed: (.*)$/;

/**
 * Both lanes' actors and inbox rules (a lane may add its own), who reads mail in each lane and when, and what each
 * Test & Enable came to in the run (its alerts, the mailboxes it enabled again), for the captions.
 */
function captionContext(
  lesson: Lesson, applied: Readonly<Record<LaneId, readonly AppliedFault[]>>, outcomes: Readonly<Record<LaneId, RunOutcome>>,
  alerts: Readonly<Record<LaneId, readonly RaisedAlert[]>>,
): CaptionContext {
  const kinds = new Map([...worldActorKinds(lesson.lanes.router), ...worldActorKinds(lesson.lanes.sss)]);
  const rules = LANE_IDS.flatMap((lane) => lesson.lanes[lane].exchange?.rules ?? []);
  const lanesOf = (lane: LaneId | 'both'): readonly LaneId[] => (lane === 'both' ? LANE_IDS : [lane]);
  // R14: once Process Email Using is server-side sync, the router reads nothing more for the organisation, and sync
  // reads nothing before. The switch's own instant counts for both.
  const switchedAt = (lane: LaneId): number => applied[lane].find((f) => f.verb === 'switchToServerSideSync')?.atMs ?? Infinity;
  const readersAt = (lane: LaneId, atMs: number): LaneReaders => ({
    router: routerInstanceNames(lesson.lanes[lane]).length > 0 && atMs <= switchedAt(lane),
    sss: lesson.lanes[lane].sss !== undefined && atMs >= switchedAt(lane),
  });
  const sssLanes = LANE_IDS.filter((lane) => lesson.lanes[lane].sss !== undefined);
  return {
    kindOf: (target) => kinds.get(target),
    hasInboxRule: (mailbox) => rules.some((rule) => rule.users === 'all' || ruleNamesUser(rule.users, mailbox.toLowerCase(), undefined)),
    readers: (lane, atMs) => lanesOf(lane).map((l) => readersAt(l, atMs)).reduce((a, b) => ({ router: a.router || b.router, sss: a.sss || b.sss })),
    testOutcome: (lane, atMs, named) => {
      const of = lanesOf(lane).find((l) => sssLanes.includes(l));
      if (of === undefined) return null;
      const covered = (address: string): boolean => named === null || named.some((m) => m.toLowerCase() === address.toLowerCase());
      // Up to the lane's next Test & Enable, if that comes sooner: two within a minute each claimed the other's results.
      const next = applied[of].filter((f) => f.verb === 'testAndEnable' && f.atMs > atMs).reduce((min, f) => Math.min(min, f.atMs), Infinity);
      const within = (ms: number): boolean => ms >= atMs && ms < Math.min(atMs + TEST_WINDOW_MS, next);
      const failed = alerts[of].filter((a) => within(a.atMs)).flatMap((a) => {
        const match = TEST_FAILED.exec(a.text);
        return match === null || !covered(match[1] ?? '') ? [] : [{ address: match[1] ?? '', why: match[2] ?? '' }];
      });
      const enabledAgain = (outcomes[of].reenabledMailboxes ?? []).filter((r) => within(r.enabledAgainAtMs) && covered(r.address)).map((r) => r.address);
      return { failed, enabledAgain };
    },
    processEmailFromSet: (lane, atMs) => lanesOf(lane).filter((l) => sssLanes.includes(l)).some((l) => (lesson.lanes[l].sss?.profiles ?? []).some((p) => p.processEmailFrom !== undefined)
      || applied[l].some((f) => f.verb === 'setProcessEmailFrom' && f.atMs <= atMs)),
    transientRetries: () => sssLanes.map((l) => lesson.lanes[l].sss?.settings.transientRetries).find((n) => n !== undefined) ?? 10,
  };
}
