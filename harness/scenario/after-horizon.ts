// Something timed after the horizon would never happen (traffic and operations stop there): said with both instants,
// so the author sees which to move. At the horizon itself is allowed.
import { formatDurationMs } from './duration.js';

export function afterHorizon(atMs: number, horizonMs: number, what: string): string {
  return `${formatDurationMs(atMs)} is after the horizon (${formatDurationMs(horizonMs)}): ${what} at or before it`;
}
