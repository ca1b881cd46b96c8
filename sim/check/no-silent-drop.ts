// no-silent-drop: whatever was not tracked says why. An untracked message carries a reason (S2a, S6, R14, ...; the
// counts' `unexplained` marks a model that gave none), every refusal carries one of CheckIncomingEmail's reason codes
// (S8), a copy a path processed away (R10, S1) was either tracked or refused with a code, never just deleted, and
// a sent message reached someone or its author got an NDR (X1: a sender queues and retries, it never just drops).
import type { Ledger } from '../ledger/ledger.js';
import { isUntracked, untrackedReasonOf, UNEXPLAINED } from '../ledger/counts.js';
import type { MessageLife } from '../ledger/records.js';
import type { CheckResult } from './check-result.js';
import { OffenderList } from './offender-order.js';
import { counted } from './counted.js';
import { runPass, type CheckPass } from './check-pass.js';

export const NO_SILENT_DROP = 'no-silent-drop';

/** S8: -1 Unknown, 0 Duplicate, 1 NoCorrelationMatch .. 7 InvalidSender. */
const MIN_REASON_CODE = -1;
const MAX_REASON_CODE = 7;

export function noSilentDropPass(): CheckPass {
  const offenders = new OffenderList();
  return {
    visit(life, inFlightAt) {
      const why = silentDrop(life, inFlightAt);
      if (why !== null) offenders.add({ messageId: life.messageId, detail: why.detail, path: life.path }, why.kind);
    },
    result() {
      if (offenders.length > 0) {
        return { name: NO_SILENT_DROP, verdict: 'fail', summary: `${counted(offenders.length, 'message')} dropped without a reason`, offenders: offenders.ordered() };
      }
      return { name: NO_SILENT_DROP, verdict: 'pass', summary: 'every untracked or refused message has a reason', offenders: [] };
    },
  };
}

export function checkNoSilentDrop(ledger: Ledger): CheckResult {
  return runPass(ledger, noSilentDropPass());
}

/** What went without a reason, and its kind (offenders are listed across the kinds, offender-order.ts). */
function silentDrop(life: MessageLife, inFlightAt: string | undefined): { kind: string; detail: string } | null {
  const badCode = life.evaluations.find((e) => !Number.isInteger(e.reasonCode) || e.reasonCode < MIN_REASON_CODE || e.reasonCode > MAX_REASON_CODE);
  if (badCode !== undefined) return { kind: 'bad reason code', detail: `${badCode.caller} refused it with reason ${badCode.reasonCode}, not a CheckIncomingEmail reason code` };
  if (inFlightAt !== undefined) return null;
  // The cheap facts first: most messages were accepted, and only the rest need their deliveries rebuilt. A CRM email
  // that never went out tells its author by its status (Failed, O1); outbound-exactly-once judges those.
  if (life.firstAcceptedAtMs === null && life.bouncedAtMs === null && life.submittedAtMs !== null && life.outbound === null
    && life.deliveries.size === 0) {
    return { kind: 'no recipient, no NDR', detail: 'sent, but it reached no recipient and no NDR went back to its author' };
  }
  if (isUntracked(life)) {
    const reason = untrackedReasonOf(life);
    if (reason === UNEXPLAINED || reason.trim() === '') return { kind: 'untracked without a reason', detail: 'due in CRM (eligible, or tracked by hand), never tracked, and no model recorded why' };
  }
  if (life.activities.length === 0 && life.evaluations.length === 0) {
    const processed = life.placements.find((p) => p.removal?.cause === 'processed');
    if (processed !== undefined) return { kind: 'processed without a code', detail: `processed out of ${processed.mailbox} without an activity or a reason code` };
  }
  return null;
}
