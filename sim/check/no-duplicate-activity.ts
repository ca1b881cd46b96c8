// no-duplicate-activity: at most one email activity per (Message-ID, direction) (S8). Duplicates fail a run; they
// are what two active routers (R13) or a skipped duplicate check produce.
import type { Ledger } from '../ledger/ledger.js';
import { duplicateActivities } from '../ledger/counts.js';
import type { CheckResult, Offender } from './check-result.js';

export const NO_DUPLICATE_ACTIVITY = 'no-duplicate-activity';

export function checkNoDuplicateActivity(ledger: Ledger): CheckResult {
  const offenders: Offender[] = [];
  let extra = 0;
  for (const life of ledger.messages()) {
    const duplicates = duplicateActivities(life);
    if (duplicates === 0) continue;
    extra += duplicates;
    const creators = life.activities.map((a) => `${a.activityId} (${a.direction}, ${a.createdBy} at ${a.atMs} ms)`);
    offenders.push({ messageId: life.messageId, detail: `activities ${creators.join('; ')}`, path: life.path });
  }
  if (offenders.length > 0) {
    return {
      name: NO_DUPLICATE_ACTIVITY, verdict: 'fail', offenders,
      summary: `${extra} duplicate activities over ${offenders.length} messages`,
    };
  }
  return { name: NO_DUPLICATE_ACTIVITY, verdict: 'pass', summary: 'one activity per Message-ID and direction', offenders };
}
