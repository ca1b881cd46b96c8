// outbound-exactly-once: CRM email (O1) reaches each recipient once. A 250 lost after DATA that makes CRM send again,
// a Sending email picked up again by a second sender (R7), or Safety Net resubmitting it (X2) deliver it twice; an
// email CRM marked Sent that reached nobody was lost on the way out.
import type { Ledger } from '../ledger/ledger.js';
import type { CheckResult, Offender } from './check-result.js';

export const OUTBOUND_EXACTLY_ONCE = 'outbound-exactly-once';

/** O1's status name for an email that left CRM. */
const SENT = 'Sent';

export function checkOutboundExactlyOnce(ledger: Ledger): CheckResult {
  const offenders: Offender[] = [];
  let extraDeliveries = 0;
  let undelivered = 0;
  let sent = 0;
  for (const life of ledger.messages()) {
    if (life.outbound === null) continue;
    if (life.outbound.status === SENT) sent++;
    // Same rule as the `duplicates` count: any status, since a Failed email may still have arrived twice.
    const twice = [...life.deliveries].filter(([, copies]) => copies > 1);
    if (twice.length > 0) {
      for (const [, copies] of twice) extraDeliveries += copies - 1;
      const detail = `${life.outbound.status} after ${life.outbound.attempts} attempts, delivered ${twice.map(([r, n]) => `${n} times to ${r}`).join(', ')}`;
      offenders.push({ messageId: life.messageId, detail, path: life.path });
      continue;
    }
    const resting = ledger.inFlightAt(life.messageId) === undefined;
    if (life.outbound.status === SENT && life.deliveries.size === 0 && resting) {
      undelivered++;
      offenders.push({ messageId: life.messageId, detail: `Sent after ${life.outbound.attempts} attempts, delivered to nobody`, path: life.path });
    }
  }
  if (offenders.length > 0) {
    const parts = [
      extraDeliveries > 0 ? `${extraDeliveries} extra deliveries` : '', undelivered > 0 ? `${undelivered} Sent but never delivered` : '',
    ].filter((p) => p !== '');
    return { name: OUTBOUND_EXACTLY_ONCE, verdict: 'fail', summary: `${parts.join(', ')} over ${offenders.length} CRM emails`, offenders };
  }
  const summary = sent === 0 ? 'no CRM email ended Sent' : `each of ${sent} Sent CRM emails reached each recipient once`;
  return { name: OUTBOUND_EXACTLY_ONCE, verdict: 'pass', summary, offenders };
}
