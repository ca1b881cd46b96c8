// Which settings each fault verb reads, and the mailboxes a fault names: a setting the verb does not read (`database`
// on an smtpFault) or a misspelt mailbox (`ana@` for `anna@`) used to run as if the incident never happened, because
// the verb ignored the one and found nothing to act on for the other. Both are refused at the field.
import type { ConsistencyProblem } from './check-consistency.js';
import { crmOrganisations } from './crm-organisations.js';
import { didYouMean } from './closest-name.js';
import { formatDurationMs } from './duration.js';
import type { Scenario, ScenarioFault } from './schema.js';

type FaultField = Exclude<keyof ScenarioFault, 'at' | 'verb' | 'target'>;

/** The settings each verb reads, beside `at`, `verb` and `target` (the handlers in fakes/ and sim/core/fault.ts). */
export const FAULT_FIELDS: Readonly<Record<string, readonly FaultField[]>> = {
  crash: [], restart: [], down: [], up: [], partition: ['peers'], heal: ['peers'],
  stopInbound: [], startInbound: [], dismount: ['database'], mount: ['database'], backup: ['database'],
  restore: ['database', 'backupAt', 'replayLogs'], failover: ['lag'], activateLaggedCopy: ['database', 'lag'],
  resubmitSafetyNet: ['database', 'since'], recoverServer: [], smtpFault: ['stage', 'code', 'dropReply'], clearSmtpFault: [],
  removeInboxRules: ['mailbox', 'mailboxes'], exchangeItem: ['mailbox', 'action', 'item'],
  otherOrgTestAndEnable: ['mailbox', 'mailboxes', 'organisation'],
  crmApiFault: ['code'], clearCrmApiFault: [], goOffline: [], goOnline: [], switchToServerSideSync: [],
  deleteTrackedEmail: ['mailbox'], failActivityCreation: ['mailbox'], clearActivityCreationFailure: [], crmRecord: ['action', 'item'],
  corruptState: [], deleteStateFile: [], resetState: [], backupState: [], restoreState: ['backupAt'],
  testAndEnable: ['mailbox', 'mailboxes', 'thisOrgOnly', 'onlyDisabled'], setProcessEmailFrom: ['processEmailFrom', 'profile'],
  denyMailboxAccess: ['mailbox', 'mailboxes'], grantMailboxAccess: ['mailbox', 'mailboxes'],
};

/** The verbs whose mailboxes are server-side sync's mailbox records (S1): a CRM user or queue, or a forward mailbox. */
const SSS_MAILBOX_VERBS = new Set(['testAndEnable', 'denyMailboxAccess', 'grantMailboxAccess']);
/**
 * The verbs whose mailbox is one of the target organisation's: `deleteTrackedEmail` deletes a user's or queue's
 * activities (their owner); `failActivityCreation` fails the mail read from a mailbox, which for Forward Mailbox users
 * is the forward mailbox (S7).
 */
const CRM_MAILBOX_VERBS: ReadonlyMap<string, { readonly forward: boolean }> = new Map([
  ['deleteTrackedEmail', { forward: false }], ['failActivityCreation', { forward: true }],
]);
/** check-act.ts checks these verbs' mailboxes against the target server. */
const CHECKED_ELSEWHERE = new Set(['exchangeItem', 'otherOrgTestAndEnable']);

export function fieldsOf(verb: string): readonly FaultField[] {
  return FAULT_FIELDS[verb] ?? [];
}

export function checkFaultFields(scenario: Scenario): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const exchangeMailboxes = scenario.exchange?.mailboxes ?? [];
  const forward = new Set(exchangeMailboxes.filter((m) => m.kind === 'forward').map((m) => m.address));
  const orgs = crmOrganisations(scenario);
  // Without server-side sync, a Forward Mailbox user's mail is only ever read from the forward mailbox (with sync, it
  // may read her own mailbox after her batch, and send her address).
  const viaForwardMailbox = scenario.sss !== undefined ? new Set<string>() : new Set(orgs.flatMap(({ section }) => [...section.users, ...section.queues].filter((m) => m.incoming === 'forward-mailbox').map((m) => m.address)));
  const crmMailboxes = new Set(orgs.flatMap(({ section }) => [...section.users, ...section.queues].map((m) => m.address)));
  const ofOrganisation = (server: string | undefined) => new Set(orgs.filter(({ section }) => section.server === server)
    .flatMap(({ section }) => [...section.users, ...section.queues].map((m) => m.address)));
  const known = (fault: ScenarioFault): { addresses: ReadonlySet<string>; what: string } => {
    if (SSS_MAILBOX_VERBS.has(fault.verb)) return { addresses: new Set([...crmMailboxes, ...forward]), what: 'a CRM user or queue, or a forward mailbox' };
    const crm = CRM_MAILBOX_VERBS.get(fault.verb);
    if (crm === undefined) return { addresses: new Set(exchangeMailboxes.map((m) => m.address)), what: 'an Exchange mailbox' };
    // A user of another organisation: the verb would find nothing of hers in this one.
    const own = ofOrganisation(fault.target);
    const where = orgs.length > 1 ? ` of organisation '${fault.target ?? ''}'` : '';
    return crm.forward
      ? { addresses: new Set([...own, ...forward]), what: `a CRM user or queue${where}, or a forward mailbox` }
      : { addresses: own, what: `a CRM user or queue${where}` };
  };
  scenario.faults.forEach((fault, i) => {
    const takes = fieldsOf(fault.verb);
    for (const field of Object.keys(fault) as Array<keyof ScenarioFault>) {
      if (field === 'at' || field === 'verb' || field === 'target' || fault[field] === undefined || (takes as readonly string[]).includes(field)) continue;
      problems.push({ path: ['faults', i, field], message: `'${fault.verb}' does not read ${field} (${takes.length === 0 ? 'it takes only at and target' : `it takes ${takes.join(', ')}`})` });
    }
    problems.push(...backupProblems(scenario.faults, i));
    if (fault.mailbox !== undefined && fault.mailboxes !== undefined && takes.includes('mailboxes')) {
      problems.push({ path: ['faults', i, 'mailbox'], message: 'give mailbox (one) or mailboxes (a list), not both: the list would win' });
    }
    if (CHECKED_ELSEWHERE.has(fault.verb) || !takes.includes('mailbox')) return;
    // A CRM verb aimed at no organisation: its target is refused already, and its mailbox cannot be judged.
    if (CRM_MAILBOX_VERBS.has(fault.verb) && !orgs.some(({ section }) => section.server === fault.target)) return;
    const { addresses, what } = known(fault);
    const named: Array<[PropertyKey[], string]> = [
      ...(fault.mailbox === undefined ? [] : [[['mailbox'], fault.mailbox] as [PropertyKey[], string]]),
      ...(fault.mailboxes ?? []).map((m, j): [PropertyKey[], string] => [['mailboxes', j], m]),
    ];
    for (const [path, address] of named) {
      const at = ['faults', i, ...path] as Array<string | number>;
      if (!addresses.has(address)) problems.push({ path: at, message: `'${address}' is not ${what}${didYouMean(address, addresses)}` });
      else if (fault.verb === 'failActivityCreation' && viaForwardMailbox.has(address)) {
        // The plug-in fails mail by the mailbox it was read from: a Forward Mailbox user's is the forward mailbox (R2, S7).
        problems.push({ path: at, message: `'${address}' is on Forward Mailbox access: that mail is read from the forward mailbox (${[...forward].join(', ')}), the mailbox to name` });
      }
    }
  });
  return problems;
}

/**
 * The backup each restore verb restores from, and the verb that takes it (X3 databases, X5 the router's file). A
 * restore of a database still mounted is an operation the model carries out as Exchange does, refusing it with a
 * `restore-refused` note (an operator's slip worth showing); a restore from no backup at all is the scenario's slip.
 */
const BACKUP_OF: Readonly<Record<string, string>> = { restore: 'backup', restoreState: 'backupState' };

/**
 * A restore from a backup that does not exist yet (`backupAt` after the restore), or from one never taken, would leave
 * only a trace note: the run would pass as if the restore had been tried. Said at the field instead. A restore with
 * log replay needs no backup of its own (X3).
 */
function backupProblems(faults: readonly ScenarioFault[], i: number): Array<{ path: Array<string | number>; message: string }> {
  const fault = faults[i] as ScenarioFault;
  const backupVerb = BACKUP_OF[fault.verb];
  if (backupVerb === undefined || (fault.verb === 'restore' && fault.replayLogs === true)) return [];
  if (fault.backupAt !== undefined && fault.backupAt > fault.at) {
    return [{ path: ['faults', i, 'backupAt'], message: `${formatDurationMs(fault.backupAt)} is after the restore itself (${formatDurationMs(fault.at)}): backupAt names a backup already taken` }];
  }
  const limit = fault.backupAt ?? fault.at;
  // Faults of one instant apply in the order listed: a backup listed after the restore comes too late.
  const taken = faults.some((b, j) => b.verb === backupVerb && b.target === fault.target && b.database === fault.database
    && b.at <= limit && (b.at < fault.at || j < i));
  if (taken) return [];
  const of = fault.database === undefined ? `'${fault.target ?? ''}'` : `'${fault.database}' on '${fault.target ?? ''}'`;
  const instead = fault.verb === 'restore' ? ' (or replayLogs: true, which needs none)' : '';
  return [{ path: ['faults', i], message: `no ${backupVerb} of ${of} at or before ${formatDurationMs(limit)}: the restore would find none and change nothing${instead}` }];
}
