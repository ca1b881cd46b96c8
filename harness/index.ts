// mailflow-sim as a library (`import { runScenario, loadScenario, arbScenario } from 'mailflow-sim'`): load or
// generate scenarios, run them in virtual time, judge them, fuzz them. The vitest matchers are a separate entry,
// `mailflow-sim/vitest`. docs/library.md shows each in use.

// Scenarios: read, validate, write.
/** Reads a scenario file and what it refers to (.eml files, router files); throws InputError naming file, line, column. */
export { loadScenario } from './scenario/load-scenario.js';
/** Reads a scenario file that refers to no other files, synchronously. */
export { loadScenarioFile } from './scenario/load-scenario.js';
/** Validates scenario YAML held in a string. */
export { parseScenarioText } from './scenario/load-scenario.js';
/** Validates scenario data held in memory (what arbScenario generates, say). */
export { parseScenarioData } from './scenario/load-scenario.js';
/** Bad input: every problem with its file, line, column and field path. */
export { InputError } from './scenario/input-error.js';
export type { InputProblem } from './scenario/input-error.js';
/** A validated scenario, with every default filled in. */
export type { Scenario, ScenarioFault } from './scenario/schema.js';
/** The known defects a scenario's `injectBug:` switches on, with what each does. */
export { INJECTED_BUGS, INJECTED_BUG_NAMES } from './scenario/injected-bugs.js';
export type { InjectedBug } from './scenario/injected-bugs.js';
/** The absolute path of a scenario (or `plans/...` plan) file the package ships, by name, and the names. */
export { shippedScenario, shippedScenarioNames } from './testing/shipped-scenario.js';
/** Scenario data as YAML in the shipped scenarios' style, optionally under a comment header. */
export { scenarioYaml } from './fuzz/scenario-yaml.js';

// Running and judging.
/** Runs a scenario in virtual time: counts, every checker's verdict, the run's verdict, the trace hash, the ledger. */
export { runScenario, MAX_SEED } from './run/run-scenario.js';
export type { RunOptions, RunOutcome, RunProgress } from './run/run-scenario.js';
export type { Counts, NumericCountName } from '../sim/ledger/counts.js';
export type { CheckResult, Offender, Verdict } from '../sim/check/check-result.js';
export type { JudgedCheck, ExpectationResult } from '../sim/check/verdict.js';
export type { Ledger } from '../sim/ledger/ledger.js';
export type { MessageLife, PathStep } from '../sim/ledger/records.js';
/** The checkers' names, in the order runs report them. */
export { CHECK_NAMES } from '../sim/check/all-checks.js';

// Property-based testing with fast-check.
/** Whole scenarios (as YAML data, printing as YAML): topology, paths, traffic, fault windows, cutover. */
export { arbScenario, DEFAULT_MAX_FAULTS, DEFAULT_MAX_MESSAGES, MIN_MAX_FAULTS, MIN_MAX_MESSAGES } from './fuzz/arb-scenario.js';
export type { ArbScenarioOptions } from './fuzz/arb-scenario.js';
/** A scenario made from its parts as arbScenario makes it, its horizon, and its printing as YAML (your own, varied). */
export { horizonFor, scenarioFromParts, withYaml } from './fuzz/scenario-parts.js';
export type { ScenarioFromPartsOptions, ScenarioParts } from './fuzz/scenario-parts.js';
/** The parts arbScenario combines, with the functions that turn each into scenario sections. */
export { arbTopology, exchangeSection, recipientsOf, usersOf } from './fuzz/arb-topology.js';
export type { FuzzTopology } from './fuzz/arb-topology.js';
export { arbBursts, messagesOf } from './fuzz/arb-traffic.js';
export type { FuzzBurst } from './fuzz/arb-traffic.js';
export { arbFault, faultKindsFor, operationsOf, FAULT_KINDS } from './fuzz/arb-faults.js';
export type { FaultKind, FuzzFault } from './fuzz/arb-faults.js';
export { arbProcessing, crmSection, pathOperations, routerSection, sssSection } from './fuzz/arb-paths.js';
export type { FuzzCutover, FuzzProcessing } from './fuzz/arb-paths.js';
export { arbHabits, HABIT_REASONS } from './fuzz/arb-people.js';
export type { FuzzHabits, FuzzOffline, OutlookUse } from './fuzz/arb-people.js';
export { FUZZ_PATHS } from './fuzz/fuzz-shape.js';
export type { FuzzPath, ScenarioInput, FaultInput } from './fuzz/fuzz-shape.js';
/** Validates, runs and judges one generated scenario (optionally twice, comparing trace hashes). */
export { judgeCase } from './fuzz/fuzz-case.js';
export type { CaseOptions, CaseVerdict } from './fuzz/fuzz-case.js';

// Fuzz campaigns (what `mailflow fuzz` runs).
/** Runs a campaign: every run of the shard over worker threads, then the smallest failure shrunk and written. */
export { runCampaign, DEFAULT_RUNS, DEFAULT_OUT_DIR } from './fuzz/fuzz-campaign.js';
export type { CampaignOptions } from './fuzz/fuzz-campaign.js';
export type { CampaignShape, FuzzResult } from './fuzz/fuzz-result.js';
/** Combines shards' results into the campaign's. */
export { mergeResults } from './fuzz/fuzz-merge.js';
/** Run k's seed, the runs a shard takes, `i/n` parsing. */
export { runSeed, shardRuns, sliceSize, parseShard, WHOLE_CAMPAIGN } from './fuzz/fuzz-seed.js';
export type { Shard } from './fuzz/fuzz-seed.js';

// Cutover plans (what `mailflow plan` runs).
/** Reads and validates a plan file (`kind: plan`), or plan YAML held in a string. */
export { loadPlanFile, parsePlanText } from './plan/load-plan.js';
export type { Plan } from './plan/plan-schema.js';
/** Turns a plan into the scenario it stands for, with its Test & Enable batches. */
export { compilePlan } from './plan/compile-plan.js';
export type { CompiledPlan } from './plan/compile-plan.js';
/** Runs a plan: per-batch figures, totals, grade, recommendations (optionally with what-if variants). */
export { runPlan } from './plan/run-plan.js';
export type { PlanResult, PlanRunOptions } from './plan/run-plan.js';
export type { BatchFigures, PlanCounts } from './plan/plan-metrics.js';
export { gradeOf, GRADES } from './plan/grade.js';
export type { Grade } from './plan/grade.js';

// Wire mode (docs/wire.md): the fake Exchange on real sockets.
/** Serves a scenario's Exchange on loopback SMTP until `stop()`, which drains, counts and judges (mode wire). */
export { startServe, DEFAULT_SMTP_PORT, DEFAULT_SERVE_TIME_SCALE } from './run/serve-scenario.js';
export type { ReceivedItem, ServeOptions, ServeSession } from './run/serve-scenario.js';
/** Runs a scenario over real sockets, virtual time following the wall clock times a scale. */
export { runScenarioOnWire, DEFAULT_WIRE_TIME_SCALE } from './run/run-wire.js';
export type { WireRunOptions } from './run/run-wire.js';
/** The listener's safety limits and their defaults. */
export { DEFAULT_LIMITS } from '../fakes/wire/listener-limits.js';
export type { ListenerLimits } from '../fakes/wire/listener-limits.js';
export type { WireListener } from '../fakes/wire/smtp-listener.js';
