// A profile's server and CRM's SMTP server name a mail server as hosts are named, in any case (DNS): `mailflow
// migrate` writes `server: exch01` for the EXCH01 the scenario names. Each is spelt as its server once loaded, so the
// run is the one the scenario's own spelling gives; two servers whose names differ only in case are refused there.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { routerInstalls } from '../../../harness/scenario/routers.js';
import { crmOrganisations } from '../../../harness/scenario/crm-organisations.js';
import { crmScenarioText, routerSection, type CrmScenarioParts } from '../../helpers/crm-scenario.js';
import { inputProblems } from '../../helpers/input-problems.js';

const SWITCHED = '[{ at: 0s, verb: switchToServerSideSync, target: crm }]';
const USERS = '[{ address: paul@contoso.example, incoming: email-router }]';
const sss = (server: string) => `{ profiles: [{ name: exchange, server: ${server} }] }`;
/** The servers ex1 and EX1: names that differ only in case. */
const twins = (text: string) => text.replace('servers: [{ name: ex1, site: hq }]', 'servers: [{ name: ex1, site: hq }, { name: EX1, site: hq }]');
const text = (parts: CrmScenarioParts) => crmScenarioText({ users: USERS, faults: SWITCHED, ...parts });
const SAME = (written: string, named: string) => `'${written}' names ${named}, servers of the scenario whose names differ only in case (host names ignore case): rename one`;

describe('server references in any case', () => {
  it('a sync profile\'s server: spelt as the Exchange server it names', () => {
    expect(parseScenarioText(text({ sss: sss('EX1') }), 's.yaml').sss?.profiles[0]?.server).toBe('ex1');
    expect(inputProblems(text({ sss: sss('ex9') }))).toEqual(["sss.profiles[0].server: no Exchange server named 'ex9'"]);
  });

  it('a router profile\'s server, incoming and outgoing: spelt as the server it names, as a router file\'s EmailServerUrl is', () => {
    const router = routerSection().replace('server: ex1 }', 'server: Ex1 }').replace('server: ex1 }', 'server: Fabrikam }');
    const scenario = parseScenarioText(crmScenarioText({ users: USERS, router }), 'r.yaml');
    const [install] = routerInstalls(scenario);
    expect([install?.section.incomingProfiles[0]?.server, install?.section.outgoingProfiles[0]?.server]).toEqual(['ex1', 'fabrikam']);
  });

  it('CRM\'s SMTP server: spelt as the Exchange server or outside sender it names', () => {
    const smtpServer = (server: string) => crmOrganisations(parseScenarioText(crmScenarioText({ outbound: `{ smtpServer: ${server} }` }), 'c.yaml'))[0]?.section.outbound.smtpServer;
    expect([smtpServer('EX1'), smtpServer('FABRIKAM')]).toEqual(['ex1', 'fabrikam']);
  });

  it('refuses each when two servers\' names differ only in case, however it is spelt', () => {
    expect(inputProblems(twins(text({ sss: sss('ex1') })))).toEqual([`sss.profiles[0].server: ${SAME('ex1', 'ex1 and EX1')}`]);
    expect(inputProblems(twins(text({ sss: sss('Ex1') })))).toEqual([`sss.profiles[0].server: ${SAME('Ex1', 'ex1 and EX1')}`]);
    expect(inputProblems(twins(crmScenarioText({ users: USERS, router: routerSection() })))).toEqual([
      `router.incomingProfiles[0].server: ${SAME('ex1', 'ex1 and EX1')}`,
      `router.outgoingProfiles[0].server: ${SAME('ex1', 'ex1 and EX1')}`,
    ]);
    expect(inputProblems(twins(crmScenarioText({ outbound: '{ smtpServer: EX1 }' })))).toEqual([`crm.outbound.smtpServer: ${SAME('EX1', 'ex1 and EX1')}`]);
  });
});
