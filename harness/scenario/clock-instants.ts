// Wall-clock instants in a scenario file. An incident is known by clock times (event logs, message tracking, users'
// tickets), often local ones, while a scenario counts time from its `start`. So `start` may carry a UTC offset
// (`2026-11-24T09:00:00+01:00` is read as 08:00:00Z), and a field that names an instant (`at`, `backupAt`, `since`,
// `until`, `processEmailFrom`) may be written as an ISO 8601 date and time with a zone: it is read as the time after
// the start (the incident review had to add offsets by hand). Only those keys, and only a full date, time and zone:
// a Subject or a header that happens to look like a date is left alone, and a time without a zone is refused by the
// loader as it always was, since it would mean the machine's own zone.
import { MAX_DURATION_MS, MAX_DURATION_SAID } from './time-bounds.js';
import { utcInstantText } from '../../sim/core/utc-instant.js';

/** The keys whose values are instants after the start (durations from it, or before it for processEmailFrom). */
const INSTANT_KEYS = new Set(['at', 'backupAt', 'since', 'until', 'processEmailFrom']);
/** Keys that may lie before the start (S2a: Process Email From a day before, say). */
const MAY_PRECEDE_START = new Set(['processEmailFrom']);

/**
 * A date, a time to the minute or finer, and a zone: `Z` or an offset. Any number of decimals (.NET and the router's
 * SystemState.xml write seven); milliseconds are kept, the rest dropped.
 */
const ZONED_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):(\d{2}))$/;
/** The same without its zone: a time the file meant in some zone it does not say. */
const ZONELESS_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

export interface ClockInstantProblem {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}

/**
 * Epoch milliseconds of a zoned ISO instant; why it is none when it looks like one (a 30th of February, no zone); or
 * null when the text is no clock time at all (a duration, say). Computed from its fields, not by the Date parser, which
 * rolls a 30th of February over into March.
 */
function zonedInstant(text: string): number | string | null {
  const m = ZONED_INSTANT.exec(text);
  if (m === null) return ZONELESS_INSTANT.test(text) ? 'has no zone: add Z for UTC, or its offset such as +01:00 (without one it would be the machine\'s own)' : null;
  const [year, month, day, hour, minute, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as number[];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year!, month! - 1, day!, hour!, minute!, second, ms);
  const back = new Date(local);
  const real = back.getUTCFullYear() === year && back.getUTCMonth() === month! - 1 && back.getUTCDate() === day && back.getUTCHours() === hour
    && back.getUTCMinutes() === minute && back.getUTCSeconds() === second && year! >= 1;
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (!real || offsetHours > 23 || offsetMinutes > 59) return 'is no real date and time';
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000 * (m[9] === '-' ? -1 : 1);
  return local - offsetMs;
}

/**
 * The scenario data with wall-clock instants read as times after the start, and `start` in UTC; the data itself is
 * left as it is (a library caller's object is theirs). Problems: an instant before the start where none may be.
 */
export function readClockInstants(data: unknown): { data: unknown; problems: ClockInstantProblem[] } {
  const problems: ClockInstantProblem[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { data, problems };
  const start = (data as Record<string, unknown>)['start'];
  const startMs = typeof start === 'string' ? zonedInstant(start.trim()) : null;
  if (typeof startMs === 'string') return { data, problems: [{ path: ['start'], message: `${String(start)} ${startMs}` }] };
  // No start to count from: the schema says what is wrong with it, and takes the other fields as durations.
  if (startMs === null) return { data, problems };
  const startUtc = utcInstantText(startMs);
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
        const ms = zonedInstant(item.trim());
        if (typeof ms === 'string') problems.push({ path: [...path, key], message: `${item} ${ms}` });
        else if (ms !== null) {
          next = ms - startMs;
          if (ms < startMs && !MAY_PRECEDE_START.has(key)) {
            problems.push({ path: [...path, key], message: `${item} is before the start (${startUtc}): ${key} is a time after the start` });
          } else if (Math.abs(ms - startMs) > MAX_DURATION_MS) {
            problems.push({ path: [...path, key], message: `${item} is more than ${MAX_DURATION_SAID} from the start (${startUtc}), the most a scenario's time may reach` });
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
