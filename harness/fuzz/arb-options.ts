// arbScenario's options and their bounds, checked before any scenario is drawn. Left to fast-check, `maxMessages: 0`
// made scenarios without traffic (every property then passes, proving nothing), -1 dropped a message, and
// `paths: []` or 1.5 failed inside fast-check with errors that named no option. The bounds are those `mailflow fuzz`
// keeps on its flags (harness/cli/main.ts: --max-messages, --max-faults, --paths), so a campaign the CLI refuses is
// refused here too.
import { FUZZ_PATHS, type FuzzPath } from './fuzz-shape.js';
import { INJECTED_BUG_NAMES, type InjectedBug } from '../scenario/injected-bugs.js';

export interface ArbScenarioOptions {
  /** Only faults the modelled systems are built to survive without losing or duplicating mail (default true). */
  readonly survivableOnly?: boolean;
  /** The processing paths to draw from, one or more (default all: router, sss, cutover). */
  readonly paths?: readonly FuzzPath[];
  /**
   * At most this many messages, a whole number from 1 (default 20). Traffic comes in at most 4 bursts of at most 8
   * messages, so a bound above 32 changes nothing.
   */
  readonly maxMessages?: number;
  /** At most this many fault windows, a whole number from 0 (default 2). */
  readonly maxFaults?: number;
  /** A known defect every generated scenario switches on (`injectBug:`). */
  readonly injectBug?: InjectedBug;
  /**
   * Also draw people's habits (filing, deleting, moving back, replying, tracking) and a junk filter, allowing the
   * untracked mail they explain (arb-people.ts). Default false: it changes what every seed generates.
   */
  readonly habits?: boolean;
}

export const DEFAULT_MAX_MESSAGES = 20;
export const DEFAULT_MAX_FAULTS = 2;
/** The least `maxMessages` (`mailflow fuzz --max-messages`): a scenario without traffic tests nothing. */
export const MIN_MAX_MESSAGES = 1;
/** The least `maxFaults` (`mailflow fuzz --max-faults`): 0 draws scenarios without fault windows. */
export const MIN_MAX_FAULTS = 0;

/** Throws a RangeError naming `option` unless `value` is a whole number at least `min`. */
export function checkWholeNumber(where: string, option: string, value: unknown, min: number, flag: string): void {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return;
  throw new RangeError(`${where}: ${option} must be a whole number, at least ${min} (as mailflow fuzz ${flag}), got ${show(value)}`);
}

/** Throws a RangeError or TypeError naming the first option out of its bounds. */
export function checkArbScenarioOptions(options: ArbScenarioOptions): void {
  const where = 'arbScenario';
  if (options.maxMessages !== undefined) checkWholeNumber(where, 'maxMessages', options.maxMessages, MIN_MAX_MESSAGES, '--max-messages');
  if (options.maxFaults !== undefined) checkWholeNumber(where, 'maxFaults', options.maxFaults, MIN_MAX_FAULTS, '--max-faults');
  const { paths } = options;
  if (paths !== undefined && (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => (FUZZ_PATHS as readonly unknown[]).includes(p)))) {
    throw new RangeError(`${where}: paths must list one or more of ${FUZZ_PATHS.join(', ')} (as mailflow fuzz --paths), got ${show(paths)}`);
  }
  if (options.injectBug !== undefined && !(INJECTED_BUG_NAMES as readonly unknown[]).includes(options.injectBug)) {
    throw new RangeError(`${where}: injectBug must be one of ${INJECTED_BUG_NAMES.join(', ')}, got ${show(options.injectBug)}`);
  }
  for (const flag of ['survivableOnly', 'habits'] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') throw new TypeError(`${where}: ${flag} must be true or false, got ${show(options[flag])}`);
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : Array.isArray(value) ? JSON.stringify(value) : String(value);
}
