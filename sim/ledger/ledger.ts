// The ledger: every step of every message's life, by Message-ID. Each step also goes to the run's trace, so two
// runs that differ in any recorded fact differ in trace hash. Steps are kept as numbers in one shared log
// (path-log.ts); readers get a view of a message that replays them (life.ts), so recording stays cheap and a message
// costs about its steps' numbers (issue 7: a million messages in one run).
import type { CodeOut, FactWriter, TextOut } from '../core/trace.js';
import { Int32Column } from './columns.js';
import { LedgerLife, type LifeSource } from './life.js';
import { NO_STEP, PathLog } from './path-log.js';
import type { Direction, MailboxKind, MessageLife, RemovalCause, SmtpStage } from './records.js';
import { activityOf, presentCopy, replayActivities, replayPlacements } from './replay.js';
import { STEP, STEP_KINDS, kindBit, stepKind } from './step-kinds.js';
import { BEFORE_THRESHOLD_DATE, type PlainUntrackedReason } from './untracked-reasons.js';

/**
 * Where ledger facts are echoed for the trace (the engine's `noteFact`): the step's name, and a writer that, while the
 * call lasts, writes `${messageId} ${step text}` for `ref` or gives its codes for the hash.
 */
export type LedgerTrace = (step: string, writer: FactWriter, ref: number) => void;

export interface EvaluationDetail {
  readonly correlationMethod?: number;
  readonly acceptingEntity?: string | null;
  /** The earlier email it correlated with (S10): its activity and message, so a wrong link shows in the path. */
  readonly correlatedWith?: { readonly activityId: string; readonly messageId: string } | null;
}

export interface ActivityWhere {
  readonly receivingMailbox?: string | null;
  readonly acceptingEntity?: string | null;
  readonly organisation?: string | null;
}

/**
 * A bit in a message's set of kinds past every step kind's: it has had an incoming activity (deleted or not). Readers
 * at the end of a run ask this of every message (is it tracked?); the bit answers without replaying its activities.
 */
const INCOMING_ACTIVITY_BIT = 1 << 30;
if (STEP_KINDS.length >= 30) throw new Error('ledger: step kinds reach the bits kept for the ledger\'s own facts');

export class Ledger implements LifeSource, FactWriter {
  readonly log = new PathLog();
  /** Message-ID to its index in the per-message columns, in first-seen order. */
  private readonly lives = new Map<string, number>();
  private readonly firstSteps = new Int32Column();
  private readonly lastSteps = new Int32Column();
  private readonly kinds = new Int32Column();
  private readonly inFlight = new Map<string, string>();
  /**
   * The message of the last step recorded, and its index. A third of all steps follow one of the same message
   * (accepted then delivered, checked then tracked): they skip the look-up among a million Message-IDs, a cache miss.
   */
  private lastMessageId: string | null = null;
  private lastLife = 0;
  /** The message whose step is being traced, and its index (set only for the duration of a `trace` call). */
  private tracing = '';
  private tracingLife = 0;

  constructor(
    private readonly nowMs: () => number,
    private readonly trace: LedgerTrace = () => {},
  ) {}

  /** Every message the ledger has heard of, in first-seen order; each a fresh view (life.ts). */
  *messages(): IterableIterator<MessageLife> {
    for (const [messageId, life] of this.lives) yield new LedgerLife(this, life, messageId);
  }

  get(messageId: string): MessageLife | undefined {
    const life = this.lives.get(messageId);
    return life === undefined ? undefined : new LedgerLife(this, life, messageId);
  }

  /** Has the message ever had an incoming activity (`life.activities` has one with direction incoming)? */
  hasIncomingActivity(messageId: string): boolean {
    const life = this.lives.get(messageId);
    return life !== undefined && (this.kinds.get(life) & INCOMING_ACTIVITY_BIT) !== 0;
  }

  get messageCount(): number {
    return this.lives.size;
  }

  submitted(messageId: string, from: string, to: readonly string[]): void {
    const step = this.begin(messageId, STEP.submitted);
    this.log.shared(from);
    this.log.sharedList(to);
    this.end(messageId, STEP.submitted, step);
  }

  /** An SMTP attempt that did not end in acceptance, with the stage and reply ('refused' when no connection). */
  smtpAttempt(messageId: string, stage: SmtpStage, reply: string): void {
    const step = this.begin(messageId, STEP.smtpAttempt);
    this.log.shared(stage);
    this.log.shared(reply);
    this.end(messageId, STEP.smtpAttempt, step);
  }

  /** The organisation's transport acknowledged the message (250 after DATA) for these internal mailboxes. */
  accepted(messageId: string, mailboxes: readonly string[]): void {
    const step = this.begin(messageId, STEP.accepted);
    this.log.sharedList(mailboxes);
    this.end(messageId, STEP.accepted, step);
  }

  delivered(messageId: string, mailbox: string, mailboxKind: MailboxKind, folder: string, eligible: boolean): void {
    const step = this.begin(messageId, STEP.delivered);
    this.placement(mailbox, folder, mailboxKind, eligible);
    this.end(messageId, STEP.delivered, step);
  }

  /** A copy that had left the store is back: a restore from before it left (X3), or Safety Net (X2). */
  reappeared(messageId: string, mailbox: string, mailboxKind: MailboxKind, folder: string, eligible: boolean, why: string): void {
    const step = this.begin(messageId, STEP.reappeared);
    this.placement(mailbox, folder, mailboxKind, eligible);
    this.log.shared(why);
    this.end(messageId, STEP.reappeared, step);
  }

  /** The sending MTA told the author the message is delayed (a delay DSN, X1: after 4 hours by default). */
  delayNotified(messageId: string, detail: string): void {
    const step = this.begin(messageId, STEP.delayNotification);
    this.log.unique(detail);
    this.end(messageId, STEP.delayNotification, step);
  }

  /** The sender's own copy went to Sent Items (not a received copy: no placement). */
  sentCopy(messageId: string, mailbox: string): void {
    const step = this.begin(messageId, STEP.sentCopy);
    this.log.shared(mailbox);
    this.end(messageId, STEP.sentCopy, step);
  }

  /**
   * The organisation's transport handed the message to the Internet for an outside recipient; `why` says why it went
   * again (a Safety Net resend), for the path. Every hand-over counts as a delivery to that recipient.
   */
  sentOut(messageId: string, recipient: string, why?: string): void {
    const step = this.begin(messageId, STEP.sentOut);
    this.log.shared(recipient);
    this.log.optionalShared(why ?? null);
    this.end(messageId, STEP.sentOut, step);
  }

  /** CRM email entered a status (O1): Pending Send, Sending, Sent, Failed; `attempts` is its deliveryattempts. */
  outboundStatus(messageId: string, status: string, attempts: number): void {
    const step = this.begin(messageId, STEP.outbound);
    this.log.shared(status);
    this.log.shared(attempts);
    this.end(messageId, STEP.outbound, step);
  }

  /** A user opened the copy (it stays where it is). */
  read(messageId: string, mailbox: string): void {
    const step = this.begin(messageId, STEP.read);
    this.log.shared(mailbox);
    this.end(messageId, STEP.read, step);
  }

  /** A user moved the copy to another folder; it is still in the mailbox. */
  /**
   * A copy moved to `folder`. `from`, the folder it left, says which copy when the mailbox holds two (a sender sent
   * again after losing the 250, X1); it is kept with the step but not part of its text.
   */
  moved(messageId: string, mailbox: string, folder: string, from: string | null = null): void {
    this.requireCopy(messageId, mailbox);
    const step = this.begin(messageId, STEP.moved);
    this.log.shared(mailbox);
    this.log.shared(folder);
    this.log.optionalShared(from);
    this.end(messageId, STEP.moved, step);
  }

  /**
   * A copy left the mailbox for good. `folder`: the folder it was in, when the model knows; a mailbox may hold two
   * copies (a sender sent again after losing the 250, X1), and the step then says which went (not in its text).
   */
  removed(messageId: string, mailbox: string, cause: RemovalCause, folder: string | null = null): void {
    this.requireCopy(messageId, mailbox);
    const step = this.begin(messageId, STEP.removed);
    this.log.shared(mailbox);
    this.log.shared(cause);
    this.log.optionalShared(folder);
    this.end(messageId, STEP.removed, step);
  }

  evaluated(messageId: string, caller: string, reasonCode: number, detail: EvaluationDetail = {}): void {
    const correlatedWith = detail.correlatedWith ?? null;
    const step = this.begin(messageId, STEP.evaluated);
    this.log.shared(caller);
    this.log.shared(reasonCode);
    this.log.optionalShared(detail.correlationMethod ?? null);
    this.log.optionalUnique(correlatedWith?.activityId ?? null);
    this.log.optionalUnique(correlatedWith?.messageId ?? null);
    this.log.optionalShared(detail.acceptingEntity ?? null);
    this.end(messageId, STEP.evaluated, step);
  }

  activityCreated(messageId: string, activityId: string, direction: Direction, createdBy: string, where: ActivityWhere = {}): void {
    const step = this.begin(messageId, STEP.activityCreated);
    this.log.unique(activityId);
    this.log.shared(direction);
    this.log.shared(createdBy);
    this.log.optionalShared(where.receivingMailbox ?? null);
    this.log.optionalShared(where.acceptingEntity ?? null);
    this.log.optionalShared(where.organisation ?? null);
    if (direction === 'incoming') this.addKindBits(messageId, INCOMING_ACTIVITY_BIT);
    this.end(messageId, STEP.activityCreated, step);
  }

  /** A person deleted the activity in CRM (it may come back: a router re-reading its mailbox, R8). */
  activityDeleted(messageId: string, activityId: string): void {
    activityOf(replayActivities(this.log, messageId, this.firstStepOf(messageId)), messageId, activityId);
    const step = this.begin(messageId, STEP.activityDeleted);
    this.log.unique(activityId);
    this.end(messageId, STEP.activityDeleted, step);
  }

  /** An NDR went back to the author; `recipients` names accepted internal recipients it gave up on, if any. */
  bounced(messageId: string, why: string, recipients: readonly string[] = []): void {
    const step = this.begin(messageId, STEP.bounced);
    this.log.unique(why);
    this.log.sharedList(recipients);
    this.end(messageId, STEP.bounced, step);
  }

  /**
   * A person asked to track the copy in `mailbox` (C4: the App for Outlook's mark, which sync promotes if the app could
   * not reach CRM). A message tracked by hand must reach CRM whatever the filter says (S9): until it does, it counts
   * as untracked like eligible mail.
   */
  trackRequested(messageId: string, mailbox: string): void {
    const step = this.begin(messageId, STEP.trackRequested);
    this.log.shared(mailbox);
    this.end(messageId, STEP.trackRequested, step);
  }

  /** The message came from an SMTP client outside the model, at this server's listener (`mailflow serve`). */
  fromWireClient(messageId: string, server: string): void {
    const step = this.begin(messageId, STEP.wireClient);
    this.log.shared(server);
    this.end(messageId, STEP.wireClient, step);
  }

  /**
   * A wire client sent `messageId` again as `resentAs` (a new Message-ID, the same content) after losing its 250:
   * one email to its author, two to CRM, which knows mail only by Message-ID (S8). Recorded on both messages.
   */
  resent(messageId: string, resentAs: string): void {
    const earlier = this.begin(messageId, STEP.resentAs);
    this.log.unique(resentAs);
    this.end(messageId, STEP.resentAs, earlier);
    const later = this.begin(resentAs, STEP.resendOf);
    this.log.unique(messageId);
    this.end(resentAs, STEP.resendOf, later);
  }

  /** Why an eligible message stays untracked; `before-threshold-date` is recorded with its ThresholdDate (below). */
  untracked(messageId: string, reason: PlainUntrackedReason): void {
    const step = this.begin(messageId, STEP.untracked);
    this.log.shared(reason);
    this.end(messageId, STEP.untracked, step);
  }

  /** R8: the message stays untracked because `mailbox`'s ThresholdDate (`thresholdMs`, virtual time) had passed it. */
  untrackedBeforeThreshold(messageId: string, mailbox: string, thresholdMs: number): void {
    const step = this.begin(messageId, STEP.untracked);
    this.log.shared(BEFORE_THRESHOLD_DATE);
    this.log.shared(mailbox);
    this.log.shared(thresholdMs);
    this.end(messageId, STEP.untracked, step);
  }

  /**
   * Declares the messages still in flight at the end of the run (sender queues, transport, unprocessed mailboxes),
   * as each model reports them; replaces any earlier declaration.
   */
  setInFlight(where: ReadonlyMap<string, string>): void {
    this.inFlight.clear();
    for (const [messageId, place] of where) this.inFlight.set(messageId, place);
  }

  /** Where a message is still in flight, or undefined when it has come to rest. */
  inFlightAt(messageId: string): string | undefined {
    return this.inFlight.get(messageId);
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Every message still in flight with where it is, in the order the models declared them (for `liveness`). */
  inFlightEntries(): IterableIterator<[messageId: string, place: string]> {
    return this.inFlight.entries();
  }

  // ---- LifeSource: what views read ------------------------------------------------------------------------------

  firstStep(life: number): number {
    return this.firstSteps.get(life);
  }

  lastStep(life: number): number {
    return this.lastSteps.get(life);
  }

  kindsOf(life: number): number {
    return this.kinds.get(life);
  }

  /** FactWriter: the trace's text of a step, `${messageId} ${step text}`, as the ledger has always traced it. */
  writeFact(step: number, out: TextOut): void {
    out.write(this.tracing);
    out.write(' ');
    stepKind(this.log.kindOf(step)).write(this.log.argsOf(step), out);
  }

  /**
   * FactWriter: the step for the trace hash, without its text: the message's index (with its Message-ID the first
   * time), then the step's codes (path-log.ts). Making the text of every step was about 7 % of a scale run.
   */
  hashFact(step: number, out: CodeOut): void {
    const life = this.tracingLife;
    out.code(life);
    if (this.firstSteps.get(life) === step) out.text(this.tracing);
    this.log.hashStep(step, out);
  }

  // ---- recording ------------------------------------------------------------------------------------------------

  /** Appends a step of `kind` to the message's path (a first step starts its life); its arguments follow. */
  private begin(messageId: string, kind: number): number {
    let life = messageId === this.lastMessageId ? this.lastLife : this.lives.get(messageId);
    if (life === undefined) {
      life = this.firstSteps.push(NO_STEP);
      this.lastSteps.push(NO_STEP);
      this.kinds.push(0);
      this.lives.set(messageId, life);
    }
    this.lastMessageId = messageId;
    this.lastLife = life;
    const step = this.log.append(kind, this.nowMs(), this.lastSteps.get(life));
    if (this.firstSteps.get(life) === NO_STEP) this.firstSteps.set(life, step);
    this.lastSteps.set(life, step);
    this.kinds.set(life, this.kinds.get(life) | kindBit(kind));
    return step;
  }

  private addKindBits(messageId: string, bits: number): void {
    const life = messageId === this.lastMessageId ? this.lastLife : this.lives.get(messageId) as number;
    this.kinds.set(life, this.kinds.get(life) | bits);
  }

  /** The step's arguments are in: trace it. Every step is bracketed by begin and end, with no other step between. */
  private end(messageId: string, kind: number, step: number): void {
    this.tracing = messageId;
    this.tracingLife = this.lastLife;
    try {
      this.trace(stepKind(kind).name, this, step);
    } finally {
      this.tracing = '';
    }
  }

  private placement(mailbox: string, folder: string, mailboxKind: MailboxKind, eligible: boolean): void {
    this.log.shared(mailbox);
    this.log.shared(folder);
    this.log.shared(mailboxKind);
    this.log.flag(eligible);
  }

  private firstStepOf(messageId: string): number {
    const life = this.lives.get(messageId);
    return life === undefined ? NO_STEP : this.firstSteps.get(life);
  }

  /** A move or removal names a copy that is there (replaying the message's copies: these are rare steps). */
  private requireCopy(messageId: string, mailbox: string): void {
    presentCopy(replayPlacements(this.log, messageId, this.firstStepOf(messageId)), messageId, mailbox);
  }
}
