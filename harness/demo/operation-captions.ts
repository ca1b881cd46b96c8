// The scenario's faults and operations as a class reads them: a caption per verb with the rules that explain what
// follows. Verbs without an entry read as `verb target`.
import type { ScenarioFault } from '../scenario/schema.js';
import type { DemoOperation, LaneId } from './demo-data.js';
import type { ActorKind } from '../world/build-world.js';
import { formatDurationMs } from '../scenario/duration.js';

type Caption = (target: string, fault: ScenarioFault) => string;
type Entry = readonly [Caption, readonly string[]];
/** A caption that depends on the lane: who reads mail there, what a Test & Enable came to. */
type LaneEntry = (target: string, fault: ScenarioFault, where: Where) => readonly [string, readonly string[]];

interface Where {
  readonly lane: LaneId | 'both';
  readonly context: CaptionContext;
  /** Who reads mail for CRM in the lane (both lanes' together for an operation shown once for both). */
  readonly readers: LaneReaders;
}

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
  // Only Outlook clients track mail here (no router, no sync); crmDownUp says it for the lanes that have them.
  crm: {
    down: [(t) => `CRM (${t}) is down: whoever tracks mail cannot reach its web service and tries again later; the mail waits in the mailboxes.`, []],
    up: [(t) => `CRM (${t}) is back: the mail that waited is tracked at the next tries.`, []],
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
  setProcessEmailFrom: [(_, f) => `Process Email From is set on the email server profile${typeof f.processEmailFrom === 'number' && f.processEmailFrom < f.at ? `, ${formatDurationMs(f.at - f.processEmailFrom)} back` : ''}: mail received after it is processed.`, ['S2a']],
  resetState: [(t) => `${t}'s SystemState.xml is reset: the ThresholdDate goes back to 0001-01-01 and the router reads everything again.`, ['R8']],
  corruptState: [(t) => `${t}'s SystemState.xml is corrupt ("Root element is missing"): the service will not start.`, ['R8']],
  backupState: [(t) => `A copy of ${t}'s SystemState.xml is kept off the box.`, ['X5']],
  restoreState: [(t) => `${t}'s SystemState.xml is restored from a backup: each ThresholdDate goes back to the backup's, and the router reads again what came since.`, ['X5', 'R8']],
  deleteStateFile: [(t) => `${t}'s SystemState.xml is deleted so it can be regenerated.`, ['R8']],
  deleteTrackedEmail: [() => 'Someone deletes tracked email activities in CRM.', ['R8']],
  failActivityCreation: [() => 'A plug-in in CRM starts failing on incoming email.', ['S7']],
  clearActivityCreationFailure: [() => 'The failing plug-in is fixed.', ['S7']],
};

/** Operations whose caption depends on the lane. */
const LANE_CAPTIONS: Readonly<Record<string, LaneEntry>> = {
  // R14: in a lane with no router there is nothing to stop.
  switchToServerSideSync: (_t, _f, { readers }) => (readers.router
    ? ['Process Email Using is set to server-side sync: the router stops processing for this organisation.', ['R14']]
    : ['Process Email Using is set to server-side sync: CRM reads the mailboxes itself; no E-mail Router is involved in this lane.', ['R14']]),
  testAndEnable: (_t, fault, where) => testAndEnableCaption(fault, where),
  // S4: a 401 is permanent: no retries, the mailbox is disabled at the first read that meets it.
  denyMailboxAccess: (_t, fault) => [`The service account loses access to ${mailboxesOf(fault)} (401 Unauthorized): a permanent error, so sync disables ${several(fault) ? 'each mailbox' : 'the mailbox'} at once, at its next cycle or Test & Enable, without retrying.`, ['S4']],
  grantMailboxAccess: (_t, fault) => [`Sync may read ${mailboxesOf(fault)} again; a mailbox it disabled stays disabled until Test & Enable runs.`, ['S4', 'S3']],
  crmApiFault: (_t, fault, { readers, context }) => {
    const code = Number(fault.code ?? 503);
    const failing = `CRM's web service starts failing (HTTP ${code})`;
    const router = 'the router ends each cycle at the error and tries again at the next';
    const retries = context.transientRetries?.() ?? 10;
    const sync = code === 401 ? 'a permanent error for sync, which disables each mailbox at its next cycle'
      : `each sync cycle fails: a transient error, retried, and the ${ordinal(retries + 1)} in a row disables the mailbox`;
    if (readers.router && readers.sss) return [`${failing}: ${router}; ${sync}.`, ['R8', 'S4']];
    if (readers.sss) return [`${failing}: ${sync}.`, ['S4']];
    if (readers.router) return [`${failing}: ${router}.`, ['R8']];
    return [`${failing}.`, []];
  },
  clearCrmApiFault: (_t, _f, { readers }) => ['CRM\'s web service answers normally again.', readers.sss ? ['S4'] : []],
};

/** `down` and `up` of CRM: the router cannot reach it and retries; sync runs inside CRM and stops with it. */
function crmDownUp(verb: 'down' | 'up', t: string, readers: LaneReaders): readonly [string, readonly string[]] | null {
  const { router, sss } = readers;
  if (!router && !sss) return null;
  if (verb === 'down') {
    const r = 'the router cannot reach its web service and tries again at its next cycles, from its ThresholdDate';
    const s = 'server-side sync runs inside CRM and stops with it: no cycle runs';
    const text = router && sss ? `${r} (R8); ${s} (S5)` : router ? r : s;
    return [`CRM (${t}) is down: ${text}. The mail waits in the mailboxes.`, router && sss ? ['R8', 'S5'] : router ? ['R8'] : ['S5']];
  }
  const r = 'the router\'s next cycles hand over the mail that waited';
  const s = 'server-side sync runs again, each mailbox\'s next cycle reading on from its watermark';
  const text = router && sss ? `${r} (R8); ${s} (S5, S6)` : router ? r : s;
  return [`CRM (${t}) is back: ${text}.`, router && sss ? ['R8', 'S5', 'S6'] : router ? ['R8'] : ['S5', 'S6']];
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** What a Test & Enable covers, whom it enabled and who failed, and why (from the run: its alerts, S3). */
function testAndEnableCaption(fault: ScenarioFault, { lane, context }: Where): readonly [string, readonly string[]] {
  const named = fault.mailboxes ?? (fault.mailbox === undefined ? null : [fault.mailbox]);
  const outcome = context.testOutcome?.(lane, fault.at, named) ?? null;
  const failed = outcome?.failed ?? [];
  const failedAddresses = new Set(failed.map((f) => f.address));
  let scope: string;
  /** Those it enabled, by name; null: not known by name (every mailbox but those that failed). */
  let enabled: readonly string[] | null;
  if (fault.onlyDisabled === true) {
    // S3, S4: CRM's view of mailboxes with errors: only those sync disabled are tested again.
    const of = named === null ? 'the mailboxes sync has disabled' : `the mailboxes sync has disabled among ${list(named)}`;
    if (outcome === null) {
      scope = `again on ${of}`;
      enabled = null;
    } else {
      const retested = [...outcome.enabledAgain, ...failed.map((f) => f.address)];
      if (retested.length === 0) return [`Test & Enable runs again on ${of}: none is disabled, so nothing is tested.`, ['S3']];
      scope = `again on ${of}, ${list(retested)}`;
      enabled = outcome.enabledAgain;
    }
  } else {
    scope = `on ${named === null ? 'every mailbox' : list(named)}`;
    enabled = named === null ? null : named.filter((m) => !failedAddresses.has(m));
  }
  const one = enabled !== null ? enabled.length === 1 : false;
  // S2a: without a Process Email From on the profile, a mailbox is read back to when it was first enabled. [I]
  const from = context.processEmailFromSet?.(lane, fault.at) === false ? 'from when it was first enabled (no Process Email From is set)' : 'from Process Email From';
  // Not known by name (every mailbox): "the others" may be none, when all of them fail (an outage's).
  const who = failed.length === 0 ? (one ? 'it is' : 'each is') : enabled === null ? 'any others are' : `${list(enabled)} ${one ? 'is' : 'are'}`;
  const result = enabled !== null && enabled.length === 0 ? 'none is enabled.'
    : `${who} enabled and ${one ? 'its' : 'each'} watermark reset: sync reads ${one ? 'its' : 'each'} root Inbox again ${from}.`;
  const failures = failed.length === 0 ? ''
    : failed.length === 1 ? ` ${failed[0]?.address ?? ''} fails (${failed[0]?.why ?? ''}) and stays disabled.`
    : failed.length <= 3 ? ` ${failed.map((f) => `${f.address} fails (${f.why})`).join('; ')}: they stay disabled.`
    : ` ${failed.length} mailboxes fail (${failed[0]?.why ?? ''}, ...) and stay disabled.`;
  return [`Test & Enable runs ${scope}: ${result}${failures}`, failed.length === 0 ? ['S3', 'S2a'] : ['S3', 'S2a', 'S4']];
}

function several(fault: ScenarioFault): boolean {
  return fault.mailboxes === undefined ? fault.mailbox === undefined : fault.mailboxes.length > 1;
}

function list(addresses: readonly string[]): string {
  if (addresses.length > 3) return `${addresses.length} mailboxes`;
  return addresses.length <= 1 ? addresses.join('') : `${addresses.slice(0, -1).join(', ')} and ${addresses[addresses.length - 1] ?? ''}`;
}

function mailboxesOf(fault: ScenarioFault): string {
  if (fault.mailboxes !== undefined) return fault.mailboxes.length <= 3 ? fault.mailboxes.join(', ') : `${fault.mailboxes.length} mailboxes`;
  return fault.mailbox ?? 'every mailbox';
}

/** Who reads mail for CRM in a lane: the router, server-side sync, or both (a lane that cuts over). */
export interface LaneReaders {
  readonly router: boolean;
  readonly sss: boolean;
}

/** What a Test & Enable came to in a lane's run: the disabled mailboxes it enabled again, and those that failed with why (S3). */
export interface TestOutcome {
  readonly enabledAgain: readonly string[];
  readonly failed: ReadonlyArray<{ readonly address: string; readonly why: string }>;
}

/** What a caption needs to know of the lesson's world. */
export interface CaptionContext {
  /** What the fault's target is (harness/world/build-world.ts worldActorKinds). */
  kindOf(target: string): ActorKind | undefined;
  /** Whether an inbox rule copies this mailbox's mail on (R1): a cutover's batch names users without one too. */
  hasInboxRule(mailbox: string): boolean;
  /** Who reads mail in the lane at that instant; for `both`, in either lane. Default: both the router and sync. */
  readers?(lane: LaneId | 'both', atMs: number): LaneReaders;
  /**
   * What the Test & Enable at `atMs` in the lane came to (of the `named` mailboxes, or all), from the run: the
   * mailboxes it enabled and those whose test failed. Absent or null: unknown, and the caption does not guess.
   */
  testOutcome?(lane: LaneId | 'both', atMs: number, named: readonly string[] | null): TestOutcome | null;
  /** Whether sync's email server profile has a Process Email From at that instant (S2a); absent: unknown. */
  processEmailFromSet?(lane: LaneId | 'both', atMs: number): boolean;
  /** Server-side sync's `transientRetries` (S4; 10 by default). */
  transientRetries?(): number;
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
  const where: Where = { lane, context, readers: context.readers?.(lane, fault.at) ?? { router: true, sss: true } };
  const upDown = fault.verb === 'down' || fault.verb === 'up' ? fault.verb : null;
  const laneEntry = LANE_CAPTIONS[fault.verb];
  const said = upDown !== null && kind === 'crm' ? crmDownUp(upDown, target ?? '', where.readers)
    : laneEntry !== undefined && upDown === null ? laneEntry(target ?? '', fault, where) : null;
  if (said !== null) return { atMs: fault.at, lane, verb: fault.verb, target, caption: said[0], rules: said[1] };
  const entry: Entry | undefined = fault.verb === 'removeInboxRules' ? [(_, f) => removeInboxRules(f, context), ['R2']]
    : upDown !== null && kind !== undefined ? DOWN_UP[kind][upDown] : CAPTIONS[fault.verb];
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