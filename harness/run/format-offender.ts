// An offending message as people read it: its Message-ID, what is wrong, and the path it took with virtual times.
// The CLI's summary, the vitest matchers and a fuzz result's firstOffender print it; each line stays one line.
import type { Offender } from '../../sim/check/check-result.js';
import { formatDurationMs } from '../scenario/duration.js';
import { oneLineText } from '../scenario/terminal-text.js';

export function formatOffender(offender: Offender, indent: string): string[] {
  const times = offender.path.map((step) => formatDurationMs(step.atMs));
  const width = Math.max(0, ...times.map((t) => t.length));
  // The Message-ID and addresses are the input's (a scenario's, an SMTP client's): their control characters are
  // shown as escapes, a line break too, so an offender stays the lines it is and cannot draw over the verdict.
  return [
    `${indent}${offender.messageId}: ${offender.detail}`,
    ...offender.path.map((step, i) => `${indent}  ${(times[i] ?? '').padStart(width)}  ${step.step} ${step.detail}`),
  ].map(oneLineText);
}
