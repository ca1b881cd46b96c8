// A CRM organisation that cannot work with the scenario's Exchange is refused before the run, naming the field.
import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../helpers/input-problems.js';
import { crmScenarioText, type CrmScenarioParts } from '../../helpers/crm-scenario.js';
import { exchangeScenarioText } from '../../helpers/exchange-scenario.js';
import { parseScenarioText } from '../../../harness/scenario/load-scenario.js';

function problemsOf(text: string): string[] {
  return inputProblems(text, 'bad.yaml');
}

const problems = (parts: CrmScenarioParts) => problemsOf(crmScenarioText(parts));

describe('CRM organisation checks', () => {
  it('accepts the helper organisation as it is', () => {
    expect(problems({})).toEqual([]);
  });

  it('refuses a user CRM processes without an Exchange mailbox, and one listed twice', () => {
    expect(problems({ users: '[{ address: ghost@contoso.example }, { address: paul@contoso.example }, { address: paul@contoso.example }]' })).toEqual([
      "crm.users[0].address: 'ghost@contoso.example' has no Exchange mailbox to process",
      "crm.users[2].address: 'paul@contoso.example' is already a CRM user or queue",
    ]);
  });

  it('refuses a queue on Outlook (R4) and a queue that is a user mailbox in Exchange', () => {
    expect(problems({ queues: '[{ address: sales@contoso.example, incoming: outlook }]' })[0]).toMatch(/^crm\.queues\[0\]\.incoming: /);
    expect(problems({ queues: '[{ address: paul@contoso.example }]' })).toContain(
      "crm.queues[0].address: 'paul@contoso.example' is already a CRM user or queue");
  });

  it('refuses an outbound SMTP server that does not exist', () => {
    expect(problems({ outbound: '{ smtpServer: smtp9 }' })).toEqual(["crm.outbound.smtpServer: no Exchange server or outside sender named 'smtp9'"]);
  });

  it('refuses CRM email from someone who is not a CRM user, regarding a record that does not exist, after the horizon', () => {
    expect(problems({ emails: '[{ at: 5h, from: carol@fabrikam.example, to: [paul@contoso.example], regarding: nobody }]' })).toEqual([
      'crm.emails[0].at: 5h is after the horizon (4h): CRM email is created at or before it',
      "crm.emails[0].from: 'carol@fabrikam.example' is not a CRM user",
      "crm.emails[0].regarding: no record with id 'nobody'",
    ]);
  });

  it('refuses tracked mail from a user without the Outlook client', () => {
    expect(problems({
      users: '[{ address: paul@contoso.example, incoming: none }]',
      traffic: '{ messages: [{ at: 5m, from: paul@contoso.example, to: [carol@fabrikam.example], track: true }] }',
    })).toEqual(["traffic.messages[0].track: 'paul@contoso.example' is not a CRM user who runs Outlook with the CRM client, or whose organisation uses server-side sync"]);
    // With server-side sync in the scenario, still refused: Paul has no mailbox record there (nothing would track it).
    expect(problems({
      users: '[{ address: paul@contoso.example, incoming: none }]',
      traffic: '{ messages: [{ at: 5m, from: paul@contoso.example, to: [carol@fabrikam.example], track: true }] }',
      sss: '{ profiles: [{ name: exchange, server: ex1 }] }',
    })).toHaveLength(1);
  });

  it('refuses CRM verbs aimed at the wrong kind of actor', () => {
    expect(problems({ faults: '[{ at: 1m, verb: crmApiFault, target: ex1 }, { at: 1m, verb: goOffline, target: crm }]' })).toEqual([
      "faults[0].target: 'crmApiFault' acts on a CRM server (crm)",
      "faults[1].target: 'goOffline' acts on an Outlook client (outlook:paul@contoso.example, outlook:anna@contoso.example)",
    ]);
  });

  it('finds an Outlook client whatever the case of its address, as every other address is found', () => {
    expect(problems({ faults: '[{ at: 1m, verb: goOffline, target: "outlook:Paul@Contoso.example" }, { at: 2m, verb: goOnline, target: "Outlook:PAUL@contoso.example" }]' })).toEqual([]);
    expect(parseScenarioText(crmScenarioText({ faults: '[{ at: 1m, verb: partition, target: ex1, peers: ["outlook:Anna@Contoso.example"] }]' }), 'ok.yaml').faults[0]?.peers)
      .toEqual(['outlook:anna@contoso.example']);
    // Other actors' names keep their case: ex1 is not EX1.
    expect(problems({ faults: '[{ at: 1m, verb: down, target: EX1 }]' })[0]).toMatch(/^faults\[0\]\.target: no actor named 'EX1'/);
  });

  it('refuses token settings too small for the users, which would make two users share tokens (S11)', () => {
    expect(problems({ settings: '{ tokenBaseNumber: 998, tokenUserDigits: 3 }' })).toEqual([
      'crm.settings.tokenBaseNumber: base 998 plus 2 users needs more than tokenUserDigits (3) digits: users would share tokens (S11)',
    ]);
    expect(problems({ settings: '{ tokenBaseNumber: 997, tokenUserDigits: 3 }' })).toEqual([]);
  });

  it('refuses a bad token prefix with its field path', () => {
    expect(problems({ settings: '{ tokenPrefix: "C R M" }' })[0]).toMatch(/^crm\.settings\.tokenPrefix: /);
  });

  it('refuses tracking without a CRM organisation', () => {
    expect(problemsOf(exchangeScenarioText({ users: '{ track: { probability: 0.5 } }' }))).toEqual(['users.track: tracking in Outlook needs a `crm:` organisation']);
  });
});
