// Runs a scenario in virtual time: build the world, play it to the horizon, drain until nothing is in flight (or
// the drain ends), then count, check and judge. No wall clock here; the CLI measures wallMs.
import { MAX_SEED } from '../scenario/seed-bound.js';
import { Engine, type ActorWatch } from '../../sim/core/engine.js';
import type { TraceKind, TraceSink } from '../../sim/core/trace.js';
import { Ledger } from '../../sim/ledger/ledger.js';
import type { Counts } from '../../sim/ledger/counts.js';
import { countAndCheck } from '../../sim/check/all-checks.js';
import { judge, type ExpectationResult, type JudgedCheck } from '../../sim/check/verdict.js';
import { describeExpectation } from '../../sim/check/count-expectation.js';
import { OTHER_SEED, judgeCount, type CountsWaived } from '../../sim/check/expectation-result.js';
import type { ActCountName, ActCounts } from '../../fakes/sss/act-sync.js';
import type { Verdict } from '../../sim/check/check-result.js';
import type { Scenario } from '../scenario/schema.js';
import { startEpochMs } from '../scenario/start-instant.js';
import { buildWorld, type CutoverSchedule, type World } from '../world/build-world.js';
import type { DisabledMailbox, ReenabledMailbox } from '../../fakes/sss/sss-world.js';
import type { RouterErrorGroup } from '../../fakes/router/router-errors.js';

/** How often, in virtual time, the drain looks whether anything is still in flight (a serve session drains alike). */
export const DRAIN_CHECK_INTERVAL_MS = 60_000;
/** With `onProgress` (or when asked), the main run is played in this many slices so a progress bar can move. */
const PROGRESS_SLICES = 500;

export { MAX_SEED } from '../scenario/seed-bound.js';

export interface RunOptions {
  /** Overrides the scenario's seed (a whole number from 0 to 4294967295); exact `expect.counts` are then skipped. */
  readonly seed?: number;
  /**
   * Fold every event into the trace hash (default true). A fuzz case that does not check determinism needs only the
   * verdict and skips it; `traceHash` is then null.
   */
  readonly hashTrace?: boolean;
  readonly traceSink?: TraceSink;
  /** Only these kinds of record reach `traceSink` (default all): a report alone wants faults and notes. */
  readonly traceKinds?: ReadonlySet<TraceKind>;
  /**
   * Sees each actor as the world builds it (and rebuilds it after a crash or a stop): its name, its context and its
   * durable state (one object for the whole run). Returns the context the actor gets: `ctx` itself, or one that passes
   * every call on to it unchanged while watching what the actor asks of others (the trainer view sees the router's
   * and sync's reads this way, harness/demo/read-watch.ts). The trace hash is the same with or without it.
   */
  readonly watchActor?: ActorWatch;
  /** Called with the engine once the run is over, for commands that read the world's final state. */
  readonly atEnd?: (engine: Engine) => void;
  /**
   * Called between slices of the run with how far it is in virtual time. Playing the run in slices changes nothing
   * in it (the engine runs the same events in the same order; test/harness/run/run-scenario.test.ts checks the hash).
   */
  readonly onProgress?: (progress: RunProgress) => void;
}


export interface RunProgress {
  /** `check`: reported once, when the run and drain are over and counting and checking begin (seconds at scale). */
  readonly phase: 'run' | 'drain' | 'check';
  readonly nowMs: number;
  readonly horizonMs: number;
  /** Where the drain ends at the latest (horizon + drain); it usually stops sooner, when nothing is in flight. */
  readonly drainEndMs: number;
  readonly events: number;
}

/** The outcome of a run; the CLI's `--json` adds `file`, `mode` and `wallMs` (design.md's contract). */
export interface RunOutcome {
  readonly scenario: string;
  readonly seed: number;
  readonly verdict: Verdict;
  readonly counts: Counts;
  readonly checks: JudgedCheck[];
  readonly expectations: ExpectationResult[];
  readonly traceHash: string | null;
  readonly events: number;
  readonly simulatedMs: number;
  /** Server-side sync's appointments, contacts and tasks (S15), or null when the scenario does not sync them. */
  readonly act: ActCounts | null;
  /** Mailboxes server-side sync had disabled at the end (S3, S4), by when; null without server-side sync. */
  readonly disabledMailboxes: DisabledMailbox[] | null;
  /** Times mailboxes were disabled until a later Test & Enable enabled them (S3, S4), by when; null without server-side sync. */
  readonly reenabledMailboxes: ReenabledMailbox[] | null;
  /** What the E-mail Router's services wrote to their event logs, grouped (R8-R10, KB954522); null without a router. */
  readonly routerErrors: RouterErrorGroup[] | null;
  /** The scenario's cutover as scheduled (its batches and failing mailboxes), or null without one. */
  readonly cutover: CutoverSchedule | null;
  /** The ledger, for reports and tests that look at single messages. */
  readonly ledger: Ledger;
}

/** `expect.act` against what ACT sync did; a scenario without ACT sync meets none of them. */
function judgeActCounts(expect: Scenario['expect']['act'], act: ActCounts | null, waived: CountsWaived | null): ExpectationResult[] {
  return Object.entries(expect ?? {}).map(([name, expectation]) => (act === null
    ? { name: `act.${name}`, expected: describeExpectation(expectation), actual: 0, verdict: 'fail' as const, note: 'the scenario has no sss.act' }
    : judgeCount(`act.${name}`, expectation, act[name as ActCountName], waived)));
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunOutcome {
  const run = startRun(scenario, options);
  while (run.advance());
  return run.conclude();
}

/**
 * A run played a slice at a time, for callers that must get control between slices: the CLI yields to the event loop
 * there, so Ctrl-C can stop a long run and clean up its outputs (a synchronous run never lets a signal handler run).
 */
export interface RunInProgress {
  /** Plays the next slice (to the horizon at once, unless sliced); false once the run and drain are over. */
  advance(): boolean;
  /** How far the run is, in virtual time (for a message when it is stopped). */
  nowMs(): number;
  /** Counts, checks and judges; call once `advance` has returned false. */
  conclude(): RunOutcome;
}

/** `sliced`: play the run in slices even without `onProgress`, for a caller that wants control back between them. */
export function startRun(scenario: Scenario, options: RunOptions = {}, sliced = options.onProgress !== undefined): RunInProgress {
  checkParsed(scenario);
  checkSeed(options.seed);
  const seed = options.seed ?? scenario.seed;
  const engine = new Engine({
    seed, rngPerActor: scenario.randomStreams === 'per-actor', hashTrace: options.hashTrace ?? true,
    ...(options.traceSink === undefined ? {} : { traceSink: options.traceSink }),
    ...(options.traceKinds === undefined ? {} : { traceKinds: options.traceKinds }),
    ...(options.watchActor === undefined ? {} : { watchActor: options.watchActor }),
  });
  const ledger = new Ledger(() => engine.nowMs, (step, writer, ref) => engine.noteFact('ledger', null, step, writer, ref));
  const world = buildWorld(engine, ledger, scenario);

  const drainEndMs = scenario.horizon + scenario.drain;
  const { onProgress } = options;
  const report = onProgress === undefined ? undefined : (phase: RunProgress['phase']) =>
    onProgress({ phase, nowMs: engine.nowMs, horizonMs: scenario.horizon, drainEndMs, events: engine.eventsProcessed });
  const sliceMs = !sliced ? scenario.horizon : Math.max(1, Math.ceil(scenario.horizon / PROGRESS_SLICES));
  // The first slice is always played, so a horizon of 0 (the library allows it) still runs what is due at 0.
  let started = false;
  let over = false;
  let concluded = false;
  return {
    nowMs: () => engine.nowMs,
    advance() {
      if (over) return false;
      if (!started || engine.nowMs < scenario.horizon) {
        started = true;
        engine.run({ untilMs: Math.min(engine.nowMs + sliceMs, scenario.horizon) });
        report?.('run');
        return true;
      }
      if (engine.nowMs < drainEndMs && world.inFlight(true).size > 0) {
        engine.run({ untilMs: Math.min(engine.nowMs + DRAIN_CHECK_INTERVAL_MS, drainEndMs) });
        report?.('drain');
        return true;
      }
      over = true;
      report?.('check');
      return false;
    },
    conclude() {
      if (!over) throw new Error('conclude() before the run is over: call advance() until it returns false');
      // Concluding records what models never processed into the ledger: twice would record it twice.
      if (concluded) throw new Error('conclude() called twice: keep the outcome of the first');
      concluded = true;
      return concludeRun(engine, ledger, world, scenario, { seed, ...(options.atEnd === undefined ? {} : { atEnd: options.atEnd }) });
    },
  };
}

/**
 * A seed the CLI refuses (`--seed -1`) is refused here too, before a world is built: the engine took -1 or 1.5 and
 * ran a world no scenario file or command line can name again.
 */
function checkSeed(seed: number | undefined): void {
  if (seed === undefined || (Number.isSafeInteger(seed) && seed >= 0 && seed <= MAX_SEED)) return;
  throw new RangeError(`runScenario: seed must be a whole number from 0 to ${MAX_SEED} (as --seed and a scenario's seed:), got ${String(seed)}`);
}

/**
 * A scenario as written (what `arbScenario` draws, or YAML read without the schema) has its durations as text and
 * its defaults missing; run as it is, it failed deep inside the world's building with "Cannot read properties of
 * undefined". Its horizon tells (the schema makes every duration a number of milliseconds), and the defaults the
 * schema fills in.
 */
function checkParsed(scenario: Scenario): void {
  // The schema always sets randomStreams (a default): a scenario as written with durations as bare numbers lacks it.
  const { horizon, drain, randomStreams } = scenario as { horizon: unknown; drain: unknown; randomStreams: unknown };
  if (typeof horizon === 'number' && typeof drain === 'number' && typeof randomStreams === 'string') return;
  throw new TypeError(`runScenario takes a parsed scenario (from loadScenario, loadScenarioFile, parseScenarioText or parseScenarioData), `
    + `and this one is as written (horizon: ${JSON.stringify(horizon) ?? 'missing'}): parse it first, or give what arbScenario draws to judgeCase`);
}

/** How a run ends, beyond its world and scenario. */
export interface Conclusion {
  /** The seed the run used (default: the scenario's). Under another, exact counts are waived. */
  readonly seed?: number;
  /** Count expectations the run cannot be held to, whatever the seed (a serve session waives them all). */
  readonly countsWaived?: CountsWaived;
  readonly atEnd?: (engine: Engine) => void;
  /** What a driver outside the model still has in flight (wire mode: messages on a socket). */
  readonly inFlight?: ReadonlyMap<string, string>;
}

/** The end of a run in any mode: models record what they never processed, then count, check and judge. */
export function concludeRun(engine: Engine, ledger: Ledger, world: World, scenario: Scenario, conclusion: Conclusion = {}): RunOutcome {
  const { seed = scenario.seed, atEnd, inFlight = new Map<string, string>() } = conclusion;
  world.finish?.();
  ledger.setInFlight(inFlight.size === 0 ? world.inFlight() : new Map([...inFlight, ...world.inFlight()]));
  atEnd?.(engine);
  const { counts, checks } = countAndCheck(ledger, { ...scenario.expect, startEpochMs: startEpochMs(scenario) });
  const waived = conclusion.countsWaived ?? (seed === scenario.seed ? null : OTHER_SEED);
  const judgement = judge(checks, counts, scenario.expect, waived);
  const act = world.act?.() ?? null;
  const actExpectations = judgeActCounts(scenario.expect.act, act, waived);
  const verdict = actExpectations.some((e) => e.verdict === 'fail') ? 'fail' : judgement.verdict;
  return {
    scenario: scenario.name, seed, verdict, counts, act, checks: judgement.checks,
    disabledMailboxes: world.disabledMailboxes?.() ?? null,
    reenabledMailboxes: world.reenabledMailboxes?.() ?? null,
    routerErrors: world.routerErrors?.() ?? null,
    cutover: world.cutover?.() ?? null,
    expectations: [...judgement.expectations, ...actExpectations], traceHash: engine.traceHash(), events: engine.eventsProcessed,
    simulatedMs: engine.nowMs, ledger,
  };
}
