// The ledger: every step of every message's life, by Message-ID. Each record also goes to the run's trace, so two
// runs that differ in any recorded fact differ in trace hash.
import type {
  ActivityRecord, Direction, MailboxKind, MessageLife, Placement, RemovalCause, SmtpStage,
} from './records.js';

/** Where ledger facts are echoed for the trace (the engine's `note`). */
export type LedgerTrace = (step: string, detail: string) => void;

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

export class Ledger {
  private readonly lives = new Map<string, MessageLife>();
  private readonly inFlight = new Map<string, string>();

  constructor(
    private readonly nowMs: () => number,
    private readonly trace: LedgerTrace = () => {},
  ) {}

  /** Every message the ledger has heard of, in first-seen order. */
  messages(): IterableIterator<MessageLife> {
    return this.lives.values();
  }

  get(messageId: string): MessageLife | undefined {
    return this.lives.get(messageId);
  }

  submitted(messageId: string, from: string, to: readonly string[]): void {
    const life = this.life(messageId);
    if (life.submittedAtMs === null) life.submittedAtMs = this.nowMs();
    this.step(life, 'submitted', `from ${from} to ${to.join(', ')}`);
  }

  /** An SMTP attempt that did not end in acceptance, with the stage and reply ('refused' when no connection). */
  smtpAttempt(messageId: string, stage: SmtpStage, reply: string): void {
    this.step(this.life(messageId), 'smtp-attempt', `${stage}: ${reply}`);
  }

  /** The organisation's transport acknowledged the message (250 after DATA) for these internal mailboxes. */
  accepted(messageId: string, mailboxes: readonly string[]): void {
    const life = this.life(messageId);
    if (life.firstAcceptedAtMs === null) life.firstAcceptedAtMs = this.nowMs();
    for (const mailbox of mailboxes) life.acceptedFor.add(mailbox);
    this.step(life, 'accepted', mailboxes.join(', '));
  }

  delivered(messageId: string, mailbox: string, mailboxKind: MailboxKind, folder: string, eligible: boolean): void {
    const life = this.life(messageId);
    life.placements.push({ mailbox, mailboxKind, folder, deliveredAtMs: this.nowMs(), eligible, removal: null });
    if (mailboxKind !== 'forward') this.countDelivery(life, mailbox);
    this.step(life, 'delivered', `${mailbox}/${folder} (${mailboxKind}${eligible ? ', eligible' : ''})`);
  }

  /** A copy that had left the store is back: a restore from before it left (X3), or Safety Net (X2). */
  reappeared(messageId: string, mailbox: string, mailboxKind: MailboxKind, folder: string, eligible: boolean, why: string): void {
    const life = this.life(messageId);
    life.placements.push({ mailbox, mailboxKind, folder, deliveredAtMs: this.nowMs(), eligible, removal: null });
    this.step(life, 'reappeared', `${mailbox}/${folder} (${why})`);
  }

  /** The sending MTA told the author the message is delayed (a delay DSN, X1: after 4 hours by default). */
  delayNotified(messageId: string, detail: string): void {
    this.step(this.life(messageId), 'delay-notification', detail);
  }

  /** The sender's own copy went to Sent Items (not a received copy: no placement). */
  sentCopy(messageId: string, mailbox: string): void {
    this.step(this.life(messageId), 'sent-copy', `${mailbox}/Sent Items`);
  }

  /**
   * The organisation's transport handed the message to the Internet for an outside recipient; `why` says why it went
   * again (a Safety Net resend), for the path. Every hand-over counts as a delivery to that recipient.
   */
  sentOut(messageId: string, recipient: string, why?: string): void {
    const life = this.life(messageId);
    this.countDelivery(life, recipient.toLowerCase());
    this.step(life, 'sent-out', why === undefined ? recipient : `${recipient} (${why})`);
  }

  /** CRM email entered a status (O1): Pending Send, Sending, Sent, Failed; `attempts` is its deliveryattempts. */
  outboundStatus(messageId: string, status: string, attempts: number): void {
    const life = this.life(messageId);
    if (life.outbound === null) life.outbound = { status, attempts };
    life.outbound.status = status;
    life.outbound.attempts = attempts;
    this.step(life, 'outbound', `${status} (attempts ${attempts})`);
  }

  /** A user opened the copy (it stays where it is). */
  read(messageId: string, mailbox: string): void {
    this.step(this.life(messageId), 'read', mailbox);
  }

  /** A user moved the copy to another folder; it is still in the mailbox. */
  moved(messageId: string, mailbox: string, folder: string): void {
    const life = this.life(messageId);
    const placement = this.present(life, mailbox);
    placement.folder = folder;
    this.step(life, 'moved', `${mailbox}/${folder}`);
  }

  removed(messageId: string, mailbox: string, cause: RemovalCause): void {
    const life = this.life(messageId);
    this.present(life, mailbox).removal = { atMs: this.nowMs(), cause };
    this.step(life, 'removed', `${mailbox}: ${cause}`);
  }

  evaluated(messageId: string, caller: string, reasonCode: number, detail: EvaluationDetail = {}): void {
    const life = this.life(messageId);
    const correlationMethod = detail.correlationMethod ?? null;
    const acceptingEntity = detail.acceptingEntity ?? null;
    const correlatedWith = detail.correlatedWith ?? null;
    life.evaluations.push({ atMs: this.nowMs(), caller, reasonCode, correlationMethod, acceptingEntity, correlatedWith });
    const extra = [
      correlationMethod === null ? '' : `, correlation ${correlationMethod}`,
      correlatedWith === null ? '' : ` with ${correlatedWith.activityId} (${correlatedWith.messageId})`,
      acceptingEntity === null ? '' : `, accepted by ${acceptingEntity}`,
    ].join('');
    this.step(life, 'evaluated', `${caller}: reason ${reasonCode}${extra}`);
  }

  activityCreated(messageId: string, activityId: string, direction: Direction, createdBy: string, where: ActivityWhere = {}): void {
    const life = this.life(messageId);
    const receivingMailbox = where.receivingMailbox ?? null;
    const acceptingEntity = where.acceptingEntity ?? null;
    const organisation = where.organisation ?? null;
    const activity: ActivityRecord = { activityId, direction, atMs: this.nowMs(), createdBy, receivingMailbox, acceptingEntity, deletedAtMs: null, organisation };
    life.activities.push(activity);
    const extra = receivingMailbox === null ? '' : ` from ${receivingMailbox}${acceptingEntity === null ? '' : ` for ${acceptingEntity}`}`;
    this.step(life, 'activity-created', `${activityId} ${direction} by ${createdBy}${extra}${organisation === null ? '' : ` in ${organisation}`}`);
  }

  /** A person deleted the activity in CRM (it may come back: a router re-reading its mailbox, R8). */
  activityDeleted(messageId: string, activityId: string): void {
    const life = this.life(messageId);
    const activity = life.activities.find((a) => a.activityId === activityId);
    if (activity === undefined) throw new Error(`ledger: ${messageId} has no activity ${activityId} to delete`);
    activity.deletedAtMs = this.nowMs();
    this.step(life, 'activity-deleted', activityId);
  }

  /** An NDR went back to the author; `recipients` names accepted internal recipients it gave up on, if any. */
  bounced(messageId: string, why: string, recipients: readonly string[] = []): void {
    const life = this.life(messageId);
    if (life.bouncedAtMs === null) life.bouncedAtMs = this.nowMs();
    for (const recipient of recipients) life.bouncedFor.add(recipient);
    this.step(life, 'bounced', why);
  }

  untracked(messageId: string, reason: string): void {
    const life = this.life(messageId);
    life.untrackedReason = reason;
    this.step(life, 'untracked', reason);
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

  private life(messageId: string): MessageLife {
    let life = this.lives.get(messageId);
    if (life === undefined) {
      life = {
        messageId, submittedAtMs: null, acceptedFor: new Set(), firstAcceptedAtMs: null, placements: [],
        activities: [], evaluations: [], bouncedAtMs: null, bouncedFor: new Set(), deliveries: new Map(), outbound: null,
        untrackedReason: null, path: [],
      };
      this.lives.set(messageId, life);
    }
    return life;
  }

  private countDelivery(life: MessageLife, recipient: string): void {
    life.deliveries.set(recipient, (life.deliveries.get(recipient) ?? 0) + 1);
  }

  private present(life: MessageLife, mailbox: string): Placement {
    const placement = life.placements.find((p) => p.mailbox === mailbox && p.removal === null);
    if (placement === undefined) {
      throw new Error(`ledger: ${life.messageId} has no copy in ${mailbox} to move or remove`);
    }
    return placement;
  }

  private step(life: MessageLife, step: string, detail: string): void {
    life.path.push({ atMs: this.nowMs(), step, detail });
    this.trace(step, `${life.messageId} ${detail}`);
  }
}
