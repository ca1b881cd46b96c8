// Declared untracked mail: `expect.untracked` names the reasons a scenario means to leave eligible mail untracked
// for (a cutover with a late Process Email From, S2a; mail filed out of the Inbox, S6), each with how much. Declaring
// is what makes a `no-untracked-mail` fail expected (sim/check/verdict.ts); a reason the run produced but the block
// does not name fails as its own expectation, so declaring one loss never hides another. `unexplained` cannot be
// declared: it marks a model that gave no reason, which `no-silent-drop` flags.
import type { CountExpectation } from './count-expectation.js';
import { judgeCount, type CountsWaived, type ExpectationResult } from './expectation-result.js';

export function judgeUntrackedDeclarations(
  declared: Readonly<Record<string, CountExpectation>>,
  byReason: Readonly<Record<string, number>>,
  waived: CountsWaived | null,
): ExpectationResult[] {
  // A reason the block does not name still fails when counts are waived: it is what the world did, not how much.
  const results = Object.entries(declared).map(([reason, expectation]) =>
    judgeCount(`untracked.${reason}`, expectation, byReason[reason] ?? 0, waived));
  for (const [reason, actual] of Object.entries(byReason)) {
    if (Object.hasOwn(declared, reason)) continue;
    results.push({ name: `untracked.${reason}`, verdict: 'fail', expected: '== 0', actual, note: 'reason not declared in expect.untracked' });
  }
  return results;
}
