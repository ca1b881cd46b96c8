// The scenario's faults and operations as a class reads them: a caption per verb with the rules that explain what
// follows. Verbs without an entry read as `verb target`.
import type { ScenarioFault } from '../scenario/schema.js';
import type { DemoOperation, LaneId } from './demo-data.js';

type Caption = (target: string, fault: ScenarioFault) => string;

const CAPTIONS: Readonly<Record<string, readonly [Caption, readonly string[]]>> = {
  down: [(t) => `${t} goes down. Sending servers cannot connect, so they keep the mail in their queues and retry.`, ['X1']],
  up: [(t) => `${t} is back. Queued mail arrives in a burst as the senders retry.`, ['X1']],
  crash: [(t) => `${t} crashes: what it held in memory is gone, what it kept on disk survives.`, ['R8']],
  restart: [(t) => `${t} restarts from what it kept on disk.`, ['R8']],
  partition: [(t) => `${t} is cut off from its peers.`, []],
  heal: [(t) => `${t} can reach its peers again.`, []],
  stopInbound: [(t) => `Inbound mail flow to ${t} is stopped at the firewall.`, ['X4']],
  startInbound: [(t) => `Inbound mail flow to ${t} is open again.`, ['X4']],
  dismount: [(t, f) => `Database ${f.database ?? ''} on ${t} is dismounted.`, ['X3']],
  mount: [(t, f) => `Database ${f.database ?? ''} on ${t} is mounted again.`, ['X3']],
  backup: [(t, f) => `A backup of ${f.database ?? 'the database'} on ${t} is taken.`, ['X3', 'X5']],
  restore: [(t, f) => (f.replayLogs === true
    ? `${t} restores ${f.database ?? 'its database'} from backup and replays the logs: nothing is lost.`
    : `${t} restores ${f.database ?? 'its database'} from backup WITHOUT the logs: everything delivered after the backup is gone.`), ['X3']],
  failover: [(t) => `${t} fails over to its passive copy; Safety Net resubmits what the copy lacks.`, ['X2']],
  activateLaggedCopy: [(t) => `A lagged copy is activated on ${t}; Safety Net resubmits recent mail.`, ['X2']],
  resubmitSafetyNet: [(t) => `Safety Net on ${t} resubmits recent deliveries.`, ['X2']],
  recoverServer: [(t) => `${t} is rebuilt with Setup /m:RecoverServer.`, ['X4']],
  smtpFault: [(t, f) => `${t}'s SMTP listener starts answering ${f.dropReply === true ? 'without the 250 after DATA' : `${f.code ?? ''} at ${f.stage ?? 'a stage'}`}.`, ['X1']],
  clearSmtpFault: [(t) => `${t}'s SMTP listener is healthy again.`, ['X1']],
  removeInboxRules: [() => 'The inbox rules that copied mail to the forward mailbox are removed.', ['R2']],
  switchToServerSideSync: [() => 'Process Email Using is set to server-side sync: the router stops processing for this organisation.', ['R14']],
  testAndEnable: [(_, f) => `Test & Enable runs on ${mailboxesOf(f)}: they start to sync.`, ['S3']],
  setProcessEmailFrom: [() => 'Process Email From is set on the email server profile: mail received after it is processed.', ['S2a']],
  denyMailboxAccess: [(_, f) => `Sync loses access to ${mailboxesOf(f)}: transient errors, retried, then the mailbox is disabled.`, ['S4']],
  grantMailboxAccess: [(_, f) => `Sync may read ${mailboxesOf(f)} again.`, ['S4']],
  crmApiFault: [(_, f) => `CRM's web service starts failing (HTTP ${f.code ?? 503}).`, ['S4']],
  clearCrmApiFault: [() => 'CRM\'s web service answers normally again.', ['S4']],
  resetState: [(t) => `${t}'s SystemState.xml is reset: the ThresholdDate goes back to 0001-01-01 and the router reads everything again.`, ['R8']],
  corruptState: [(t) => `${t}'s SystemState.xml is corrupt ("Root element is missing"): the service will not start.`, ['R8']],
  deleteStateFile: [(t) => `${t}'s SystemState.xml is deleted so it can be regenerated.`, ['R8']],
  deleteTrackedEmail: [() => 'Someone deletes tracked email activities in CRM.', ['R8']],
  failActivityCreation: [() => 'A plug-in in CRM starts failing on incoming email.', ['S7']],
  clearActivityCreationFailure: [() => 'The failing plug-in is fixed.', ['S7']],
};

function mailboxesOf(fault: ScenarioFault): string {
  if (fault.mailboxes !== undefined) return fault.mailboxes.length <= 3 ? fault.mailboxes.join(', ') : `${fault.mailboxes.length} mailboxes`;
  return fault.mailbox ?? 'every mailbox';
}

export function demoOperation(fault: ScenarioFault, lane: LaneId | 'both'): DemoOperation {
  const target = fault.target ?? null;
  const entry = CAPTIONS[fault.verb];
  const caption = entry === undefined ? `${fault.verb}${target === null ? '' : ` ${target}`}.` : entry[0](target ?? '', fault);
  return { atMs: fault.at, lane, verb: fault.verb, target, caption, rules: entry?.[1] ?? [] };
}
