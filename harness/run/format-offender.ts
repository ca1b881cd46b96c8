// An offending message as people read it: its Message-ID, what is wrong, and the path it took with virtual times.
// The CLI's summary and the vitest matchers both print it.
import type { Offender } from '../../sim/check/check-result.js';
import { formatDurationMs } from '../scenario/duration.js';

export function formatOffender(offender: Offender, indent: string): string[] {
  const times = offender.path.map((step) => formatDurationMs(step.atMs));
  const width = Math.max(0, ...times.map((t) => t.length));
  return [
    `${indent}${offender.messageId}: ${offender.detail}`,
    ...offender.path.map((step, i) => `${indent}  ${(times[i] ?? '').padStart(width)}  ${step.step} ${step.detail}`),
  ];
}
