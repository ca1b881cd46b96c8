// outbound-exactly-once: CRM email (O1) reaches each recipient once. A 250 lost after DATA that makes CRM send again,
// a Sending email picked up again by a second sender (R7), or Safety Net resubmitting it (X2) deliver it twice; an
// email CRM marked Sent that reached nobody was lost on the way out.
import type { Ledger } from '../ledger/ledger.js';
import type { CheckResult } from './check-result.js';
import { OffenderList } from './offender-order.js';
import { counted } from './counted.js';
import { runPass, type CheckPass } from './check-pass.js';

export const OUTBOUND_EXACTLY_ONCE = 'outbound-exactly-once';

/** O1's status names for an email that left CRM, and for one CRM gave up on. */
const SENT = 'Sent';
const FAILED = 'Failed';

export function outboundExactlyOncePass(): CheckPass {
  const offenders = new OffenderList();
  let extraDeliveries = 0;
  let undelivered = 0;
  let sent = 0;
  let failed = 0;
  return {
    visit(life, inFlightAt) {
      const outbound = life.outbound;
      if (outbound === null) return;
      if (outbound.status === SENT) sent++;
      if (outbound.status === FAILED) failed++;
      // Same rule as the `duplicates` count: any status, since a Failed email may still have arrived twice.
      const deliveries = life.deliveries;
      const twice = [...deliveries].filter(([, copies]) => copies > 1);
      if (twice.length > 0) {
        for (const [, copies] of twice) extraDeliveries += copies - 1;
        const detail = `${outbound.status} after ${outbound.attempts} attempts, delivered ${twice.map(([r, n]) => `${n} times to ${r}`).join(', ')}`;
        offenders.add({ messageId: life.messageId, detail, path: life.path }, 'delivered twice');
        return;
      }
      if (outbound.status === SENT && deliveries.size === 0 && inFlightAt === undefined) {
        undelivered++;
        offenders.add({ messageId: life.messageId, detail: `Sent after ${outbound.attempts} attempts, delivered to nobody`, path: life.path }, 'delivered to nobody');
      }
    },
    result() {
      // Not this check's failure (CRM shows the sender a Failed email, O1), but mail that never went out: said, so a
      // run that passes does not hide it behind the `bounced` count.
      const failedNote = failed === 0 ? '' : `; ${failed === 1 ? '1 CRM email' : `${failed} CRM emails`} ended Failed: CRM gave up sending (O1)`;
      if (offenders.length > 0) {
        const parts = [
          extraDeliveries > 0 ? `${counted(extraDeliveries, 'extra delivery', 'extra deliveries')}` : '', undelivered > 0 ? `${undelivered} Sent but never delivered` : '',
        ].filter((p) => p !== '');
        return { name: OUTBOUND_EXACTLY_ONCE, verdict: 'fail', summary: `${parts.join(', ')} over ${counted(offenders.length, 'CRM email')}${failedNote}`, offenders: offenders.ordered() };
      }
      const summary = sent === 0 ? 'no CRM email ended Sent' : sent === 1 ? 'the one Sent CRM email reached each recipient once' : `each of ${sent} Sent CRM emails reached each recipient once`;
      return { name: OUTBOUND_EXACTLY_ONCE, verdict: 'pass', summary: summary + failedNote, offenders: [] };
    },
  };
}

export function checkOutboundExactlyOnce(ledger: Ledger): CheckResult {
  return runPass(ledger, outboundExactlyOncePass());
}
