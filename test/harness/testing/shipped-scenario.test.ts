// The shipped scenarios by name, from anywhere: a consumer's working directory has no scenarios/, so
// loadScenarioFile('scenarios/x.yaml') failed there with ENOENT; shippedScenario gives the installed file's path.
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedScenario, shippedScenarioNames } from '../../../harness/testing/shipped-scenario.js';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { loadPlanFile } from '../../../harness/plan/load-plan.js';
import { PACKAGE_ROOT } from '../../../harness/package-root.js';

describe('shippedScenario', () => {
  it('gives the absolute path of a shipped scenario, with or without .yaml', () => {
    const path = shippedScenario('wire-exchange-outage');
    expect(isAbsolute(path)).toBe(true);
    expect(path).toBe(join(PACKAGE_ROOT, 'scenarios', 'wire-exchange-outage.yaml'));
    expect(shippedScenario('wire-exchange-outage.yaml')).toBe(path);
    expect(loadScenarioFile(path).name).toBe('wire-exchange-outage');
  });

  it('names the plans under plans/', () => {
    expect(loadPlanFile(shippedScenario('plans/recommended')).name).toBeTypeOf('string');
  });

  it('lists every shipped file by name, and an unknown name is told them', () => {
    const names = shippedScenarioNames();
    expect(names).toContain('baseline-router');
    expect(names).toContain('plans/big-bang');
    expect(names).not.toContain('schema');
    expect(() => shippedScenario('wire-exchange-outgae')).toThrow(/^no shipped scenario named 'wire-exchange-outgae': the shipped scenarios are baseline-router, baseline-sss, .*wire-exchange-outage, .*plans\/recommended \(in \/.*scenarios\)$/);
    // Names, not paths: nothing outside scenarios/ is reached.
    expect(() => shippedScenario('../package')).toThrow(/no shipped scenario named '\.\.\/package'/);
  });
});
