// liveness: when the drain ends nothing is still moving. Mail left in a sender's queue, in transport, in an
// unprocessed forward mailbox or Inbox of an enabled path, or CRM email left Pending Send or Sending (O2, R7) has
// not been lost, but no run will ever finish with it: a poison message retried every cycle (R10) is the classic case.
import type { Ledger } from '../ledger/ledger.js';
import type { CheckResult } from './check-result.js';
import { OffenderList } from './offender-order.js';
import { counted } from './counted.js';
import type { CheckPass } from './check-pass.js';

export const LIVENESS = 'liveness';

/** Places named in the summary; offenders name every one. */
const PLACES_SHOWN = 3;

/** Reads the in-flight declarations, not the lives: nothing to do per message. */
export function livenessPass(ledger: Ledger): CheckPass {
  return { visit() {}, result: () => checkLiveness(ledger) };
}

export function checkLiveness(ledger: Ledger): CheckResult {
  const offenders = new OffenderList();
  const byPlace = new Map<string, number>();
  for (const [messageId, place] of ledger.inFlightEntries()) {
    byPlace.set(place, (byPlace.get(place) ?? 0) + 1);
    offenders.add({ messageId, detail: `still in flight: ${place}`, path: ledger.get(messageId)?.path ?? [] }, place);
  }
  if (offenders.length > 0) {
    const shown = [...byPlace].slice(0, PLACES_SHOWN).map(([place, n]) => `${n} in ${place}`);
    if (byPlace.size > PLACES_SHOWN) shown.push(`${byPlace.size - PLACES_SHOWN} more places`);
    const places = shown.join(', ');
    return { name: LIVENESS, verdict: 'fail', summary: `${counted(offenders.length, 'message')} still in flight when the drain ended (${places})`, offenders: offenders.ordered() };
  }
  return { name: LIVENESS, verdict: 'pass', summary: 'nothing in flight when the drain ended', offenders: [] };
}
