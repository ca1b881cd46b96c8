// How long received mail waited to be tracked: from the organisation's first acceptance (250 after DATA) to the
// first incoming activity any path created. `latency` judges it; reports draw it.
import type { MessageLife } from './records.js';

/**
 * Milliseconds from first acceptance to the first incoming activity (deleted ones too: it was tracked then), or null
 * for mail never accepted or never tracked as incoming (CRM's own outgoing email is tracked before it is sent).
 */
export function trackingLatencyMs(life: MessageLife): number | null {
  if (life.firstAcceptedAtMs === null) return null;
  const first = life.activities.find((a) => a.direction === 'incoming');
  return first === undefined ? null : first.atMs - life.firstAcceptedAtMs;
}
