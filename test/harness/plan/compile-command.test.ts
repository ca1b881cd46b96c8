// `mailflow compile PLAN`: the scenario a plan runs, written as a scenario file. Read back and run, it is the very
// run the plan makes (the same trace hash), failures drawn from the seed, their retries and the plan's faults included,
// so an architect can edit what a plan cannot say and `mailflow run` it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePlan } from '../../../harness/plan/compile-plan.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { mailflow } from '../../helpers/cli.js';
import { scenarioYaml } from '../../../harness/fuzz/scenario-yaml.js';
import { smallPlan } from './plan-fixtures.js';

describe('mailflow compile', () => {
  it('writes the scenario a plan runs: read back, it runs with the same trace hash', () => {
    const plan = smallPlan({ users: 20, failureRate: 0.3, retryAfter: '1h', fileProbability: 0.2 });
    const withFault = { ...plan, faults: [{ at: 5 * 3_600_000, verb: 'down', target: 'ex-hq' }, { at: 6 * 3_600_000, verb: 'up', target: 'ex-hq' }] };
    const compiled = compilePlan(withFault);
    expect(compiled.failing.size).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-compile-'));
    const planFile = join(dir, 'plan.yaml');
    writeFileSync(planFile, planYaml());
    const printed = mailflow('compile', planFile);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/^# The plan .*plan\.yaml \(small\), seed 3, compiled by mailflow compile/);
    expect(printed.stdout).not.toMatch(/[&*]a\d/); // no anchors or aliases
    const fromFile = runScenario(parseScenarioText(printed.stdout, 'compiled.yaml'));
    const direct = runScenario(compilePlan(smallPlan({ users: 20, failureRate: 0.3, retryAfter: '1h', fileProbability: 0.2 })).scenario);
    expect(fromFile.traceHash).toBe(direct.traceHash);
    expect(fromFile.counts).toEqual(direct.counts);
    // The faults of a plan, and the retries of its failed mailboxes, are in the file as operations.
    const yamlOfFault = runScenario(parseScenarioText(scenarioYaml(compiled.input), 'c.yaml'));
    expect(yamlOfFault.traceHash).toBe(runScenario(compiled.scenario).traceHash);
  });

  it('draws the failing mailboxes from --seed, and refuses a file that is no plan with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailflow-compile-'));
    const planFile = join(dir, 'plan.yaml');
    writeFileSync(planFile, planYaml());
    const other = mailflow('compile', planFile, '--seed', '99');
    expect(other.status).toBe(0);
    expect(other.stdout).toContain('seed: 99');
    expect(mailflow('compile', 'scenarios/hello.yaml').status).toBe(2);
  });
});

/** The small plan of the fixtures as a file, with failures and a retry. */
function planYaml(): string {
  return `kind: plan
name: small
seed: 3
start: 2026-01-05T00:00:00Z
sites:
  - { name: hq, users: 20, queues: 1, access: email-router }
traffic: { perMailboxPerDay: 24 }
people:
  file: { probability: 0.2, meanDelay: 2h }
cutover:
  switchAt: 2h
  batchSize: 4
  batchInterval: 4h
  order: queues-first
  forwardRules: remove-per-batch
  testAndEnable: { failureRate: 0.3, retryAfter: 1h }
  settle: 4h
`;
}
