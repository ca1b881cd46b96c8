// Which settings each fault verb reads, and the mailboxes a fault names: a setting the verb does not read (`database`
// on an smtpFault) or a misspelt mailbox (`ana@` for `anna@`) used to run as if the incident never happened, because
// the verb ignored the one and found nothing to act on for the other. Both are refused at the field.
import type { ConsistencyProblem } from './check-consistency.js';
import { crmOrganisations } from './crm-organisations.js';
import { didYouMean } from './closest-name.js';
import type { Scenario, ScenarioFault } from './schema.js';

type FaultField = Exclude<keyof ScenarioFault, 'at' | 'verb' | 'target'>;

/** The settings each verb reads, beside `at`, `verb` and `target` (the handlers in fakes/ and sim/core/fault.ts). */
const FAULT_FIELDS: Readonly<Record<string, readonly FaultField[]>> = {
  crash: [], restart: [], down: [], up: [], partition: ['peers'], heal: ['peers'],
  stopInbound: [], startInbound: [], dismount: ['database'], mount: ['database'], backup: ['database'],
  restore: ['database', 'backupAt', 'replayLogs'], failover: ['lag'], activateLaggedCopy: ['database', 'lag'],
  resubmitSafetyNet: ['database', 'since'], recoverServer: [], smtpFault: ['stage', 'code', 'dropReply'], clearSmtpFault: [],
  removeInboxRules: ['mailbox', 'mailboxes'], exchangeItem: ['mailbox', 'action', 'item'],
  otherOrgTestAndEnable: ['mailbox', 'mailboxes', 'organisation'],
  crmApiFault: ['code'], clearCrmApiFault: [], goOffline: [], goOnline: [], switchToServerSideSync: [],
  deleteTrackedEmail: ['mailbox'], failActivityCreation: ['mailbox'], clearActivityCreationFailure: [], crmRecord: ['action', 'item'],
  corruptState: [], deleteStateFile: [], resetState: [], backupState: [], restoreState: ['backupAt'],
  testAndEnable: ['mailbox', 'mailboxes', 'thisOrgOnly'], setProcessEmailFrom: ['processEmailFrom', 'profile'],
  denyMailboxAccess: ['mailbox', 'mailboxes'], grantMailboxAccess: ['mailbox', 'mailboxes'],
};

/** The verbs whose mailboxes are server-side sync's mailbox records (S1): a CRM user or queue, or a forward mailbox. */
const SSS_MAILBOX_VERBS = new Set(['testAndEnable', 'denyMailboxAccess', 'grantMailboxAccess']);
/** The verbs whose mailbox is a CRM user's or queue's (an activity's owner, a receiving mailbox). */
const CRM_MAILBOX_VERBS = new Set(['deleteTrackedEmail', 'failActivityCreation']);
/** check-act.ts checks these verbs' mailboxes against the target server. */
const CHECKED_ELSEWHERE = new Set(['exchangeItem', 'otherOrgTestAndEnable']);

export function fieldsOf(verb: string): readonly FaultField[] {
  return FAULT_FIELDS[verb] ?? [];
}

export function checkFaultFields(scenario: Scenario): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const exchangeMailboxes = scenario.exchange?.mailboxes ?? [];
  const forward = new Set(exchangeMailboxes.filter((m) => m.kind === 'forward').map((m) => m.address));
  const crmMailboxes = new Set(crmOrganisations(scenario).flatMap(({ section }) => [...section.users, ...section.queues].map((m) => m.address)));
  const known = (verb: string): { addresses: ReadonlySet<string>; what: string } =>
    SSS_MAILBOX_VERBS.has(verb) ? { addresses: new Set([...crmMailboxes, ...forward]), what: 'a CRM user or queue, or a forward mailbox' }
      : CRM_MAILBOX_VERBS.has(verb) ? { addresses: crmMailboxes, what: 'a CRM user or queue' }
        : { addresses: new Set(exchangeMailboxes.map((m) => m.address)), what: 'an Exchange mailbox' };
  scenario.faults.forEach((fault, i) => {
    const takes = fieldsOf(fault.verb);
    for (const field of Object.keys(fault) as Array<keyof ScenarioFault>) {
      if (field === 'at' || field === 'verb' || field === 'target' || fault[field] === undefined || (takes as readonly string[]).includes(field)) continue;
      problems.push({ path: ['faults', i, field], message: `'${fault.verb}' does not read ${field} (${takes.length === 0 ? 'it takes only at and target' : `it takes ${takes.join(', ')}`})` });
    }
    if (fault.mailbox !== undefined && fault.mailboxes !== undefined && takes.includes('mailboxes')) {
      problems.push({ path: ['faults', i, 'mailbox'], message: 'give mailbox (one) or mailboxes (a list), not both: the list would win' });
    }
    if (CHECKED_ELSEWHERE.has(fault.verb) || !takes.includes('mailbox')) return;
    const { addresses, what } = known(fault.verb);
    const named: Array<[PropertyKey[], string]> = [
      ...(fault.mailbox === undefined ? [] : [[['mailbox'], fault.mailbox] as [PropertyKey[], string]]),
      ...(fault.mailboxes ?? []).map((m, j): [PropertyKey[], string] => [['mailboxes', j], m]),
    ];
    for (const [path, address] of named) {
      if (!addresses.has(address)) problems.push({ path: ['faults', i, ...path] as Array<string | number>, message: `'${address}' is not ${what}${didYouMean(address, addresses)}` });
    }
  });
  return problems;
}
