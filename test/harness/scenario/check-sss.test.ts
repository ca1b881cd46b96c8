// A server-side sync setup that cannot work is refused before the run, naming the field.
import { describe, expect, it } from 'vitest';
import { inputProblems } from '../../helpers/input-problems.js';
import { crmScenarioText, type CrmScenarioParts } from '../../helpers/crm-scenario.js';

/** The organisation uses server-side sync from the start (R14), unless a test gives faults of its own. */
const SWITCHED = '[{ at: 0s, verb: switchToServerSideSync, target: crm }]';

function problems(parts: CrmScenarioParts): string[] {
  return inputProblems(crmScenarioText({ users: '[{ address: paul@contoso.example, incoming: email-router }]', faults: SWITCHED, ...parts }), 'bad.yaml');
}

const sss = (extra: string) => `{ profiles: [{ name: exchange, server: ex1 }]${extra} }`;

describe('server-side sync checks', () => {
  it('accepts a plain setup; Email Router access needs no router when server-side sync is there', () => {
    expect(problems({ sss: sss('') })).toEqual([]);
  });

  it('refuses Forward Mailbox access without the router unless sync reads a forward mailbox the user\'s rule copies to (R1, R2)', () => {
    const forwardUser = '[{ address: paul@contoso.example, incoming: forward-mailbox }]';
    expect(problems({ users: forwardUser, sss: sss('') })).toEqual([
      "crm.users[0].incoming: Forward Mailbox access without the router: no forward mailbox is read by server-side sync (list one in sss.mailboxes); or use incoming: email-router, sync reading the user's own Inbox (R1, R2, R4)",
    ]);
    const readsCrm = sss(', mailboxes: [{ address: crm@contoso.example, deleteAfterProcessing: true }]');
    expect(problems({ users: forwardUser, sss: readsCrm })).toEqual([
      "crm.users[0].incoming: Forward Mailbox access without the router: no inbox rule copies paul@contoso.example's mail to crm@contoso.example; or use incoming: email-router, sync reading the user's own Inbox (R1, R2, R4)",
    ]);
    expect(problems({ users: forwardUser, sss: readsCrm, rules: '[{ action: forward-as-attachment, to: crm@contoso.example, users: [paul@contoso.example] }]' })).toEqual([]);
  });

  it('refuses sync without a router that never takes over (R14): nothing would process Email Router access', () => {
    expect(problems({ sss: sss(''), faults: '[]' })).toEqual([
      'sss: server-side sync never takes over, and there is no router: "Process Email Using" stays Email Router (R14), so nothing processes the mail of the user or queue on Email Router access (crm.users[0]). Add { at: 0s, verb: switchToServerSideSync, target: crm } to faults, an sss.cutover, or a router: section',
    ]);
    expect(problems({ sss: sss(', cutover: { at: 1h }'), faults: '[]' })).toEqual([]);
  });

  it('refuses setProcessEmailFrom without the instant (it set "not a number": no limit at all) or naming no profile (S2a)', () => {
    const faults = (fields: string) => `[{ at: 0s, verb: switchToServerSideSync, target: crm }, { at: 1h, verb: setProcessEmailFrom, target: sss${fields} }]`;
    expect(problems({ sss: sss(''), faults: faults(', processEmailFrom: -1d, profile: exchange') })).toEqual([]);
    expect(problems({ sss: sss(''), faults: faults('') })).toEqual([
      "faults[1]: 'setProcessEmailFrom' needs processEmailFrom: the instant the profile's mail is processed from (S2a): 2h after the start, or -1d before it",
    ]);
    expect(problems({ sss: sss(''), faults: faults(', processEmailFrom: 2h, profile: exchang') })).toEqual([
      "faults[1].profile: no email server profile 'exchang' (did you mean 'exchange'?)",
    ]);
  });

  it('refuses a profile on a server that does not exist', () => {
    expect(problems({ sss: '{ profiles: [{ name: exchange, server: ex9 }] }' })).toEqual(["sss.profiles[0].server: no Exchange server named 'ex9'"]);
  });

  it('refuses deleting processed mail from a user mailbox (S1) and records for unknown addresses', () => {
    expect(problems({ sss: sss(', mailboxes: [{ address: paul@contoso.example, deleteAfterProcessing: true }, { address: ghost@contoso.example }]') })).toEqual([
      'sss.mailboxes[0].deleteAfterProcessing: only forward and queue mailboxes may delete processed mail (S1)',
      "sss.mailboxes[1].address: 'ghost@contoso.example' is neither a user or queue of 'crm' nor a forward mailbox",
    ]);
  });

  it('refuses a cutover\'s failing mailbox that the cutover never tests: a slip would run with nothing failing', () => {
    const users = '[{ address: paul@contoso.example, incoming: email-router }, { address: anna@contoso.example }]';
    const failing = (list: string) => sss(`, cutover: { at: 1h, failing: ${list} }`);
    // A user or queue with a mailbox record, or a forward mailbox given a record (in sss.mailboxes here; with a
    // router, any: its files may name one at world-build time); addresses in any case.
    expect(problems({ users, faults: '[]', sss: sss(', mailboxes: [{ address: crm@contoso.example }], cutover: { at: 1h, failing: [Paul@contoso.example, crm@contoso.example] }') })).toEqual([]);
    expect(problems({ users, faults: '[]', sss: failing('[crm@contoso.example]') })).toEqual([
      "sss.cutover.failing[0]: 'crm@contoso.example' is not a mailbox the cutover tests and enables: it enables the users and queues of 'crm' on Email Router or Forward Mailbox access, the forward mailboxes of its routers' deployments and sss.mailboxes",
    ]);
    expect(problems({ users, faults: '[]', sss: failing('[paul@contoso.exmple, nobody@contoso.example, anna@contoso.example, sales@contoso.example]') })).toEqual([
      "sss.cutover.failing[0]: 'paul@contoso.exmple' is not a mailbox the cutover tests and enables (did you mean 'paul@contoso.example'?): it enables the users and queues of 'crm' on Email Router or Forward Mailbox access, the forward mailboxes of its routers' deployments and sss.mailboxes",
      "sss.cutover.failing[1]: 'nobody@contoso.example' is not a mailbox the cutover tests and enables: it enables the users and queues of 'crm' on Email Router or Forward Mailbox access, the forward mailboxes of its routers' deployments and sss.mailboxes",
      // Anna reads her mail in Outlook and the queue has no incoming access: sync keeps no record of either.
      "sss.cutover.failing[2]: 'anna@contoso.example' is not a mailbox the cutover tests and enables: it enables the users and queues of 'crm' on Email Router or Forward Mailbox access, the forward mailboxes of its routers' deployments and sss.mailboxes",
      "sss.cutover.failing[3]: 'sales@contoso.example' is not a mailbox the cutover tests and enables: it enables the users and queues of 'crm' on Email Router or Forward Mailbox access, the forward mailboxes of its routers' deployments and sss.mailboxes",
    ]);
  });

  it('refuses an enabled mailbox sync keeps no record for: a user on Outlook access was enabled nowhere, silently', () => {
    const users = '[{ address: paul@contoso.example, incoming: email-router }, { address: anna@contoso.example }]';
    const enabled = (list: string) => sss(`, enabled: ${list}`);
    expect(problems({ users, sss: sss(', mailboxes: [{ address: crm@contoso.example }], enabled: [paul@contoso.example, crm@contoso.example]') })).toEqual([]);
    expect(problems({ users, sss: enabled('[paul@contoso.exmple, anna@contoso.example]') })).toEqual([
      "sss.enabled[0]: server-side sync has no mailbox record for 'paul@contoso.exmple' to enable (did you mean 'paul@contoso.example'?): it keeps records for the users and queues of 'crm' on Email Router or Forward Mailbox access (`incoming: email-router` or `forward-mailbox`, or `outgoing: email-router`; users default to `outlook`), the forward mailboxes of its routers' deployments and sss.mailboxes",
      "sss.enabled[1]: server-side sync has no mailbox record for 'anna@contoso.example' to enable: it keeps records for the users and queues of 'crm' on Email Router or Forward Mailbox access (`incoming: email-router` or `forward-mailbox`, or `outgoing: email-router`; users default to `outlook`), the forward mailboxes of its routers' deployments and sss.mailboxes",
    ]);
    // `all` is every record there is, none included.
    expect(problems({ users, sss: enabled('all') })).toEqual([]);
  });

  it('refuses a batch interval under a minute but over 0 (a bare number meant as hours), and takes 0 (all at the switch)', () => {
    const interval = (value: string) => problems({ sss: sss(`, cutover: { at: 1h, batchInterval: ${value} }`) });
    expect(interval('1')).toEqual([
      "sss.cutover.batchInterval: 1ms is under a minute, where a cutover's batches are minutes to hours apart (a bare number is milliseconds: write a unit, like 5h or 30m; 0 enables every batch at the switch)",
    ]);
    expect(interval('59s')).toHaveLength(1);
    expect(interval('0')).toEqual([]);
    expect(interval('0s')).toEqual([]);
    expect(interval('1m')).toEqual([]);
  });

  it('refuses a cutover after the horizon and its verbs aimed elsewhere', () => {
    expect(problems({ sss: sss(', cutover: { at: 5h }'), faults: '[{ at: 1m, verb: testAndEnable, target: crm }]' })).toEqual([
      'sss.cutover.at: the cutover must start before the horizon',
      "faults[0].target: 'testAndEnable' acts on the server-side sync service ('sss')",
    ]);
    // A target that is no actor at all is said once, with the nearest name, not also as the wrong kind of actor.
    expect(problems({ sss: sss(''), faults: '[{ at: 0s, verb: switchToServerSideSync, target: crm }, { at: 1m, verb: testAndEnable, target: ssss }]' })).toEqual([
      "faults[1].target: no actor named 'ssss' (did you mean 'sss'? known actors: ex1, fabrikam, crm, sss)",
    ]);
  });
});
