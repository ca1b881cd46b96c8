// no-duplicate-activity: at most one email activity per (Message-ID, direction) (S8). Duplicates fail a run; they
// are what two active routers (R13) or a skipped duplicate check produce. A wire client's email sent again with a new
// Message-ID after a lost 250 is one email under several Message-IDs: its activities count together (resend-chains.ts).
import type { Ledger } from '../ledger/ledger.js';
import { duplicateActivities, recreatedActivities } from '../ledger/counts.js';
import type { CheckResult } from './check-result.js';
import { OffenderList } from './offender-order.js';
import { runPass, type CheckPass } from './check-pass.js';
import { counted } from './counted.js';
import { formatDurationMs } from '../core/format-duration.js';
import { ResendChainActivities } from './resend-chains.js';

export const NO_DUPLICATE_ACTIVITY = 'no-duplicate-activity';

/**
 * The check's measurement of activities a person deleted in CRM that a reader made again (R8: a router's state reset
 * or restored reads old mail again, KB2491350). What users of an incident see as "duplicates" in CRM, though no two
 * exist at once; `expect.recreated` holds a scenario to a number of them.
 */
export const RECREATED = 'recreated';

/** The offenders' reason for an email tracked under two Message-IDs of one resend chain. */
const RESENT = 'resent with a new Message-ID';

export function noDuplicateActivityPass(): CheckPass {
  const offenders = new OffenderList();
  let extra = 0;
  let recreated = 0;
  const chains = new ResendChainActivities();
  return {
    visit(life) {
      chains.visit(life);
      if (life.activities.length < 2) return;
      recreated += recreatedActivities(life);
      const duplicates = duplicateActivities(life);
      if (duplicates === 0) return;
      extra += duplicates;
      // Times as the path beside them prints them.
      const creators = life.activities.map((a) => `${a.activityId} (${a.direction}, ${a.createdBy} at ${formatDurationMs(a.atMs)})`);
      // Grouped by who made the activities (two routers, a router and sync ...): each pairing is its own trouble.
      const who = [...new Set(life.activities.map((a) => a.createdBy))].sort().join(' + ');
      offenders.add({ messageId: life.messageId, detail: `activities ${creators.join('; ')}`, path: life.path }, who);
    },
    result() {
      // Without a word, a run with `tracked` above `sent` and no duplicate reads as a miscount.
      const remade = recreated === 0 ? '' : ` (${counted(recreated, 'activity', 'activities')} deleted in CRM and tracked again, R8: in tracked, not duplicates)`;
      const perMessage = offenders.length;
      let resentExtra = 0;
      for (const { offender, extra: chainExtra } of chains.trackedTwice()) {
        resentExtra += chainExtra;
        offenders.add(offender, RESENT);
      }
      if (offenders.length > 0) {
        const said: string[] = [];
        if (perMessage > 0) said.push(`${counted(extra, 'duplicate activity', 'duplicate activities')} over ${counted(perMessage, 'message')}`);
        if (resentExtra > 0) {
          said.push(`${counted(resentExtra, 'duplicate activity', 'duplicate activities')} over ${counted(offenders.length - perMessage, 'email')} `
            + 'a wire client sent again with a new Message-ID after a lost 250 (S8: CRM de-duplicates by Message-ID only)');
        }
        return {
          name: NO_DUPLICATE_ACTIVITY, verdict: 'fail', offenders: offenders.ordered(), measurements: { [RECREATED]: recreated },
          summary: `${said.join('; ')}${remade}`,
        };
      }
      return { name: NO_DUPLICATE_ACTIVITY, verdict: 'pass', summary: `one activity per Message-ID and direction${remade}`, offenders: [], measurements: { [RECREATED]: recreated } };
    },
  };
}

export function checkNoDuplicateActivity(ledger: Ledger): CheckResult {
  return runPass(ledger, noDuplicateActivityPass());
}
