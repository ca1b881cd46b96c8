// A message's life as readers see it: a view over its steps in the path log. Times are read off the steps; copies,
// activities and the rest are replayed from them (replay.ts) when first read through the view, and again only if the
// message has had another step since. The ledger makes a new view on each read and keeps none, so a pass over a
// million lives leaves nothing behind: hold a view while reading one message, not beyond.
import { StringOut } from '../core/trace.js';
import { NO_STEP, type PathLog } from './path-log.js';
import type { ActivityRecord, Evaluation, MessageLife, OutboundRecord, PassedThreshold, PathStep, Placement } from './records.js';
import {
  replayActivities, replayDeliveries, replayEvaluations, replayFirstStrings, replayListed, replayOutbound, replayPassedThreshold,
  replayPlacements,
  replayTrackedByHandIn, replayUntrackedReason,
} from './replay.js';
import { STEP, kindBit, stepKind } from './step-kinds.js';
import type { UntrackedReason } from './untracked-reasons.js';

/** Where each message's steps are (the ledger). */
export interface LifeSource {
  readonly log: PathLog;
  firstStep(life: number): number;
  lastStep(life: number): number;
  /**
   * The message's step kinds as a set of `kindBit`s: a kind it never had needs no replay to read. The ledger may set
   * bits above every step kind's for facts of its own (ledger.ts, INCOMING_ACTIVITY_BIT).
   */
  kindsOf(life: number): number;
}

const NONE: readonly never[] = Object.freeze([]);
const PLACED = kindBit(STEP.delivered) | kindBit(STEP.reappeared);

/** The parts a view has replayed so far; all are dropped when the message gets another step. */
interface Replayed {
  placements?: readonly Placement[];
  activities?: readonly ActivityRecord[];
  evaluations?: readonly Evaluation[];
  acceptedMailboxes?: readonly string[];
  bouncedMailboxes?: readonly string[];
  deliveries?: ReadonlyMap<string, number>;
}

export class LedgerLife implements MessageLife {
  private replayed: Replayed = {};
  private replayedUpTo = NO_STEP;

  constructor(private readonly source: LifeSource, private readonly life: number, readonly messageId: string) {}

  get submittedAtMs(): number | null {
    return this.firstAtMs(STEP.submitted);
  }

  get firstAcceptedAtMs(): number | null {
    return this.firstAtMs(STEP.accepted);
  }

  get bouncedAtMs(): number | null {
    return this.firstAtMs(STEP.bounced);
  }

  get placements(): readonly Placement[] {
    if (!this.has(PLACED)) return NONE;
    const r = this.current();
    return (r.placements ??= replayPlacements(this.source.log, this.messageId, this.first()));
  }

  get activities(): readonly ActivityRecord[] {
    if (!this.has(kindBit(STEP.activityCreated))) return NONE;
    const r = this.current();
    return (r.activities ??= replayActivities(this.source.log, this.messageId, this.first()));
  }

  get evaluations(): readonly Evaluation[] {
    if (!this.has(kindBit(STEP.evaluated))) return NONE;
    const r = this.current();
    return (r.evaluations ??= replayEvaluations(this.source.log, this.first()));
  }

  get acceptedMailboxes(): readonly string[] {
    if (!this.has(kindBit(STEP.accepted))) return NONE;
    const r = this.current();
    return (r.acceptedMailboxes ??= replayListed(this.source.log, this.first(), STEP.accepted, 0));
  }

  get bouncedMailboxes(): readonly string[] {
    if (!this.has(kindBit(STEP.bounced))) return NONE;
    const r = this.current();
    return (r.bouncedMailboxes ??= replayListed(this.source.log, this.first(), STEP.bounced, 1));
  }

  get deliveries(): ReadonlyMap<string, number> {
    const r = this.current();
    return (r.deliveries ??= replayDeliveries(this.source.log, this.first()));
  }

  get outbound(): OutboundRecord | null {
    return this.has(kindBit(STEP.outbound)) ? replayOutbound(this.source.log, this.first()) : null;
  }

  get trackRequested(): boolean {
    return this.has(kindBit(STEP.trackRequested));
  }

  get trackedByHandIn(): string[] {
    return this.trackRequested ? replayTrackedByHandIn(this.source.log, this.first()) : [];
  }

  get untrackedReason(): UntrackedReason | null {
    // Written only by ledger.untracked, which takes an UntrackedReason.
    return this.has(kindBit(STEP.untracked)) ? replayUntrackedReason(this.source.log, this.first()) as UntrackedReason : null;
  }

  get passedThreshold(): PassedThreshold | null {
    return this.has(kindBit(STEP.untracked)) ? replayPassedThreshold(this.source.log, this.first()) : null;
  }

  get fromWireClient(): boolean {
    return this.has(kindBit(STEP.wireClient));
  }

  get resendOf(): string | null {
    if (!this.has(kindBit(STEP.resendOf))) return null;
    return replayFirstStrings(this.source.log, this.first(), STEP.resendOf)[0] ?? null;
  }

  get resentAs(): readonly string[] {
    return this.has(kindBit(STEP.resentAs)) ? replayFirstStrings(this.source.log, this.first(), STEP.resentAs) : NONE;
  }

  get path(): PathStep[] {
    const log = this.source.log;
    const path: PathStep[] = [];
    for (let step = this.first(); step !== NO_STEP; step = log.nextOf(step)) {
      const kind = stepKind(log.kindOf(step));
      const out = new StringOut();
      kind.write(log.argsOf(step), out);
      path.push({ atMs: log.atMsOf(step), step: kind.name, detail: out.value });
    }
    return path;
  }

  private first(): number {
    return this.source.firstStep(this.life);
  }

  private has(bits: number): boolean {
    return (this.source.kindsOf(this.life) & bits) !== 0;
  }

  private firstAtMs(kind: number): number | null {
    if (!this.has(kindBit(kind))) return null;
    const log = this.source.log;
    for (let step = this.first(); step !== NO_STEP; step = log.nextOf(step)) {
      if (log.kindOf(step) === kind) return log.atMsOf(step);
    }
    return null;
  }

  /** The parts replayed so far, or none if the message has had another step since. */
  private current(): Replayed {
    const last = this.source.lastStep(this.life);
    if (last !== this.replayedUpTo) {
      this.replayed = {};
      this.replayedUpTo = last;
    }
    return this.replayed;
  }
}
