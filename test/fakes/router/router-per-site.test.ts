// A router per site (the seeds' "several routers near the Exchange servers"): separate router installs for one
// organisation, each with its own forward mailbox, state file and round trip to CRM, each serving the users near it.
import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../helpers/input-problems.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';
import type { RouterDurable } from '../../../fakes/router/router-service.js';

function text(routers: string): string {
  return `kind: scenario
name: router-per-site
seed: 5
start: 2026-01-05T08:00:00Z
horizon: 3h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex-london, site: london }, { name: ex-tokyo, site: tokyo }]
  databases: [{ name: db-london, server: ex-london }, { name: db-tokyo, server: ex-tokyo }]
  mailboxes:
    - { address: paul@contoso.example, database: db-london }
    - { address: anna@contoso.example, database: db-london }
    - { address: yuki@contoso.example, database: db-tokyo }
    - { address: kenji@contoso.example, database: db-tokyo }
    - { address: crm-london@contoso.example, kind: forward, database: db-london }
    - { address: crm-tokyo@contoso.example, kind: forward, database: db-tokyo }
  rules:
    - { to: crm-london@contoso.example, users: [paul@contoso.example] }
    - { to: crm-tokyo@contoso.example, users: [yuki@contoso.example] }
  settings: { interSiteLatency: 3s }
internet:
  senders: [{ name: fabrikam, domain: fabrikam.example }]
traffic:
  generators:
    - { name: carol, sender: fabrikam, ratePerHour: 20, to: all-users, until: 2h }
crm:
  users:
    - { address: paul@contoso.example, incoming: forward-mailbox, filter: all }
    - { address: anna@contoso.example, incoming: email-router, filter: all }
    - { address: yuki@contoso.example, incoming: forward-mailbox, filter: all }
    - { address: kenji@contoso.example, incoming: email-router, filter: all }
router:
${routers}
`;
}

const PER_SITE = `  - instances: [{ name: router-london }]
    incomingProfiles: [{ name: in, server: ex-london }]
    outgoingProfiles: [{ name: out, server: ex-london }]
    deployments: [{ incomingProfile: in, outgoingProfile: out, forwardMailbox: { address: crm-london@contoso.example }, users: [paul@contoso.example, anna@contoso.example] }]
  - instances: [{ name: router-tokyo }]
    incomingProfiles: [{ name: in, server: ex-tokyo }]
    outgoingProfiles: [{ name: out, server: ex-tokyo }]
    deployments: [{ incomingProfile: in, outgoingProfile: out, forwardMailbox: { address: crm-tokyo@contoso.example }, users: [yuki@contoso.example, kenji@contoso.example] }]
    settings: { crmCall: 2s }`;

describe('a router per site', () => {
  it('tracks everything once: each router reads its own forward mailbox and its own users\' Inboxes', () => {
    let states: RouterDurable[] = [];
    const outcome = runScenario(parseScenarioText(text(PER_SITE), 'per-site.yaml'), {
      atEnd: (engine) => { states = ['router-london', 'router-tokyo'].map((name) => engine.durableOf(name) as RouterDurable); },
    });
    expect(outcome.counts.sent).toBeGreaterThan(20);
    expect(outcome.counts).toMatchObject({ lost: 0, untracked: 0, pending: 0, duplicates: 0, duplicatesPrevented: 0 });
    expect(outcome.counts.tracked).toBe(outcome.counts.delivered);
    const receiving = new Set([...outcome.ledger.messages()].flatMap((l) => l.activities.map((a) => a.receivingMailbox)));
    expect([...receiving].sort()).toEqual(['anna@contoso.example', 'crm-london@contoso.example', 'crm-tokyo@contoso.example', 'kenji@contoso.example']);
    // Separate installs keep separate state files, each with only its own mailboxes.
    expect(states.map((s) => [...s.state.providers.values()].map((p) => p.emailAddress).sort())).toEqual([
      ['anna@contoso.example', 'crm-london@contoso.example'], ['crm-tokyo@contoso.example', 'kenji@contoso.example'],
    ]);
  });

  it('refuses two installs reading one Inbox (a deployment without users serves everyone: R13)', () => {
    const overlapping = PER_SITE.replace(', users: [paul@contoso.example, anna@contoso.example]', '');
    expect(inputProblems(text(overlapping), 'per-site.yaml')).toEqual([
      "crm.users[3].incoming: kenji@contoso.example's Inbox would be read by router[0] and router[1] (R13: both track it); list it in one deployment's users",
    ]);
  });

  it('refuses a user no router serves, a forward mailbox two routers read, a user of no deployment\'s organisation, and one instance name twice', () => {
    const bad = PER_SITE
      .replace('users: [yuki@contoso.example, kenji@contoso.example]', 'users: [yuki@contoso.example, carol@fabrikam.example]')
      .replace('crm-tokyo@contoso.example }', 'crm-london@contoso.example }')
      .replace('name: router-tokyo', 'name: router-london');
    expect(inputProblems(text(bad), 'per-site.yaml')).toEqual([
      // Yuki's rule copies to crm-tokyo, which no deployment reads now.
      "crm.users[2].incoming: no inbox rule copies yuki@contoso.example's mail to the forward mailbox (crm-london@contoso.example)",
      "crm.users[3]: the router has no deployment for organisation 'crm' that serves kenji@contoso.example",
      "router[1].instances[0].name: 'router-london' is already the name of another actor",
      "router[1].deployments[0].forwardMailbox.address: 'crm-london@contoso.example' already serves router[0].deployments[0]: one forward mailbox per deployment (R12)",
      "router[1].deployments[0].users[1]: 'carol@fabrikam.example' is not a user or queue of organisation 'crm'",
    ]);
  });
});
