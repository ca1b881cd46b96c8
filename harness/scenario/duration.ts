// Durations as scenarios write them: `500ms`, `90s`, `5m`, `2h`, `3d`, compounds such as `3h59m` or `1d 2h` (what
// summaries print: each unit once, largest first), or a bare number of milliseconds. Every duration is at most
// MAX_DURATION_MS (time-bounds.ts says why).
import { z } from 'zod';
import { MAX_DURATION_MS, MAX_DURATION_SAID } from './time-bounds.js';

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
/** The units largest first: the order summaries print them in, and the only order a compound may use. */
const UNITS = Object.keys(UNIT_MS) as Unit[];
const PART = /(\d+)(?:\.(\d+))?\s*(ms|s|m|h|d)\s*/y;

/**
 * Milliseconds for a duration string; what is wrong with it (to follow the quoted text: `is not a whole number of
 * milliseconds`); or null when it is no duration at all. Fractions must come out whole (`1.5s` is fine, `1.5ms` not),
 * counted exactly: `2.2h` is 7,920,000 ms, not the 7,920,000.000000001 floating point makes of it.
 */
export function readDurationMs(text: string): number | string | null {
  const source = text.trim();
  if (source === '') return null;
  // The sum as an exact fraction over a power of ten: big enough for any digits the file holds.
  let sum = 0n;
  let scale = 1n;
  let previous = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < source.length) {
    const match = PART.exec(source);
    if (match === null) return null;
    const [, whole = '', fraction = '', unit = 'ms'] = match;
    const rank = UNITS.indexOf(unit as Unit);
    // `1h1h` and `2m1h` read as 2h and 1h 2m, but nobody writes them meaning that: a slip, said rather than guessed.
    if (rank === previous) return `gives ${unit} twice: each unit once, largest first, as in 1d 2h 30m`;
    if (rank < previous) return `has ${unit} after ${UNITS[previous]}: units go largest first (d, h, m, s, ms), as in 1d 2h 30m`;
    previous = rank;
    const partScale = 10n ** BigInt(fraction.length);
    if (partScale > scale) {
      sum *= partScale / scale;
      scale = partScale;
    }
    sum += BigInt(whole + fraction) * BigInt(UNIT_MS[unit as Unit]) * (scale / partScale);
  }
  if (sum % scale !== 0n) return 'is not a whole number of milliseconds';
  if (sum / scale > BigInt(MAX_DURATION_MS)) return `is longer than ${MAX_DURATION_SAID}, the most a scenario's time may reach`;
  return Number(sum / scale);
}

/** Milliseconds for a duration string, or null when it is not one (readDurationMs says why). */
export function parseDurationMs(text: string): number | null {
  const ms = readDurationMs(text);
  return typeof ms === 'number' ? ms : null;
}

export { formatDurationMs } from '../../sim/core/format-duration.js';

/** What a duration string looks like, for JSON Schema (editors): units largest first; readDurationMs stays the judge. */
export const DURATION_PATTERN = `^\\s*(?=\\d)${UNITS.map((unit) => `(\\d+(\\.\\d+)?\\s*${unit}\\s*)?`).join('')}$`;

/** How much of a bad duration string a message quotes. */
const SHOWN_CHARS = 40;

/** The message for a duration string that is not one: what is wrong, or what one looks like. */
function durationProblem(text: string, problem: string | null, looksLike: string): string {
  // A value of megabytes (a generated file gone wrong) is shown by its start, not printed whole to stderr.
  const shown = JSON.stringify(text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}...` : text);
  return problem === null ? `expected ${looksLike}, got ${shown}` : `${shown} ${problem}`;
}

/** Bare milliseconds past the bound: said with the bound in the units people write. */
const tooLong = { error: (issue: { input?: unknown }) => `expected at most ${MAX_DURATION_MS} ms, that is ${MAX_DURATION_SAID}, got ${String(issue.input)}` };
const tooEarly = { error: (issue: { input?: unknown }) => `expected at least -${MAX_DURATION_MS} ms, that is ${MAX_DURATION_SAID} before the start, got ${String(issue.input)}` };

/**
 * A zoned ISO 8601 date and time, as editors are told a time after the start may also be written: the loader reads
 * it as the time after the start before the schema runs (clock-instants.ts), so the schema itself sees milliseconds.
 */
export const ZONED_INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$';

/** A duration string or whole milliseconds, producing milliseconds; `pattern`: what editors are told strings look like. */
function durationWithPattern(pattern: string) {
  return z
    .union([z.number().int().nonnegative().max(MAX_DURATION_MS, tooLong), z.string().meta({ pattern })])
    .transform((value, ctx) => {
      if (typeof value === 'number') return value;
      const ms = readDurationMs(value);
      if (typeof ms !== 'number') {
        ctx.addIssue({ code: 'custom', message: durationProblem(value, ms, 'a duration like 90s, 5m, 2h or 3d') });
        return z.NEVER;
      }
      return ms;
    });
}

/** A zod schema accepting a duration string or whole milliseconds, producing milliseconds. */
export const durationMs = durationWithPattern(DURATION_PATTERN)
  .meta({ title: 'duration', description: `A duration: 500ms, 90s, 5m, 2h, 3d, compounds such as 1d 2h (each unit once, largest first), or whole milliseconds; at most ${MAX_DURATION_SAID}.` });

/** The JSON Schema title of a time after the start (editors and docs/scenario-reference.md show it as the field's kind). */
export const TIME_AFTER_START = 'time after the start';

/** A time after the start (`at`, `backupAt`, `since`, `until`): a duration, or a zoned ISO 8601 date and time. */
export const timeAfterStartMs = durationWithPattern(`(${DURATION_PATTERN})|(${ZONED_INSTANT_PATTERN})`)
  .meta({ title: TIME_AFTER_START, description: `A time after the start: a duration (500ms, 90s, 5m, 2h, 3d, compounds such as 1d 2h, or whole milliseconds; at most ${MAX_DURATION_SAID}), or a clock time with its zone, such as 2026-01-05T10:30:00Z or 2026-01-05T11:30:00+01:00, read as the time after the start.` });

/** A duration that must be at least 1 ms (intervals: a zero interval would re-arm at the same instant forever). */
export const positiveDurationMs = durationMs.refine((ms) => ms > 0, 'must be longer than 0');

/**
 * An instant in virtual time: a duration after the scenario's start (`2h`), or before it with a minus sign (`-1d`,
 * for a Process Email From before the run), or whole milliseconds (negative before the start).
 */
export const instantMs = z
  .union([
    z.number().int().min(-MAX_DURATION_MS, tooEarly).max(MAX_DURATION_MS, tooLong),
    z.string().meta({ pattern: `(${DURATION_PATTERN.replace('^\\s*', '^\\s*-?\\s*')})|(${ZONED_INSTANT_PATTERN})` }),
  ])
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    const negative = value.trim().startsWith('-');
    const ms = readDurationMs(negative ? value.trim().slice(1) : value);
    if (typeof ms !== 'number') {
      ctx.addIssue({ code: 'custom', message: durationProblem(value, ms, 'an instant like 2h after the start or -1d before it') });
      return z.NEVER;
    }
    return negative ? -ms : ms;
  })
  .meta({ title: 'instant', description: `An instant in virtual time: a duration after the start (2h), -1d before it, or milliseconds (negative before the start); at most ${MAX_DURATION_SAID} either way; or a clock time with its zone, such as 2026-01-04T08:00:00Z.` });
