// Which messages the report's table lists. A page holds a few thousand rows; beyond that the table is a
// deterministic sample (same run, same rows) that keeps every message a check names, and the page states the rule.

/** Rows a report's message table holds before it samples. */
export const MESSAGE_TABLE_LIMIT = 2_000;

export interface MessageSample {
  /** Indexes into the messages in first-seen order, ascending. */
  readonly indexes: readonly number[];
  /** The sampling rule in a sentence, or null when every message is listed. */
  readonly rule: string | null;
}

/**
 * @param offenders indexes of messages some check names: all kept (up to `limit`, first-seen first).
 * The rest of the room goes to every k-th other message in first-seen order, k as small as fits.
 */
export function sampleMessages(total: number, offenders: ReadonlySet<number>, limit = MESSAGE_TABLE_LIMIT): MessageSample {
  if (total <= limit) return { indexes: Array.from({ length: total }, (_, i) => i), rule: null };
  const kept = [...offenders].filter((i) => i < total).sort((a, b) => a - b).slice(0, limit);
  const room = limit - kept.length;
  const others = total - offenders.size;
  const stride = room === 0 ? 0 : Math.ceil(others / room);
  const chosen = new Set(kept);
  if (stride > 0) {
    let otherIndex = 0;
    for (let i = 0; i < total; i++) {
      if (offenders.has(i)) continue;
      if (otherIndex % stride === 0) chosen.add(i);
      otherIndex++;
    }
  }
  const indexes = [...chosen].sort((a, b) => a - b);
  const count = (k: number) => k.toLocaleString('en-US');
  const named = offenders.size === 0 ? null : kept.length < offenders.size
    ? `the first ${count(kept.length)} of the ${count(offenders.size)} messages a check names (in the order the ledger first saw them)`
    : `all ${count(kept.length)} messages a check names`;
  const rest = stride === 0 ? null
    : `${stride === 1 ? 'every' : `every ${ordinal(stride)}`} ${offenders.size === 0 ? '' : 'other '}message in the order the ledger first saw them, starting with the first`;
  return {
    indexes,
    rule: `This run has ${count(total)} messages, more than the ${count(limit)} a page holds: the table lists ${count(indexes.length)}: ${[named, rest].filter((p) => p !== null).join(', and ')}.`,
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n.toLocaleString('en-US')}${suffix}`;
}
