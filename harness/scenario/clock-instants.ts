// Wall-clock instants in a scenario file. An incident is known by clock times (event logs, message tracking, users'
// tickets), often local ones, while a scenario counts time from its `start`. So `start` may carry a UTC offset
// (`2026-11-24T09:00:00+01:00` is read as 08:00:00Z), and a field that names an instant (`at`, `backupAt`, `since`,
// `until`, `processEmailFrom`) may be written as an ISO 8601 date and time with a zone: it is read as the time after
// the start (the incident review had to add offsets by hand). Only those keys, and only a full date, time and zone:
// a Subject or a header that happens to look like a date is left alone, and a time without a zone is refused by the
// schema as it always was, since it would mean the machine's own zone.

/** The keys whose values are instants after the start (durations from it, or before it for processEmailFrom). */
const INSTANT_KEYS = new Set(['at', 'backupAt', 'since', 'until', 'processEmailFrom']);
/** Keys that may lie before the start (S2a: Process Email From a day before, say). */
const MAY_PRECEDE_START = new Set(['processEmailFrom']);

/** A date, a time to the minute or finer, and a zone: `Z` or an offset. */
const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export interface ClockInstantProblem {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}

/** Epoch milliseconds of a zoned ISO instant, or null when the text is not one (or names no real date). */
function zonedInstantMs(text: string): number | null {
  if (!ZONED_INSTANT.test(text)) return null;
  const ms = Date.parse(text); // deterministic: the text carries its zone
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The scenario data with wall-clock instants read as times after the start, and `start` in UTC; the data itself is
 * left as it is (a library caller's object is theirs). Problems: an instant before the start where none may be.
 */
export function readClockInstants(data: unknown): { data: unknown; problems: ClockInstantProblem[] } {
  const problems: ClockInstantProblem[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { data, problems };
  const start = (data as Record<string, unknown>)['start'];
  const startMs = typeof start === 'string' ? zonedInstantMs(start) : null;
  if (startMs === null) return { data, problems };
  const startUtc = new Date(startMs).toISOString().replace('.000Z', 'Z');
  const rewrite = (value: unknown, path: PropertyKey[]): unknown => {
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null;
      value.forEach((item, i) => {
        const next = rewrite(item, [...path, i]);
        if (next !== item) (copy ??= [...value])[i] = next;
      });
      return copy ?? value;
    }
    if (value === null || typeof value !== 'object') return value;
    let copy: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      let next = rewrite(item, [...path, key]);
      if (INSTANT_KEYS.has(key) && typeof item === 'string') {
        const ms = zonedInstantMs(item.trim());
        if (ms !== null) {
          next = ms - startMs;
          if (ms < startMs && !MAY_PRECEDE_START.has(key)) {
            problems.push({ path: [...path, key], message: `${item} is before the start (${startUtc}): ${key} is a time after the start` });
          }
        }
      }
      if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
    }
    return copy ?? value;
  };
  const rewritten = rewrite(data, []) as Record<string, unknown>;
  return { data: start === startUtc ? rewritten : { ...rewritten, start: startUtc }, problems };
}
