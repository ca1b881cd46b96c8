// One router serving several CRM organisations (R12): a deployment per organisation, each with its own forward mailbox;
// each organisation's mail is judged by its own CRM, and a mailbox belongs to one organisation only (S13).
import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../helpers/input-problems.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';
import { runScenario } from '../../../harness/run/run-scenario.js';

function text(deployments: string, crmExtra = ''): string {
  return `kind: scenario
name: two-orgs
seed: 9
start: 2026-01-05T08:00:00Z
horizon: 3h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1 }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes:
    - { address: paul@contoso.example, database: db1 }
    - { address: ines@contoso.example, database: db1 }
    - { address: crm-sales@contoso.example, kind: forward, database: db1 }
    - { address: crm-service@contoso.example, kind: forward, database: db1 }
  rules:
    - { to: crm-sales@contoso.example, users: [paul@contoso.example] }
    - { to: crm-service@contoso.example, users: [ines@contoso.example] }
internet:
  senders: [{ name: fabrikam, domain: fabrikam.example }]
traffic:
  generators:
    - { name: carol, sender: fabrikam, ratePerHour: 12, to: all-users, fanOut: 2, until: 2h }
crm:
  - server: crm-sales
    users: [{ address: paul@contoso.example, incoming: forward-mailbox, filter: all }]
  - server: crm-service
    users: [{ address: ines@contoso.example, incoming: forward-mailbox, filter: all }${crmExtra}]
router:
  incomingProfiles: [{ name: ex-in, server: ex1 }]
  outgoingProfiles: [{ name: smtp-out, server: ex1 }]
  deployments:
${deployments}
`;
}

const BOTH = `    - { crm: crm-sales, incomingProfile: ex-in, outgoingProfile: smtp-out, forwardMailbox: { address: crm-sales@contoso.example } }
    - { crm: crm-service, incomingProfile: ex-in, outgoingProfile: smtp-out, forwardMailbox: { address: crm-service@contoso.example } }`;

function problems(yaml: string): string[] {
  return inputProblems(yaml, 'two-orgs.yaml');
}

describe('one router, two organisations (R12)', () => {
  it('tracks each message in both organisations, one activity in each, through each one\'s forward mailbox', () => {
    const outcome = runScenario(parseScenarioText(text(BOTH), 'two-orgs.yaml'));
    expect(outcome.counts.sent).toBeGreaterThan(5);
    expect(outcome.counts).toMatchObject({ lost: 0, untracked: 0, pending: 0, duplicates: 0 });
    for (const life of outcome.ledger.messages()) {
      expect(life.activities.map((a) => a.receivingMailbox).sort()).toEqual(['crm-sales@contoso.example', 'crm-service@contoso.example']);
    }
    // Each organisation holds one activity per message: not a duplicate (they are counted per organisation).
    expect(outcome.counts.tracked).toBe(2 * outcome.counts.accepted);
    expect(outcome.checks.find((c) => c.name === 'no-duplicate-activity')?.verdict).toBe('pass');
  });

  it('refuses a deployment that names no organisation when there are several, and a mailbox in two organisations (S13)', () => {
    expect(problems(text(BOTH.replace('crm: crm-sales, ', '')))).toContain('router.deployments[0]: name the organisation (`crm:`): the scenario has crm-sales, crm-service');
    expect(problems(text(BOTH, ', { address: paul@contoso.example, incoming: none }'))).toContain(
      "crm[1].users[1].address: 'paul@contoso.example' already belongs to CRM organisation 'crm-sales' (S13: one organisation per mailbox)");
  });

  it('refuses two deployments for one organisation', () => {
    expect(problems(text(BOTH.replace('crm: crm-service', 'crm: crm-sales')))).toContain(
      "router.deployments[1]: organisation 'crm-sales' already has deployment 0: one deployment per organisation (R3)");
  });

  it('refuses one forward mailbox for two organisations', () => {
    expect(problems(text(BOTH.replace('address: crm-service@contoso.example', 'address: crm-sales@contoso.example'))))
      .toContain("router.deployments[1].forwardMailbox.address: 'crm-sales@contoso.example' already serves router.deployments[0]: one forward mailbox per deployment (R12)");
  });
});
