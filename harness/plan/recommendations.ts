// Concrete advice from a plan's figures: which batches lose mail and why, and which lever of the plan would have
// saved it (a faster schedule, an earlier Process Email From, retrying failed Test & Enable, removing forward rules).
// Each line cites the rule that makes it so, and the numbers come from this run.
import { formatDurationMs } from '../scenario/duration.js';
import { counted } from '../../sim/check/counted.js';
import type { Plan } from './plan-schema.js';
import type { BatchFigures, PlanCounts } from './plan-metrics.js';
import type { DisabledMailbox } from '../../fakes/sss/sss-world.js';
import { withHalvedInterval } from './what-if.js';
import { groupDisabledMailboxes } from '../run/disabled-mailboxes.js';
import { batchesSaid, unreadMailboxesSaid, type UnreadMailboxes } from './unread-first.js';

const TOP_BATCHES = 3;

/** What a --what-if variant's run left untracked against the plan's; null when it was not run. */
export type VariantRun = 'fewer' | 'as-many' | 'more' | null;

/** A large share of the untracked mail, for the advice to name where it is. */
const LARGE_SHARE = 0.5;

export interface AdviceInputs {
  readonly plan: Plan;
  readonly counts: PlanCounts;
  readonly batches: readonly BatchFigures[];
  readonly durationMs: number;
  /**
   * How long the cutover would take with the batch interval halved (its schedule, retries included), or null when
   * the plan has no interval to halve.
   */
  readonly halvedDurationMs: number | null;
  /** The mailboxes sync had disabled when the run ended (S3, S4), other than the plan's drawn failures. */
  readonly disabled?: readonly DisabledMailbox[];
  /** How many of the drawn failures were still disabled when the run ended (their retry failed too, or none came). */
  readonly failingDisabledAtEnd?: number;
  /**
   * What --what-if's run of the halved interval left untracked against the plan's: `more` happens when faults during
   * the cutover reach more mailboxes enabled early; null when it was not run.
   */
  readonly halvedRun?: VariantRun;
  /**
   * The mailboxes nobody reads between the switch and their batch (R14) that `order: unread-first` would enable
   * sooner, with their filed mail (S6); null when it would enable none sooner.
   */
  readonly unread?: UnreadMailboxes | null;
  /** What --what-if's run of `order: unread-first` left untracked against the plan's; null when it was not run. */
  readonly unreadFirstRun?: VariantRun;
}

export function recommendationsFor(inputs: AdviceInputs): string[] {
  const { plan, counts, batches, durationMs, halvedDurationMs, disabled: disabledMailboxes = [], halvedRun = null, failingDisabledAtEnd = 0, unread = null, unreadFirstRun = null } = inputs;
  const out: string[] = [];
  const reason = (name: string) => counts.untrackedByReason[name] ?? 0;
  const filed = reason('not-in-root-inbox');
  if (filed > 0) {
    const worst = [...batches].filter((b) => (b.untrackedByReason['not-in-root-inbox'] ?? 0) > 0)
      .sort((a, b) => (b.untrackedByReason['not-in-root-inbox'] ?? 0) - (a.untrackedByReason['not-in-root-inbox'] ?? 0) || a.batch - b.batch)
      .slice(0, TOP_BATCHES);
    const list = worst.map((b) => `batch ${b.batch} (${b.untrackedByReason['not-in-root-inbox'] ?? 0}, enabled ${formatDurationMs(b.enabledAtMs - plan.cutover.switchAt)} after the switch)`).join(', ');
    const halvedMs = withHalvedInterval(plan)?.cutover.batchInterval ?? null;
    const lever = halvedDurationMs === null || halvedMs === null
      ? 'Enable mailboxes before their users file: each waits for its first cycle (S5).'
      : halvedRun === 'more'
        ? `A shorter batch interval is no remedy here: --what-if's run of it leaves more untracked (below)${plan.faults.length > 0 ? ', as the plan\'s faults reach more mailboxes enabled early' : ''}. Enable mailboxes before their users file.`
      : halvedRun === 'as-many'
        ? 'A shorter batch interval would leave as many untracked here (--what-if, below). Enable mailboxes before their users file.'
      : `${laterBatchesLoseMore(batches) ? 'Later batches lose more: a' : 'A'} shorter batch interval (${formatDurationMs(halvedMs)} instead of ${formatDurationMs(plan.cutover.batchInterval)}) would finish in ${formatDurationMs(halvedDurationMs)} instead of ${formatDurationMs(durationMs)}, or enable mailboxes before their users file.${halvedRun === null && plan.faults.length > 0 ? ' With faults in the plan a faster schedule can lose more (more mailboxes enabled into them): --what-if runs it.' : ''}`;
    out.push(`${counted(filed, 'message was', 'messages were')} filed out of the Inbox before their mailbox's first cycle and ${filed === 1 ? 'is' : 'are'} never tracked (S6); most in ${list}. ${lever}`);
    if (unread !== null && unread.filed > 0 && unread.filed >= LARGE_SHARE * counts.untracked) out.push(unreadAdvice(unread, counts.untracked, plan.cutover.batchInterval, unreadFirstRun));
  }
  const behind = reason('behind-watermark');
  if (behind > 0) {
    out.push(`${counted(behind, 'message came', 'messages came')} back to the Inbox behind their mailbox's watermark (moved back after later mail was processed, or put back by a restore) and ${behind === 1 ? 'is' : 'are'} never tracked (S6): Test & Enable of those mailboxes (S3) pulls them again, as long as Process Email From is before their received time (S2a).`);
  }
  const beforePef = reason('before-process-email-from');
  if (beforePef > 0) {
    out.push(`${counted(beforePef, 'message arrived', 'messages arrived')} before Process Email From and the router had not tracked them (S2a): an earlier Process Email From (a larger \`before\`, or an instant before the oldest mail still waiting) would let server-side sync pull them.`);
  }
  const disabled = reason('mailbox-disabled');
  const failed = batches.reduce((n, b) => n + b.failedTestAndEnable, 0);
  if (failed > 0) {
    const retry = plan.cutover.testAndEnable.retryAfter;
    out.push(`${counted(failed, 'mailbox', 'mailboxes')} failed Test & Enable (S4: no access for the service account); `
      + (retry === undefined ? 'nothing retries them: fix their access and test them again (`testAndEnable.retryAfter`).'
        // Whether the retry worked is what their own mailboxes say at the end: mailbox-disabled mail in all may be a
        // fault's (an outage), not theirs. Retried, their mail waits for it and is pulled then; what was filed meanwhile
        // is lost (S6).
        : failingDisabledAtEnd > 0
          ? `they are retried ${formatDurationMs(retry)} after their batch, yet ${counted(failingDisabledAtEnd, 'is', 'are')} still disabled at the end (the retry met a fault): test them again once it is over.`
          : `they are retried ${formatDurationMs(retry)} after their batch and enabled then: their mail waits for the retry, and mail filed meanwhile is lost (S6), less with a sooner retry.`));
  }
  if (disabled > 0) out.push(disabledAdvice(disabled, disabledMailboxes, plan.cutover.switchAt, failed));
  const deleted = reason('deleted-before-tracking');
  if (deleted > 0) out.push(`${counted(deleted, 'message was', 'messages were')} deleted by their owners before any path tracked them: expected with any plan, smaller with a faster one.`);
  if (counts.duplicates > 0) {
    out.push(`${counted(counts.duplicates, 'duplicate activity', 'duplicate activities')}: a message reached CRM twice without the duplicate check catching it (S8, R13); keep one processor per mailbox (remove each user's forward rule in their batch) and look at the offending paths with \`mailflow run\`.`);
  }
  if (counts.lost > 0) out.push(`${counted(counts.lost, 'accepted copy was', 'accepted copies were')} lost: look at the faults the plan adds.`);
  if (out.length === 0) {
    out.push(batches.length <= 1
      ? 'Nothing was lost, untracked or tracked twice, with every mailbox enabled at the switch.'
      : `Nothing was lost, untracked or tracked twice. The cutover took ${formatDurationMs(durationMs)} over ${batches.length} batches; `
        + `a larger batch size${withHalvedInterval(plan) === null ? '' : ' or a shorter interval'} would finish sooner, as long as the email server profile keeps up (S2, S5).`);
  }
  return out;
}

/**
 * Where most of the untracked mail is: in mailboxes the router read itself (queues, users on Email Router access, R4),
 * which nobody reads from the switch (R14) until their batch, behind users on the forward mailbox, whose forwarded
 * copies the forward mailbox's record tracks from the first batch on. `unread-first` enables them before those users;
 * unless --what-if's run of it shows it saves nothing.
 */
function unreadAdvice(unread: UnreadMailboxes, untracked: number, interval: number, run: VariantRun): string {
  const n = (value: number) => value.toLocaleString('en-US');
  // Batch k is enabled (k - 1) intervals after the switch.
  const [first, last] = [unread.batches[0] ?? 1, unread.batches.at(-1) ?? 1].map((k) => formatDurationMs((k - 1) * interval));
  const when = first === last ? `enabled ${first} after the switch` : `enabled ${first} to ${last} after the switch`;
  const where = `${n(unread.filed)} of the ${counted(untracked, 'untracked message', 'untracked messages')} ${unread.filed === 1 ? 'was' : 'were'} filed out of the Inbox of `
    + `${unreadMailboxesSaid(unread)} in ${batchesSaid(unread.batches)} (${when}), which nobody reads between the switch and their batch: the router stops at the switch (R14) and server-side sync never sees what left the Inbox before it enabled them (S6).`;
  if (run === 'more' || run === 'as-many') {
    return `${where} Yet --what-if's run of \`order: unread-first\` leaves ${run === 'more' ? 'more' : 'as many'} untracked (below): enabling them sooner is no remedy here.`;
  }
  return `${where} \`order: unread-first\` enables the queues and the forward mailbox first, then the users on Email Router access, then those on the forward mailbox (whose forwarded copies the forward mailbox tracks from the first batch on): these ${n(unread.queues + unread.users)} up to ${formatDurationMs(unread.soonerMs)} sooner${run === null ? ' (--what-if runs it)' : ''}.`;
}

/**
 * Why mailboxes were disabled, from the run itself: the drawn failures are the line above; any other disabled
 * mailbox met a fault the plan adds (an Exchange outage fails a batch's Test & Enable, or disables enabled mailboxes
 * after the retries, S4), which only a new Test & Enable once it is over undoes.
 */
function disabledAdvice(messages: number, byFaults: readonly DisabledMailbox[], switchAt: number, failed: number): string {
  const head = `${counted(messages, 'message is', 'messages are')} untracked because their mailbox was disabled (S3, S4)`;
  if (byFaults.length === 0) return `${head}${failed > 0 ? ': the mail of the failed Test & Enable above.' : '.'}`;
  const after = (ms: number) => formatDurationMs(ms - switchAt);
  const list = groupDisabledMailboxes(byFaults).map((g) => `${counted(g.mailboxes, 'mailbox', 'mailboxes')} ${g.by === 'errors' ? 'after errors' : 'at Test & Enable'}`
    + ` (${g.why}, ${g.firstAtMs === g.lastAtMs ? after(g.firstAtMs) : `${after(g.firstAtMs)} to ${after(g.lastAtMs)}`} after the switch)`).join(', ');
  return `${head}. A fault the plan adds disabled ${list}${failed > 0 ? ', besides the failed Test & Enable above' : ''}: `
    + 'nothing enables them again by itself; test them again once it is over (a testAndEnable with onlyDisabled: true, docs/sss.md; --what-if tries it).';
}

/**
 * Filed mail lost in the later half of the batches exceeds the earlier half's: the wait for a batch is what loses it.
 * Not so when, say, the early batches hold the users who file most, or the forward mailbox's users come last (S14).
 */
function laterBatchesLoseMore(batches: readonly BatchFigures[]): boolean {
  const filedIn = (b: BatchFigures) => b.untrackedByReason['not-in-root-inbox'] ?? 0;
  const middle = Math.floor(batches.length / 2);
  const earlier = batches.slice(0, middle).reduce((n, b) => n + filedIn(b), 0);
  const later = batches.slice(batches.length - middle).reduce((n, b) => n + filedIn(b), 0);
  return later > earlier;
}
