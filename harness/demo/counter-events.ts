// When each of a lane's counters went up, message by message, judged exactly as the run's counts are
// (sim/ledger/counts.ts): so at the end of the run the page's counters equal `mailflow run --json`. Tracked, tossed
// and duplicates prevented happen at an instant; a loss counts from the rollback that caused it; untracked mail from
// the moment a model recorded it as such, else the end of the run.
import { isUntracked, lostRecipients } from '../../sim/ledger/counts.js';
import { REASON_DUPLICATE, TOSSED_REASON_CODES, type MessageLife } from '../../sim/ledger/records.js';
import type { CounterEvent } from './demo-data.js';

export function counterEventsOf(life: MessageLife, message: number, inFlight: boolean, endMs: number): CounterEvent[] {
  const events: CounterEvent[] = [];
  for (const activity of life.activities) events.push({ atMs: activity.atMs, counter: 'tracked', message });
  for (const evaluation of life.evaluations) {
    if (evaluation.reasonCode === REASON_DUPLICATE) events.push({ atMs: evaluation.atMs, counter: 'duplicatesPrevented', message });
    else if (TOSSED_REASON_CODES.has(evaluation.reasonCode)) events.push({ atMs: evaluation.atMs, counter: 'tossed', message });
  }
  // Mail still in flight at the end is pending, neither lost nor untracked (the counts judge it the same way).
  if (inFlight) return events;
  for (const mailbox of lostRecipients(life)) {
    const rolledBack = life.placements.find((p) => p.mailbox === mailbox && p.removal?.cause === 'rolled-back');
    events.push({ atMs: rolledBack?.removal?.atMs ?? endMs, counter: 'lost', message });
  }
  // A model that knows when a message became untrackable records it (sync's watermark passing a filed message, S6);
  // otherwise it is only known at the end.
  if (isUntracked(life)) events.push({ atMs: life.path.find((s) => s.step === 'untracked')?.atMs ?? endMs, counter: 'untracked', message });
  return events;
}
