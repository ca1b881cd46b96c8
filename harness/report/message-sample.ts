// Which messages the report's table lists. A page holds a few thousand rows; beyond that the table is a
// deterministic sample (same run, same rows), and the page states the rule. Messages a check names come first: all of
// them when they fit, else a sample across the checks, their reasons and the run (each check's offenders are listed
// so that any beginning of its list is such a sample, sim/check/offender-order.ts).
import { apportioned } from '../../sim/check/offender-order.js';

/** Rows a report's message table holds before it samples. */
export const MESSAGE_TABLE_LIMIT = 2_000;

export interface MessageSample {
  /** Indexes into the messages in first-seen order, ascending. */
  readonly indexes: readonly number[];
  /** The sampling rule in a sentence, or null when every message is listed. */
  readonly rule: string | null;
}

/**
 * @param named per check, the indexes of the messages it names, in the check's order (a message twice in one list, a
 * lost copy per recipient, counts once). All are kept when they fit; else the room goes to the checks in proportion
 * to how many each names (each at least one), each check's taken from the start of its list.
 * The room left goes to every k-th other message in first-seen order, k as small as fits.
 */
export function sampleMessages(total: number, named: ReadonlyArray<readonly number[]>, limit = MESSAGE_TABLE_LIMIT): MessageSample {
  if (total <= limit) return { indexes: Array.from({ length: total }, (_, i) => i), rule: null };
  const offenders = new Set<number>();
  for (const list of named) for (const i of list) if (i < total) offenders.add(i);
  const count = (k: number) => k.toLocaleString('en-US');
  if (offenders.size > limit) {
    const indexes = sampleNamed(named, limit);
    return {
      indexes,
      rule: `This run has ${count(total)} messages, more than the ${count(limit)} a page holds, and its checks name ${count(offenders.size)}: `
        + `the table lists ${count(indexes.length)} of those, chosen across the checks, their reasons and the run `
        + '(one of each reason first, then in proportion to how many each has, each spread from its first to its last), in the order the ledger first saw them.',
    };
  }
  const room = limit - offenders.size;
  const others = total - offenders.size;
  const stride = room === 0 ? 0 : Math.ceil(others / room);
  const chosen = new Set(offenders);
  if (stride > 0) {
    let otherIndex = 0;
    for (let i = 0; i < total; i++) {
      if (offenders.has(i)) continue;
      if (otherIndex % stride === 0) chosen.add(i);
      otherIndex++;
    }
  }
  const indexes = [...chosen].sort((a, b) => a - b);
  const kept = offenders.size === 0 ? null : `all ${count(offenders.size)} messages a check names`;
  const rest = stride === 0 ? null
    : `${stride === 1 ? 'every' : `every ${ordinal(stride)}`} ${offenders.size === 0 ? '' : 'other '}message in the order the ledger first saw them, starting with the first`;
  return {
    indexes,
    rule: `This run has ${count(total)} messages, more than the ${count(limit)} a page holds: the table lists ${count(indexes.length)}: ${[kept, rest].filter((p) => p !== null).join(', and ')}.`,
  };
}

/** `limit` of the messages the checks name: the checks in proportion, each from the start of its (sampled) list. */
function sampleNamed(named: ReadonlyArray<readonly number[]>, limit: number): number[] {
  const chosen = new Set<number>();
  const next = named.map(() => 0);
  for (const check of apportioned(named.map((list) => list.length))) {
    const list = named[check] as readonly number[];
    chosen.add(list[(next[check] as number)++] as number);
    if (chosen.size === limit) break;
  }
  return [...chosen].sort((a, b) => a - b);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n.toLocaleString('en-US')}${suffix}`;
}
