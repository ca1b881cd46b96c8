// no-untracked-mail: every message some mailbox received as eligible for tracking (its accepting entity's filter
// would take it, S9) was tracked by some path. Mail a late Process Email From skips (S2a), mail filed out of the Inbox
// before a sync (S6), a stopped router (R14) leave it untracked; a scenario that means to show that declares the
// reasons in `expect.untracked` (sim/check/untracked-declarations.ts).
import type { Ledger } from '../ledger/ledger.js';
import { dueCopies, isUntracked, untrackedReasonOf } from '../ledger/counts.js';
import type { CheckResult } from './check-result.js';
import { counted } from './counted.js';
import { runPass, type CheckPass } from './check-pass.js';
import { OffenderList } from './offender-order.js';
import { fromStartText, instantFromStartText, utcInstantText } from '../core/utc-instant.js';

export const NO_UNTRACKED_MAIL = 'no-untracked-mail';

/** `startEpochMs`: the run's start, to name a ThresholdDate as a clock time (CheckSettings). */
export function noUntrackedMailPass(startEpochMs?: number): CheckPass {
  const offenders = new OffenderList();
  const byReason = new Map<string, number>();
  let stillInFlight = 0;
  let byHand = 0;
  return {
    visit(life, inFlightAt) {
      if (!isUntracked(life)) return;
      if (inFlightAt !== undefined) {
        stillInFlight++;
        return;
      }
      const reason = untrackedReasonOf(life);
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
      const eligible = life.placements.filter((p) => p.eligible);
      if (eligible.length === 0) byHand++;
      const where = (eligible.length > 0 ? eligible : dueCopies(life)).map((p) => `${p.mailbox}/${p.folder}`);
      const detail = eligible.length > 0 ? `eligible in ${where.join(', ')}, never tracked` : `tracked by hand in ${where.join(', ')}, never reached CRM`;
      const passed = life.passedThreshold;
      if (passed === null) {
        offenders.add({ messageId: life.messageId, detail: `${reason}: ${detail}`, path: life.path }, reason);
        return;
      }
      // R8: which ThresholdDate, said as the load-time warning says one after the start (load-router-files.ts).
      const thresholdDate = { mailbox: passed.mailbox, atMs: passed.atMs, utc: startEpochMs === undefined ? null : utcInstantText(startEpochMs + passed.atMs) };
      const when = startEpochMs === undefined ? `is ${fromStartText(passed.atMs)}` : instantFromStartText(startEpochMs, passed.atMs);
      const said = `${reason}: ${detail}; ${passed.mailbox}'s ThresholdDate ${when} (R8)`;
      offenders.add({ messageId: life.messageId, detail: said, path: life.path, thresholdDate }, reason);
    },
    result() {
      if (offenders.length > 0) {
        const reasons = [...byReason].map(([reason, n]) => `${reason} ${n.toLocaleString('en-US')}`).join(', ');
        // Mail only a person's track made due (C4) is not eligible by its filter (S9): said apart.
        const what = byHand === 0 ? counted(offenders.length, 'eligible message')
          : byHand === offenders.length ? counted(offenders.length, 'message tracked by hand', 'messages tracked by hand')
            : `${counted(offenders.length - byHand, 'eligible message')} and ${counted(byHand, 'tracked by hand', 'tracked by hand')}`;
        return { name: NO_UNTRACKED_MAIL, verdict: 'fail', summary: `${what} never tracked (${reasons})`, offenders: offenders.ordered() };
      }
      if (stillInFlight > 0) {
        // Not tracked yet, but still moving: `liveness` says where.
        return {
          name: NO_UNTRACKED_MAIL, verdict: 'unknown', offenders: [],
          summary: `nothing left untracked so far, but ${counted(stillInFlight, 'eligible message is', 'eligible messages are')} still in flight`,
        };
      }
      return { name: NO_UNTRACKED_MAIL, verdict: 'pass', summary: 'every eligible message was tracked', offenders: [] };
    },
  };
}

export function checkNoUntrackedMail(ledger: Ledger, startEpochMs?: number): CheckResult {
  return runPass(ledger, noUntrackedMailPass(startEpochMs));
}
