// Durations as scenarios write them: `500ms`, `90s`, `5m`, `2h`, `3d`, compounds such as `3h59m` or `1d 2h` (what
// summaries print), or a bare number of milliseconds.
import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*/y;

/** Milliseconds for a duration string, or null when it is not one (fractions must come out whole: `1.5s` is fine). */
export function parseDurationMs(text: string): number | null {
  const source = text.trim();
  if (source === '') return null;
  let ms = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < source.length) {
    const match = PART.exec(source);
    if (match === null) return null;
    ms += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  }
  return Number.isSafeInteger(ms) ? ms : null;
}

export { formatDurationMs } from '../../sim/core/format-duration.js';

/** What a duration string looks like, for JSON Schema (editors); parseDurationMs stays the judge. */
export const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d+)?\\s*(ms|s|m|h|d)\\s*)+$';

/** A zod schema accepting a duration string or whole milliseconds, producing milliseconds. */
export const durationMs = z
  .union([z.number().int().nonnegative(), z.string().meta({ pattern: DURATION_PATTERN })])
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    const ms = parseDurationMs(value);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like 90s, 5m, 2h or 3d, got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ title: 'duration', description: 'A duration: 500ms, 90s, 5m, 2h, 3d, compounds such as 1d 2h, or whole milliseconds.' });

/** A duration that must be at least 1 ms (intervals: a zero interval would re-arm at the same instant forever). */
export const positiveDurationMs = durationMs.refine((ms) => ms > 0, 'must be longer than 0');

/**
 * An instant in virtual time: a duration after the scenario's start (`2h`), or before it with a minus sign (`-1d`,
 * for a Process Email From before the run), or whole milliseconds (negative before the start).
 */
export const instantMs = z
  .union([z.number().int(), z.string().meta({ pattern: DURATION_PATTERN.replace('^\\s*', '^\\s*-?\\s*') })])
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    const negative = value.trim().startsWith('-');
    const ms = parseDurationMs(negative ? value.trim().slice(1) : value);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `expected an instant like 2h after the start or -1d before it, got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return negative ? -ms : ms;
  })
  .meta({ title: 'instant', description: 'An instant in virtual time: a duration after the start (2h), -1d before it, or milliseconds (negative before the start).' });
