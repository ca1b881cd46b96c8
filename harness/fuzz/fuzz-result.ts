// The outcome of a fuzz campaign (or of one shard of it): `mailflow fuzz --json` prints it, `mailflow fuzz merge`
// combines shards' results. The first six fields are the contract the fuzz issue set (runs, failures, seed,
// failingSeed, runsPerSec, counterexample: docs/fuzz.md); the rest say which failure it was and what ran it.
export interface FuzzResult {
  readonly runs: number;
  readonly failures: number;
  readonly seed: number;
  /** The seed of the smallest failing run (the scenario it generates fails), or null. */
  readonly failingSeed: number | null;
  readonly runsPerSec: number;
  /** The shrunk counterexample's scenario file, or null. */
  readonly counterexample: string | null;
  /** The smallest failing run number (0-based), or null. */
  readonly failingRun: number | null;
  /** What the counterexample fails: a checker with its summary, an expectation, determinism, a crash. */
  readonly problems: string[];
  /** The counterexample's first offending message and the path it took, as printed lines. */
  readonly firstOffender: string[];
  readonly shrinkSteps: number | null;
  readonly shard: string;
  readonly workers: number;
  readonly injectBug: string | null;
  readonly wallMs: number;
  /**
   * What decides which runs the campaign makes and what each one generates and checks, besides the seed and the
   * injected defect: shards merge only when they agree on it. Absent in results of versions before it existed.
   */
  readonly campaign?: CampaignShape;
}

/** A campaign's options that every shard must share (`--runs` is the whole campaign's, not the shard's). */
export interface CampaignShape {
  readonly runs: number;
  readonly paths: readonly string[];
  readonly maxMessages: number;
  readonly maxFaults: number;
  readonly allFaults: boolean;
  readonly habits: boolean;
  readonly checkDeterminism: boolean;
  /**
   * A fingerprint of what the generator draws with these options (a hash of a few scenarios it generates): shards
   * made by versions that generate differently do not merge, whatever their options say.
   */
  readonly generator: string;
}

/** The result with its fields in docs/fuzz.md's order, the contract's six first, whichever way it was built. */
export function inDocumentedOrder(r: FuzzResult): FuzzResult {
  return {
    runs: r.runs, failures: r.failures, seed: r.seed, failingSeed: r.failingSeed, runsPerSec: r.runsPerSec, counterexample: r.counterexample,
    failingRun: r.failingRun, problems: r.problems, firstOffender: r.firstOffender, shrinkSteps: r.shrinkSteps,
    shard: r.shard, workers: r.workers, injectBug: r.injectBug, wallMs: r.wallMs,
    ...(r.campaign === undefined ? {} : { campaign: r.campaign }),
  };
}
