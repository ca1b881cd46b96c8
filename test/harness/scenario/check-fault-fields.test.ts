// A fault's settings and mailboxes are checked at the field: a misspelt mailbox or a setting the verb does not read
// used to run as if the incident never happened (the scenario-author review: `denyMailboxAccess` on `ana@` for
// `anna@` passed, and so did `database` on an smtpFault).
import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../helpers/input-problems.js';
import { crmScenarioText } from '../../helpers/crm-scenario.js';
import { FAULT_VERBS } from '../../../harness/scenario/schema.js';
import { FAULT_FIELDS, fieldsOf } from '../../../harness/scenario/check-fault-fields.js';

const scenario = (faults: string) => `kind: scenario
name: faults
seed: 1
start: 2026-01-05T08:00:00Z
horizon: 8h
exchange:
  acceptedDomains: [contoso.example]
  servers: [{ name: ex1 }]
  databases: [{ name: db1, server: ex1 }]
  mailboxes:
    - { address: anna@contoso.example, database: db1 }
    - { address: omar@contoso.example, database: db1 }
    - { address: crm@contoso.example, database: db1, kind: forward }
internet:
  senders: [{ name: fabrikam, domain: fabrikam.example }]
crm:
  users: [{ address: anna@contoso.example, incoming: email-router }]
sss:
  profiles: [{ name: exchange, server: ex1 }]
faults:
  - { at: 0s, verb: switchToServerSideSync, target: crm }
${faults}
`;

describe('fault settings and mailboxes', () => {
  it('accepts the mailboxes each verb may name', () => {
    expect(inputProblems(scenario(`  - { at: 1h, verb: denyMailboxAccess, target: sss, mailbox: anna@contoso.example }
  - { at: 2h, verb: testAndEnable, target: sss, mailboxes: [anna@contoso.example, crm@contoso.example] }
  - { at: 2h, verb: removeInboxRules, target: ex1, mailbox: omar@contoso.example }
  - { at: 3h, verb: failActivityCreation, target: crm, mailbox: anna@contoso.example }`))).toEqual([]);
  });

  it('refuses a mailbox the verb cannot act on, with the nearest one when it looks misspelt', () => {
    expect(inputProblems(scenario(`  - { at: 1h, verb: denyMailboxAccess, target: sss, mailbox: ana@contoso.example }
  - { at: 2h, verb: testAndEnable, target: sss, mailboxes: [anna@contoso.example, omar@contoso.example] }
  - { at: 2h, verb: removeInboxRules, target: ex1, mailbox: zed@contoso.example }
  - { at: 3h, verb: deleteTrackedEmail, target: crm, mailbox: crm@contoso.example }`))).toEqual([
      "faults[1].mailbox: 'ana@contoso.example' is not a CRM user or queue, or a forward mailbox (did you mean 'anna@contoso.example'?)",
      "faults[2].mailboxes[1]: 'omar@contoso.example' is not a CRM user or queue, or a forward mailbox",
      "faults[3].mailbox: 'zed@contoso.example' is not an Exchange mailbox",
      "faults[4].mailbox: 'crm@contoso.example' is not a CRM user or queue",
    ]);
  });

  it('refuses a setting the verb does not read, and mailbox with mailboxes', () => {
    expect(inputProblems(scenario(`  - { at: 1h, verb: smtpFault, target: ex1, code: 451, database: db1 }
  - { at: 2h, verb: down, target: ex1, lag: 5m }
  - { at: 3h, verb: grantMailboxAccess, target: sss, mailbox: anna@contoso.example, mailboxes: [anna@contoso.example] }`))).toEqual([
      "faults[1].database: 'smtpFault' does not read database (it takes stage, code, dropReply)",
      "faults[2].lag: 'down' does not read lag (it takes only at and target)",
      'faults[3].mailbox: give mailbox (one) or mailboxes (a list), not both: the list would win',
    ]);
  });

  it('knows the settings of every verb the language has', () => {
    // A verb missing here would have every setting refused.
    expect(Object.keys(FAULT_FIELDS).sort(), 'every verb has its entry in FAULT_FIELDS (check-fault-fields.ts)').toEqual([...FAULT_VERBS].sort());
    const takesNoSettings = ['crash', 'restart', 'down', 'up', 'stopInbound', 'startInbound', 'recoverServer', 'clearSmtpFault', 'clearCrmApiFault', 'goOffline', 'goOnline', 'switchToServerSideSync', 'clearActivityCreationFailure', 'corruptState', 'deleteStateFile', 'resetState', 'backupState'];
    expect(FAULT_VERBS.filter((verb) => !takesNoSettings.includes(verb) && fieldsOf(verb).length === 0),
      'a verb FAULT_FIELDS gives no settings: list it in takesNoSettings here if it truly takes none, or give it its fields in check-fault-fields.ts').toEqual([]);
  });

  it('takes a forward mailbox for failActivityCreation (the mailbox mail is read from, S7), and a Forward Mailbox user only where sync may read her own', () => {
    const router = '{ incomingProfiles: [{ name: in, server: ex1 }], outgoingProfiles: [{ name: out, server: ex1 }], deployments: [{ incomingProfile: in, outgoingProfile: out, forwardMailbox: { address: crm@contoso.example } }] }';
    const routed = (fault: string, sss?: string) => inputProblems(crmScenarioText({
      users: '[{ address: paul@contoso.example, incoming: forward-mailbox }, { address: anna@contoso.example }]',
      rules: '[{ to: crm@contoso.example, users: [paul@contoso.example] }]', router, faults: `[${fault}]`, ...(sss === undefined ? {} : { sss }),
    }));
    expect(routed('{ at: 1h, verb: failActivityCreation, target: crm, mailbox: crm@contoso.example }')).toEqual([]);
    expect(routed('{ at: 1h, verb: failActivityCreation, target: crm, mailbox: paul@contoso.example }')).toEqual([
      "faults[0].mailbox: 'paul@contoso.example' is on Forward Mailbox access: that mail is read from the forward mailbox (crm@contoso.example), the mailbox to name",
    ]);
    // With sync in the scenario, it may read Paul's own mailbox after his batch (and send his address).
    expect(routed('{ at: 1h, verb: failActivityCreation, target: crm, mailbox: paul@contoso.example }', '{ profiles: [{ name: exchange, server: ex1 }], cutover: { at: 2h } }')).toEqual([]);
    // Aimed at no organisation: the target says it, and the mailbox is not judged against a wrong one.
    expect(routed('{ at: 1h, verb: deleteTrackedEmail, target: crn, mailbox: paul@contoso.example }')).toEqual([
      "faults[0].target: no actor named 'crn' (did you mean 'crm'? known actors: ex1, fabrikam, crm, outlook:anna@contoso.example, router)",
    ]);
  });

  it('refuses a database restore from no backup of that database, and takes one with log replay or after a backup (X3)', () => {
    const restore = '  - { at: 5h, verb: restore, target: ex1, database: db1 }';
    expect(inputProblems(scenario(restore))).toEqual([
      "faults[1]: no backup of 'db1' on 'ex1' at or before 5h: the restore would find none and change nothing (or replayLogs: true, which needs none)",
    ]);
    expect(inputProblems(scenario(`  - { at: 1h, verb: backup, target: ex1, database: db1 }\n${restore.replace('5h', '1h')}`))).toEqual([]);
    expect(inputProblems(scenario(`${restore.replace('5h', '1h')}\n  - { at: 1h, verb: backup, target: ex1, database: db1 }`))).toHaveLength(1);
    expect(inputProblems(scenario(`  - { at: 1h, verb: backup, target: ex1, database: db1 }\n${restore.replace(' }', ', backupAt: 30m }')}`))).toHaveLength(1);
    expect(inputProblems(scenario(restore.replace(' }', ', replayLogs: true }')))).toEqual([]);
  });
});
