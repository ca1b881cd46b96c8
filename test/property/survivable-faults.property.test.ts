// The model's central promise, as properties over generated scenarios (issue 8): under survivable faults (outages
// the senders' retries outlast, X1; crashes the router and the sync recover from, R8, S4; SMTP faults) no message is
// lost, left untracked or tracked twice, and a run replays to the same trace hash. Seeds are pinned for CI; explore
// with `mailflow fuzz --runs 10000` (a new seed each time) or change SEED here.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbScenario } from '../../harness/fuzz/arb-scenario.js';
import { judgeCase } from '../../harness/fuzz/fuzz-case.js';
import { mailflowMatchers } from '../../harness/testing/vitest-matchers.js';

expect.extend(mailflowMatchers);

const SEED = 8;

describe('under survivable faults', () => {
  it('no message is lost, untracked or tracked twice, on every path', () => {
    fc.assert(fc.property(arbScenario(), (input) => {
      const { outcome, problems } = judgeCase(input);
      expect(outcome).toHaveNoLostMail();
      expect(outcome).toHaveNoDuplicates();
      expect(outcome).toHaveNoUntrackedMail();
      expect(problems).toEqual([]);
    }), { seed: SEED, numRuns: 150 });
  });

  it('with people filing, deleting, moving back, replying and tracking, and a junk filter, nothing is lost or doubled', () => {
    // Untracked mail is allowed only for the reasons habits explain (arb-people.ts); anything else is a finding.
    // Larger campaigns of an early version found two router cases no model explained
    // (test/fakes/router/router-filed-during-outage.test.ts).
    fc.assert(fc.property(arbScenario({ habits: true }), (input) => {
      const { outcome, problems } = judgeCase(input);
      expect(outcome).toHaveNoLostMail();
      expect(outcome).toHaveNoDuplicates();
      expect(problems).toEqual([]);
    }), { seed: SEED, numRuns: 150 });
  });

  it('the same scenario and seed give the same trace hash', () => {
    fc.assert(fc.property(arbScenario({ survivableOnly: false }), (input) => {
      expect(judgeCase(input, { checkDeterminism: true }).problems.filter((p) => p.startsWith('determinism'))).toEqual([]);
    }), { seed: SEED, numRuns: 60 });
  });
});
