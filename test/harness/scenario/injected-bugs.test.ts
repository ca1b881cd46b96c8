// Each injected defect (issue 8) turns a shipped scenario that passes into one that fails the checker meant to catch
// it; without `injectBug` the same scenarios pass (test/scenarios/shipped.test.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { INJECTED_BUG_NAMES, type InjectedBug } from '../../../harness/scenario/injected-bugs.js';

/** The shipped scenario each defect shows in, and the checker that must fail. */
const CASES: Record<InjectedBug, { scenario: string; failing: string }> = {
  'no-dedup': { scenario: 'baseline-router', failing: 'no-duplicate-activity' },
  'delete-before-create': { scenario: 'router-crash-mid-cycle', failing: 'no-untracked-mail' },
  'threshold-before-create': { scenario: 'router-crash-mid-cycle', failing: 'no-untracked-mail' },
  'no-sender-retry': { scenario: 'exchange-outage', failing: 'no-silent-drop' },
  'two-active-routers': { scenario: 'baseline-router', failing: 'no-duplicate-activity' },
};

function withBug(name: string, bug: InjectedBug) {
  const text = readFileSync(fileURLToPath(new URL(`../../../scenarios/${name}.yaml`, import.meta.url)), 'utf8');
  return parseScenarioText(`${text}\ninjectBug: ${bug}\n`, `${name}+${bug}.yaml`);
}

describe('injectBug', () => {
  it('covers every defect', () => {
    expect(Object.keys(CASES).sort()).toEqual([...INJECTED_BUG_NAMES].sort());
  });

  for (const bug of INJECTED_BUG_NAMES) {
    const { scenario, failing } = CASES[bug];
    it(`${bug} makes ${scenario} fail ${failing}`, () => {
      const outcome = runScenario(withBug(scenario, bug));
      expect(outcome.verdict).toBe('fail');
      expect(outcome.checks.find((c) => c.name === failing)?.verdict).toBe('fail');
    });
  }

});
