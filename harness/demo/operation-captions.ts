// The scenario's faults and operations as a class reads them: a caption per verb with the rules that explain what
// follows. Verbs without an entry read as `verb target`.
import type { ScenarioFault } from '../scenario/schema.js';
import type { DemoOperation, LaneId } from './demo-data.js';
import type { ActorKind } from '../world/build-world.js';

type Caption = (target: string, fault: ScenarioFault) => string;
type Entry = readonly [Caption, readonly string[]];

/** `down` and `up` mean something different for each kind of actor: what stops, and who notices. */
const DOWN_UP: Readonly<Record<ActorKind, { readonly down: Entry; readonly up: Entry }>> = {
  exchange: {
    down: [(t) => `${t} goes down. Sending servers cannot connect, so they keep the mail in their queues and retry.`, ['X1']],
    up: [(t) => `${t} is back. Queued mail arrives in a burst as the senders retry.`, ['X1']],
  },
  router: {
    down: [(t) => `The E-mail Router service (${t}) stops: no mailbox is read and no email sent until it starts again.`, ['R8']],
    up: [(t) => `The router service (${t}) starts again and reads on from each mailbox's ThresholdDate in SystemState.xml.`, ['R8']],
  },
  crm: {
    down: [(t) => `CRM (${t}) is down: whoever tracks mail cannot reach its web service and tries again later; the mail waits in the mailboxes.`, ['S4']],
    up: [(t) => `CRM (${t}) is back: the mail that waited is tracked at the next reads.`, ['S4']],
  },
  sss: {
    down: [(t) => `Server-side sync (${t}) stops: no cycles run until it is back.`, ['S5']],
    up: [(t) => `Server-side sync (${t}) runs its cycles again, each mailbox from its watermark.`, ['S5', 'S6']],
  },
  outlook: {
    down: [(t) => `${t} is closed: it tracks nothing until it is opened again.`, ['C1']],
    up: [(t) => `${t} is open again.`, ['C1']],
  },
  sender: {
    down: [(t) => `${t}'s mail servers go down: nothing more is sent from there for now.`, []],
    up: [(t) => `${t}'s mail servers are back and send what they queued.`, ['X1']],
  },
  toy: {
    down: [(t) => `${t} goes down.`, []],
    up: [(t) => `${t} is back.`, []],
  },
};

const CAPTIONS: Readonly<Record<string, Entry>> = {
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
  switchToServerSideSync: [() => 'Process Email Using is set to server-side sync: the router stops processing for this organisation.', ['R14']],
  testAndEnable: [(_, f) => `Test & Enable runs on ${mailboxesOf(f)}: they start to sync.`, ['S3']],
  setProcessEmailFrom: [() => 'Process Email From is set on the email server profile: mail received after it is processed.', ['S2a']],
  denyMailboxAccess: [(_, f) => `Sync loses access to ${mailboxesOf(f)}: transient errors, retried, then the mailbox is disabled.`, ['S4']],
  grantMailboxAccess: [(_, f) => `Sync may read ${mailboxesOf(f)} again.`, ['S4']],
  crmApiFault: [(_, f) => `CRM's web service starts failing (HTTP ${f.code ?? 503}).`, ['S4']],
  clearCrmApiFault: [() => 'CRM\'s web service answers normally again.', ['S4']],
  resetState: [(t) => `${t}'s SystemState.xml is reset: the ThresholdDate goes back to 0001-01-01 and the router reads everything again.`, ['R8']],
  corruptState: [(t) => `${t}'s SystemState.xml is corrupt ("Root element is missing"): the service will not start.`, ['R8']],
  backupState: [(t) => `A copy of ${t}'s SystemState.xml is kept off the box.`, ['X5']],
  restoreState: [(t) => `${t}'s SystemState.xml is restored from a backup: each ThresholdDate goes back to the backup's, and the router reads again what came since.`, ['X5', 'R8']],
  deleteStateFile: [(t) => `${t}'s SystemState.xml is deleted so it can be regenerated.`, ['R8']],
  deleteTrackedEmail: [() => 'Someone deletes tracked email activities in CRM.', ['R8']],
  failActivityCreation: [() => 'A plug-in in CRM starts failing on incoming email.', ['S7']],
  clearActivityCreationFailure: [() => 'The failing plug-in is fixed.', ['S7']],
};

function mailboxesOf(fault: ScenarioFault): string {
  if (fault.mailboxes !== undefined) return fault.mailboxes.length <= 3 ? fault.mailboxes.join(', ') : `${fault.mailboxes.length} mailboxes`;
  return fault.mailbox ?? 'every mailbox';
}

/** What a caption needs to know of the lesson's world. */
export interface CaptionContext {
  /** What the fault's target is (harness/world/build-world.ts worldActorKinds). */
  kindOf(target: string): ActorKind | undefined;
  /** Whether an inbox rule copies this mailbox's mail on (R1): a cutover's batch names users without one too. */
  hasInboxRule(mailbox: string): boolean;
}

/** Removing the rules of a batch: only those who had one lose anything; users on Email Router access never did (R4). */
function removeInboxRules(fault: ScenarioFault, context: CaptionContext): string {
  if (fault.mailbox === undefined && fault.mailboxes === undefined) return 'The inbox rules that copied everyone\'s mail to the forward mailbox are removed.';
  const named = fault.mailboxes ?? (fault.mailbox === undefined ? [] : [fault.mailbox]);
  const owners = named.filter((m) => context.hasInboxRule(m));
  if (owners.length === 0) return `No inbox rule to remove in this batch: the router read ${named.length === 1 ? 'this user\'s' : 'these users\''} own Inbox (R4).`;
  return `The inbox rules that copied the mail of ${mailboxesOf({ ...fault, mailbox: undefined, mailboxes: owners })} to the forward mailbox are removed.`;
}

export function demoOperation(fault: ScenarioFault, lane: LaneId | 'both', context: CaptionContext): DemoOperation {
  const target = fault.target ?? null;
  const kind = target === null ? undefined : context.kindOf(target);
  const entry: Entry | undefined = fault.verb === 'removeInboxRules' ? [(_, f) => removeInboxRules(f, context), ['R2']]
    : (fault.verb === 'down' || fault.verb === 'up') && kind !== undefined ? DOWN_UP[kind][fault.verb] : CAPTIONS[fault.verb];
  const caption = entry === undefined ? `${fault.verb}${target === null ? '' : ` ${target}`}.` : entry[0](target ?? '', fault);
  return { atMs: fault.at, lane, verb: fault.verb, target, caption, rules: entry?.[1] ?? [] };
}

/**
 * An alert server-side sync raised (S4: a mailbox disabled after its errors, or a Test & Enable that failed; S2: most
 * of a profile's mailboxes failing), as the lane's own operation: a class sees the moment sync gives up on a
 * mailbox, which otherwise shows only as mail that stops being tracked.
 */
export function alertOperation(alert: { atMs: number; actor: string; text: string }, lane: LaneId): DemoOperation {
  const disabled = /^mailbox (\S+): disabled: (.*)$/.exec(alert.text);
  const testFailed = /^mailbox (\S+): Test & Enable failed: (.*)$/.exec(alert.text);
  const profile = /^profile (\S+): (.*)$/.exec(alert.text);
  const [caption, rules] = disabled !== null
    ? [`Sync disables ${disabled[1]} (${disabled[2]}) and raises an alert: nothing more is read from it until Test & Enable runs again.`, ['S4', 'S3']]
    : testFailed !== null ? [`Test & Enable of ${testFailed[1]} fails (${testFailed[2]}): the mailbox stays disabled, and an alert is raised.`, ['S3', 'S4']]
    : profile !== null ? [`The email server profile ${profile[1]} alerts its owner: ${profile[2]}.`, ['S2']]
    : [`Sync raises an alert: ${alert.text}.`, ['S4']];
  return { atMs: alert.atMs, lane, verb: 'alert', target: alert.actor, caption, rules };
}