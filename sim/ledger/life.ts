// A message's life as readers see it: a view over its steps in the path log. Times are read off the steps; copies,
// activities and the rest are replayed from them once per view (replay.ts), and again only if the message has moved
// on since. A view holds nothing but its message's position, so a pass over a million lives keeps none of them.
import { StringOut } from '../core/trace.js';
import { NO_STEP, type PathLog } from './path-log.js';
import type { ActivityRecord, Evaluation, MessageLife, OutboundRecord, PathStep, Placement } from './records.js';
import { replayLife, type LifeRecords } from './replay.js';
import { STEP, kindBit, stepKind } from './step-kinds.js';

/** Where each message's steps are (the ledger). */
export interface LifeSource {
  readonly log: PathLog;
  firstStep(life: number): number;
  lastStep(life: number): number;
  /** The message's step kinds as a set of `kindBit`s: a kind it never had needs no replay to read. */
  kindsOf(life: number): number;
}

const NONE: readonly never[] = Object.freeze([]);
const PLACED = kindBit(STEP.delivered) | kindBit(STEP.reappeared);

export class LedgerLife implements MessageLife {
  private records: LifeRecords | null = null;
  private recordsUpTo = NO_STEP;

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
    return this.has(PLACED) ? this.replayed().placements : NONE;
  }

  get activities(): readonly ActivityRecord[] {
    return this.has(kindBit(STEP.activityCreated)) ? this.replayed().activities : NONE;
  }

  get evaluations(): readonly Evaluation[] {
    return this.has(kindBit(STEP.evaluated)) ? this.replayed().evaluations : NONE;
  }

  get acceptedFor(): ReadonlySet<string> {
    return this.replayed().acceptedFor;
  }

  get bouncedFor(): ReadonlySet<string> {
    return this.replayed().bouncedFor;
  }

  get deliveries(): ReadonlyMap<string, number> {
    return this.replayed().deliveries;
  }

  get outbound(): OutboundRecord | null {
    return this.has(kindBit(STEP.outbound)) ? this.replayed().outbound : null;
  }

  get untrackedReason(): string | null {
    return this.has(kindBit(STEP.untracked)) ? this.replayed().untrackedReason : null;
  }

  /** Mailboxes the transport accepted the message for, without replaying the rest (first acceptance first). */
  acceptedMailboxes(): string[] {
    return this.listsOf(STEP.accepted);
  }

  get path(): PathStep[] {
    const log = this.source.log;
    const path: PathStep[] = [];
    for (let step = this.source.firstStep(this.life); step !== NO_STEP; step = log.nextOf(step)) {
      const kind = stepKind(log.kindOf(step));
      const out = new StringOut();
      kind.write(log.argsOf(step), out);
      path.push({ atMs: log.atMsOf(step), step: kind.name, detail: out.value });
    }
    return path;
  }

  private has(bits: number): boolean {
    return (this.source.kindsOf(this.life) & bits) !== 0;
  }

  private firstAtMs(kind: number): number | null {
    if (!this.has(kindBit(kind))) return null;
    const log = this.source.log;
    for (let step = this.source.firstStep(this.life); step !== NO_STEP; step = log.nextOf(step)) {
      if (log.kindOf(step) === kind) return log.atMsOf(step);
    }
    return null;
  }

  private listsOf(kind: number): string[] {
    const values: string[] = [];
    if (!this.has(kindBit(kind))) return values;
    const log = this.source.log;
    for (let step = this.source.firstStep(this.life); step !== NO_STEP; step = log.nextOf(step)) {
      if (log.kindOf(step) !== kind) continue;
      for (const value of log.argsOf(step).strings()) if (!values.includes(value)) values.push(value);
    }
    return values;
  }

  private replayed(): LifeRecords {
    const last = this.source.lastStep(this.life);
    if (this.records === null || this.recordsUpTo !== last) {
      this.records = replayLife(this.source.log, this.messageId, this.source.firstStep(this.life));
      this.recordsUpTo = last;
    }
    return this.records;
  }
}
