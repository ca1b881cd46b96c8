// toHaveNoDuplicates(): nothing processed twice, the run's `duplicates` count's two halves (design.md): no second
// email activity for a Message-ID and direction (no-duplicate-activity), and no CRM email delivered twice to a
// recipient (outbound-exactly-once). It asked the first alone, and passed a run that delivered CRM email 12 extra
// times (scenarios/outbound-ack-lost.yaml). outbound-exactly-once also fails a Sent email that reached nobody: mail
// lost on the way out, not a duplicate, so only its emails delivered twice count here.
import type { Ledger } from '../../sim/ledger/ledger.js';
import { duplicateDeliveries } from '../../sim/ledger/counts.js';
import type { Offender } from '../../sim/check/check-result.js';
import type { JudgedCheck } from '../../sim/check/verdict.js';
import { NO_DUPLICATE_ACTIVITY } from '../../sim/check/no-duplicate-activity.js';
import { OUTBOUND_EXACTLY_ONCE } from '../../sim/check/outbound-exactly-once.js';
import type { RunOutcome } from '../run/run-scenario.js';
import { checkOf, refuseUnknown, runName } from './received-run.js';
import { offenderLines, type MatcherResult } from './check-matcher.js';

interface Finding {
  readonly check: JudgedCheck;
  readonly offenders: readonly Offender[];
}

/** The outbound check's emails delivered twice; without a ledger to tell, all it names. */
function deliveredTwice(check: JudgedCheck, ledger: Ledger | undefined): Offender[] {
  if (ledger === undefined) return [...check.offenders];
  return check.offenders.filter((o) => {
    const life = ledger.get(o.messageId);
    return life === undefined || duplicateDeliveries(life) > 0;
  });
}

export function noDuplicatesMatcher(received: unknown): MatcherResult {
  const activity = checkOf(received, NO_DUPLICATE_ACTIVITY);
  const outbound = checkOf(received, OUTBOUND_EXACTLY_ONCE);
  refuseUnknown(received, activity);
  refuseUnknown(received, outbound);
  const ledger = (received as Partial<RunOutcome>).ledger;
  const findings: Finding[] = [];
  if (activity.verdict === 'fail') findings.push({ check: activity, offenders: activity.offenders });
  const twice = outbound.verdict === 'fail' ? deliveredTwice(outbound, ledger) : [];
  if (twice.length > 0) findings.push({ check: outbound, offenders: twice });
  const pass = findings.length === 0;
  const name = runName(received);
  return {
    pass,
    message: () => {
      if (pass) {
        const unsent = outbound.verdict === 'pass' ? outbound.summary : `none of its findings is a CRM email delivered twice (${outbound.summary})`;
        return `expected ${name} to have duplicates, but ${NO_DUPLICATE_ACTIVITY} passed: ${activity.summary}; and ${OUTBOUND_EXACTLY_ONCE}: ${unsent}`;
      }
      const lines = [`expected ${name} to have no duplicates (no duplicate activity, no CRM email delivered twice);`];
      findings.forEach(({ check, offenders }, i) => {
        const said = `${check.name} says ${check.verdict}: ${check.summary}`;
        if (i === 0) lines[0] += ` ${said}`;
        else lines.push(`and ${said}`);
        lines.push(...offenderLines(offenders));
      });
      return lines.join('\n');
    },
  };
}
