// A scenario seeded from a user's router files: the files' settings, profiles, deployment and ThresholdDates are
// what runs; a broken file is bad input naming the file and the element; `mailflow router-files` writes files that
// a scenario can be seeded from again.
import { routerInstalls } from '../../../harness/scenario/routers.js';
import type { Scenario } from '../../../harness/scenario/schema.js';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../../harness/scenario/load-scenario.js';
import { InputError } from '../../../harness/scenario/input-error.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import { mailflow, repoRoot } from '../../helpers/cli.js';

const FIXTURES = join(repoRoot, 'test/fixtures/router');
const SCENARIO = join(FIXTURES, 'scenario-from-files.yaml');

/** A copy of the fixture scenario in a fresh directory, with its router files replaced as given. */
function scenarioWith(files: { config?: string; state?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'router-files-'));
  copyFileSync(SCENARIO, join(dir, 'scenario.yaml'));
  writeFileSync(join(dir, 'EmailAgent.xml'), files.config ?? readFileSync(join(FIXTURES, 'EmailAgent.xml'), 'utf8'));
  writeFileSync(join(dir, 'SystemState.xml'), files.state ?? readFileSync(join(FIXTURES, 'SystemState.xml'), 'utf8'));
  return join(dir, 'scenario.yaml');
}

async function problemsOf(file: string): Promise<string[]> {
  try {
    await loadScenario(file);
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n');
    throw error;
  }
  return [];
}

/** The scenario's one router install. */
const routerOf = (scenario: Scenario) => routerInstalls(scenario)[0]?.section;

describe('router files in a scenario', () => {
  it('runs with the files\' settings, deployment and ThresholdDate: mail before the threshold is never read', async () => {
    const scenario = await loadScenario(SCENARIO);
    expect(routerOf(scenario)?.settings).toMatchObject({ maxThreads: 20, pendingStatusDelay: 60_000, maximumDeliveryAttempts: 5, configUpdatePeriod: 3_600_000 });
    expect(routerOf(scenario)?.deployments).toEqual([{ crm: 'crm', incomingProfile: 'in-1', outgoingProfile: 'out-2', forwardMailbox: { address: 'crm@contoso.example', deleteAfterProcessing: false } }]);
    expect(routerOf(scenario)?.state).toEqual({ file: 'present', providers: [{ mailbox: 'crm@contoso.example', threshold: 3_600_000 }] });
    const outcome = runScenario(scenario);
    expect(outcome.ledger.get('<early@fabrikam.example>')?.activities).toHaveLength(0);
    expect(outcome.ledger.get('<late@fabrikam.example>')?.activities).toHaveLength(1);
    expect(outcome.counts.untrackedByReason).toEqual({ 'before-threshold-date': 1 });
  });

  it('a corrupt state file keeps the service from starting: everything waits', async () => {
    const outcome = runScenario(await loadScenario(scenarioWith({ state: '' })));
    expect(outcome.counts.tracked).toBe(0);
    // Both messages: a corrupt file has no ThresholdDates, and the service never starts to read anything.
    expect(outcome.counts.pending).toBe(2);
  });

  it('names the file and the element that is wrong', async () => {
    const bad = readFileSync(join(FIXTURES, 'EmailAgent.xml'), 'utf8').replace('<MaxThreads>20</MaxThreads>', '<MaxThreads>twenty</MaxThreads>');
    const [problem] = await problemsOf(scenarioWith({ config: bad }));
    expect(problem).toMatch(/EmailAgent\.xml: Configuration\/SystemConfiguration\/maxthreads: expected a whole number from 1 to/);
    const laughs = readFileSync(join(FIXTURES, 'billion-laughs.xml'), 'utf8');
    expect((await problemsOf(scenarioWith({ config: laughs })))[0]).toMatch(/EmailAgent\.xml:2:1: Configuration: refused/);
    const otherHost = readFileSync(join(FIXTURES, 'EmailAgent.xml'), 'utf8').replace('http://ex1.contoso.example/EWS', 'http://mail9.contoso.example/EWS');
    expect((await problemsOf(scenarioWith({ config: otherHost })))[0]).toMatch(/ProviderConfiguration\[1\]\/EmailServerUrl: host mail9\.contoso\.example is not a server/);
  });

  it('mailflow router-files writes files a scenario can start from again, the state as it was at the end', async () => {
    const out = mkdtempSync(join(tmpdir(), 'router-out-'));
    const result = mailflow('router-files', SCENARIO, '--out', out, '--at-end');
    expect(result.status).toBe(0);
    const again = scenarioWith({
      config: readFileSync(join(out, 'Microsoft.Crm.Tools.EmailAgent.xml'), 'utf8'),
      state: readFileSync(join(out, 'Microsoft.Crm.Tools.EmailAgent.SystemState.xml'), 'utf8'),
    });
    const scenario = await loadScenario(again);
    // The run processed the late message at 10:00 (2 h after the start): that is where the written state resumes.
    expect(routerOf(scenario)?.state?.providers).toEqual([{ mailbox: 'crm@contoso.example', threshold: 2 * 3_600_000 }]);
    expect(routerOf(scenario)?.settings.maxThreads).toBe(20);
  });

  it('mailflow router-files refuses a scenario without a router (exit 2)', () => {
    const result = mailflow('router-files', 'scenarios/hello.yaml', '--out', mkdtempSync(join(tmpdir(), 'router-none-')));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no router/);
  });
});
