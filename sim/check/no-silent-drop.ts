// no-silent-drop: whatever was not tracked says why. An untracked message carries a reason (S2a, S6, R14, ...; the
// counts' `unexplained` marks a model that gave none), every refusal carries one of CheckIncomingEmail's reason codes
// (S8), a copy a path processed away (R10, S1) was either tracked or refused with a code, never just deleted, and
// a sent message reached someone or its author got an NDR (X1: a sender queues and retries, it never just drops).
// A message from an SMTP client outside the model (`mailflow serve`) that ends so was dropped by that client after a
// refusal: still mail lost, but the client's doing, and the offender says so rather than blame a model.
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
  let clientDrops = 0;
  return {
    visit(life, inFlightAt) {
      const why = silentDrop(life, inFlightAt);
      if (why === null) return;
      if (why.kind === CLIENT_GAVE_UP) clientDrops++;
      offenders.add({ messageId: life.messageId, detail: why.detail, path: life.path }, why.kind);
    },
    result() {
      if (offenders.length > 0) {
        const byClients = clientDrops;
        const said = [
          ...(offenders.length > byClients ? [`${counted(offenders.length - byClients, 'message')} dropped without a reason`] : []),
          ...(byClients > 0 ? [`${counted(byClients, 'message')} a wire client gave up on after a refusal and never sent again (X1: a sender queues and retries)`] : []),
        ];
        return { name: NO_SILENT_DROP, verdict: 'fail', summary: said.join('; '), offenders: offenders.ordered() };
      }
      return { name: NO_SILENT_DROP, verdict: 'pass', summary: 'every untracked or refused message has a reason', offenders: [] };
    },
  };
}

export function checkNoSilentDrop(ledger: Ledger): CheckResult {
  return runPass(ledger, noSilentDropPass());
}

const CLIENT_GAVE_UP = 'a wire client gave up';

/** The last refusal a wire client met (its path's last smtp-attempt, `stage: reply`), and what it did not do. */
function clientGaveUp(life: MessageLife): string {
  const attempt = life.path.filter((s) => s.step === 'smtp-attempt').at(-1)?.detail ?? '';
  const colon = attempt.indexOf(': ');
  const met = colon < 0 ? 'no reply it could act on' : `${attempt.slice(colon + 2)} at ${attempt.slice(0, colon)}`;
  return `your SMTP client got ${met} and did not send it again: mail lost by the client, not by the model `
    + '(X1: a sender queues and retries). A session stopped before the client\'s retry shows the same';
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
    if (life.fromWireClient) return { kind: CLIENT_GAVE_UP, detail: clientGaveUp(life) };
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
