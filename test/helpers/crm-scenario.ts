// A small Exchange + CRM world in YAML (two users with Outlook, a queue, a contact), with hooks for the parts a test
// varies; parsed by the real loader and run by the real runner.
import { parseScenarioText } from '../../harness/scenario/load-scenario.js';
import { runScenario, type RunOutcome } from '../../harness/run/run-scenario.js';
import type { Scenario } from '../../harness/scenario/schema.js';
import type { MessageLife } from '../../sim/ledger/records.js';

export interface CrmScenarioParts {
  seed?: number;
  horizon?: string;
  users?: string;
  queues?: string;
  settings?: string;
  outbound?: string;
  emails?: string;
  senders?: string;
  traffic?: string;
  faults?: string;
  people?: string;
  exchangeSettings?: string;
  outlook?: string;
  rules?: string;
  router?: string;
  drain?: string;
  sss?: string;
}

export function crmScenarioText(parts: CrmScenarioParts = {}): string {
  return `kind: scenario
name: crm-test
seed: ${parts.seed ?? 1}
start: 2026-01-05T08:00:00Z
horizon: ${parts.horizon ?? '4h'}
drain: ${parts.drain ?? '3d'}
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1, site: hq }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes:
    - { address: paul@contoso.example, database: db1 }
    - { address: anna@contoso.example, database: db1 }
    - { address: sales@contoso.example, kind: queue, database: db1 }
    - { address: crm@contoso.example, kind: forward, database: db1 }
  rules: ${parts.rules ?? '[]'}
  settings: ${parts.exchangeSettings ?? '{}'}
internet:
  senders: ${parts.senders ?? '[{ name: fabrikam, domain: fabrikam.example, profile: exchange }]'}
traffic: ${parts.traffic ?? '{}'}
crm:
  users: ${parts.users ?? `
    - { address: paul@contoso.example }
    - { address: anna@contoso.example }`}
  queues: ${parts.queues ?? '[{ address: sales@contoso.example, filter: all }]'}
  contacts: [{ id: carol, address: carol@fabrikam.example }]
  settings: ${parts.settings ?? '{}'}
  outbound: ${parts.outbound ?? '{}'}
  emails: ${parts.emails ?? '[]'}
  outlook: ${parts.outlook ?? '{}'}
${parts.router === undefined ? '' : `router: ${parts.router}\n`}${parts.sss === undefined ? '' : `sss: ${parts.sss}\n`}faults: ${parts.faults ?? '[]'}
${parts.people === undefined ? '' : `users: ${parts.people}\n`}`;
}

export function crmScenario(parts: CrmScenarioParts = {}): Scenario {
  return parseScenarioText(crmScenarioText(parts), 'crm-test.yaml');
}

export function runCrm(parts: CrmScenarioParts = {}): RunOutcome {
  return runScenario(crmScenario(parts));
}

export function lifeOf(outcome: RunOutcome, key: string): MessageLife {
  const life = outcome.ledger.get(key);
  if (life === undefined) throw new Error(`no message ${key} in the ledger`);
  return life;
}

/** The keys of messages whose subject-bearing path mentions `text` (CRM email keys are generated). */
export function keysSubmittedBy(outcome: RunOutcome, from: string): string[] {
  return [...outcome.ledger.messages()].filter((l) => l.path.some((s) => s.step === 'submitted' && s.detail.startsWith(`from ${from}`))).map((l) => l.messageId);
}

/** A router with one forward mailbox (crm@), reading and sending through ex1; `extra` adds fields (settings, ...). */
export function routerSection(extra = '', deleteAfterProcessing = true): string {
  return `
  incomingProfiles: [{ name: ex-in, protocol: exchange, server: ex1 }]
  outgoingProfiles: [{ name: smtp-out, protocol: smtp, server: ex1 }]
  deployments:
    - { incomingProfile: ex-in, outgoingProfile: smtp-out, forwardMailbox: { address: crm@contoso.example, deleteAfterProcessing: ${deleteAfterProcessing} } }
${extra}`;
}

/** Users on Forward Mailbox access (the rule copies their mail to crm@, R1). */
export const FORWARD_USERS = `
    - { address: paul@contoso.example, incoming: forward-mailbox, filter: all }
    - { address: anna@contoso.example, incoming: forward-mailbox }`;
export const FORWARD_RULE = '[{ action: forward-as-attachment, to: crm@contoso.example, users: all }]';
