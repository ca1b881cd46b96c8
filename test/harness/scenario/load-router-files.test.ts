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

  it('matches EmailServerUrl\'s host to a server name in any case, as DNS does; refuses servers whose names differ only in case', async () => {
    // The incident review: servers named EXCH01 as Windows shows them, URLs that say EXCH01.contoso.com.
    const config = readFileSync(join(FIXTURES, 'EmailAgent.xml'), 'utf8').replace('http://ex1.contoso.example/EWS', 'https://EX1.Contoso.example/EWS');
    const upper = scenarioWith({ config });
    writeFileSync(upper, readFileSync(upper, 'utf8').replace('servers: [{ name: ex1 }]', 'servers: [{ name: EX1 }]').replace('server: ex1 }', 'server: EX1 }'));
    const validate = mailflow('validate', upper);
    expect(validate.stderr).not.toMatch(/is not a server/);
    expect(validate.status).toBe(0);
    expect(routerOf(await loadScenario(upper))?.incomingProfiles).toEqual([{ name: 'in-1', protocol: 'exchange', server: 'EX1' }]);
    const twins = scenarioWith({ config });
    writeFileSync(twins, readFileSync(twins, 'utf8').replace('servers: [{ name: ex1 }]', 'servers: [{ name: ex1 }, { name: EX1 }]'));
    const ambiguous = mailflow('validate', twins);
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toMatch(/EmailAgent\.xml: Configuration\/ProviderConfiguration\[1\]\/EmailServerUrl: host ex1\.contoso\.example names ex1 and EX1, servers of the scenario whose names differ only in case \(host names ignore case\): rename one/);
  });

  it('takes CrmServerUrls that differ in case, a default port or a trailing / as one deployment; lists the URLs of two', async () => {
    const fixture = readFileSync(join(FIXTURES, 'EmailAgent.xml'), 'utf8');
    const outgoingUrl = (url: string) => {
      const at = fixture.lastIndexOf('<CrmServerUrl>http://crm.contoso.example/Contoso</CrmServerUrl>');
      return `${fixture.slice(0, at)}<CrmServerUrl>${url}</CrmServerUrl>${fixture.slice(fixture.indexOf('</CrmServerUrl>', at) + '</CrmServerUrl>'.length)}`;
    };
    for (const url of ['HTTP://CRM.contoso.example:80/contoso/', 'http://Crm.Contoso.Example/CONTOSO']) {
      const file = scenarioWith({ config: outgoingUrl(url) });
      const validate = mailflow('validate', file);
      expect(validate.stderr).not.toContain('CrmServerUrl');
      expect(validate.status).toBe(0);
      expect(routerOf(await loadScenario(file))?.deployments).toEqual([{ crm: 'crm', incomingProfile: 'in-1', outgoingProfile: 'out-2', forwardMailbox: { address: 'crm@contoso.example', deleteAfterProcessing: false } }]);
    }
    const two = mailflow('validate', scenarioWith({ config: outgoingUrl('http://crm2.contoso.example/Contoso') }));
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('EmailAgent.xml: Configuration/ProviderConfiguration[1]/CrmServerUrl: http://crm.contoso.example/Contoso has no outgoing ProviderConfiguration: a deployment needs one of each with the same CrmServerUrl (compared without case, default port or trailing /). The file has incoming for http://crm.contoso.example/Contoso ([1]), outgoing for http://crm2.contoso.example/Contoso ([2]): these are different deployments');
  });

  it('names an organisation by the end of its CrmServerUrl in any case, as CRM compares organisation names (R12)', async () => {
    const provider = (cls: string, url: string, forward = '') => `<ProviderConfiguration><ProviderClass>Microsoft.Crm.Tools.Email.Providers.${cls}</ProviderClass><CrmServerUrl>${url}</CrmServerUrl><EmailServerUrl>http://ex1.contoso.example/EWS/Exchange.asmx</EmailServerUrl>${forward === '' ? '' : `<EmailAddress>${forward}</EmailAddress><IsForwardMailbox>true</IsForwardMailbox>`}</ProviderConfiguration>`;
    const config = `<Configuration>${[
      provider('ExchangePollingMailboxProvider', 'http://crm.contoso.example/CRM-Sales', 'crm-sales@contoso.example'), provider('SmtpPollingSendEmailProvider', 'http://CRM.contoso.example:80/crm-sales/'),
      provider('ExchangePollingMailboxProvider', 'http://crm.contoso.example/Crm-Service', 'crm-service@contoso.example'), provider('SmtpPollingSendEmailProvider', 'http://crm.contoso.example/crm-service'),
    ].join('')}</Configuration>`;
    const file = scenarioWith({ config });
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace('    - { address: crm@contoso.example, kind: forward, database: db1 }', [...['crm-sales', 'crm-service'].map((n) => `    - { address: ${n}@contoso.example, kind: forward, database: db1 }`), '    - { address: ines@contoso.example, database: db1 }'].join('\n'))
      .replace('rules: [{ action: forward-as-attachment, to: crm@contoso.example }]', 'rules: [{ action: forward-as-attachment, to: crm-sales@contoso.example }]')
      .replace(/crm:\n  users: (.*)\n/, 'crm:\n  - { server: crm-sales, users: $1 }\n  - { server: crm-service, users: [{ address: ines@contoso.example }] }\n')
      .replace('  stateFile: SystemState.xml\n', ''));
    const validate = mailflow('validate', file);
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);
    expect(routerOf(await loadScenario(file))?.deployments.map((d) => [d.crm, d.incomingProfile, d.outgoingProfile])).toEqual([['crm-sales', 'in-1', 'out-2'], ['crm-service', 'in-3', 'out-4']]);
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
