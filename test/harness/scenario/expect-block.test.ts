// The `expect:` block's declared untracked reasons and latency thresholds, as a scenario file writes them.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { inputProblems } from '../../helpers/input-problems.js';
import { InputError } from '../../../harness/scenario/input-error.js';

const withExpect = (expectBlock: string) => `kind: scenario
name: ok
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 1h
toy: {}
expect:
${expectBlock}
`;

describe('expect: untracked and latency', () => {
  it('reads declared reasons as count expectations and latency thresholds as milliseconds', () => {
    const scenario = parseScenarioText(withExpect(`  untracked: { before-process-email-from: ">= 1", not-in-root-inbox: 2 }
  latency: { p50: 90s, p95: 5m, max: 2h }
  checks: { liveness: fail, latency: pass }`), 'ok.yaml');
    expect(scenario.expect.untracked).toEqual({
      'before-process-email-from': { operator: '>=', value: 1, exact: false }, 'not-in-root-inbox': { operator: '==', value: 2, exact: true },
    });
    expect(scenario.expect.latency).toEqual({ p50: 90_000, p95: 300_000, max: 7_200_000 });
  });

  it('refuses unexplained, odd reason names, empty or unknown thresholds, naming the field', () => {
    expect(inputProblems(withExpect('  untracked: { unexplained: 1 }'))).toEqual([
      'expect.untracked.unexplained: unexplained cannot be declared: it marks mail no model gave a reason for (no-silent-drop)',
    ]);
    expect(inputProblems(withExpect('  untracked: { Late Mail: 1 }'))[0]).toMatch(/^expect\.untracked\.Late Mail: no untracked reason 'Late Mail': one of not-in-root-inbox, /);
    // A misspelt reason was declared, never met, and passed as `>= 0` beside the real reason's failure.
    expect(inputProblems(withExpect('  untracked: { not-in-root-inbx: ">= 0" }'))).toEqual([
      "expect.untracked.not-in-root-inbx: no untracked reason 'not-in-root-inbx' (did you mean 'not-in-root-inbox'?)",
    ]);
    expect(inputProblems(withExpect('  untracked: { crm-error: "some" }'))[0]).toMatch(/^expect\.untracked\.crm-error: expected a number or a comparison/);
    expect(inputProblems(withExpect('  latency: {}'))).toEqual(['expect.latency: set at least one of p50, p95, max']);
    expect(inputProblems(withExpect('  latency: { p99: 5m }'))[0]).toMatch(/^expect\.latency/);
    expect(inputProblems(withExpect('  latency: { p95: soon }'))[0]).toMatch(/^expect\.latency\.p95: expected a duration/);
  });

  it('refuses a __proto__ key in untracked, counts, checks and act, where JavaScript dropped it and the expectation with it', () => {
    for (const map of ['untracked', 'counts', 'checks', 'act']) {
      const value = map === 'checks' ? 'fail' : '">= 5"';
      const problems = inputProblems(withExpect(`  ${map}: { __proto__: ${value} }`));
      expect(problems, map).toHaveLength(1);
      expect(problems[0], map).toMatch(new RegExp(`^expect\\.${map}\\.__proto__: __proto__ names nothing here`));
    }
    // Placed at the key's line, as `mailflow validate` prints it (file:line:column).
    try {
      parseScenarioText(withExpect('  counts: { lost: 0 }\n  untracked: { __proto__: ">= 5" }'), 'p.yaml');
      expect.unreachable('a __proto__ key was read');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/^p\.yaml:9:\d+: expect\.untracked\.__proto__: /);
    }
  });
});
