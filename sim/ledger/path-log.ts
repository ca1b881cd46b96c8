// Every message's path, in one shared log: a step is its kind, its time, a link to the same message's next step and
// its arguments (value ids, see values.ts), all in number columns. The human text of a step is made only when read
// (step-kinds.ts), and everything else the ledger knows about a message is replayed from its steps (replay.ts), so a
// message costs its steps' numbers and nothing more (design.md, "The ledger and the checkers").
import { Float64Column, Int32Column, Uint8Column } from './columns.js';
import type { CodeOut } from '../core/trace.js';
import { NO_VALUE, ValueTable, type StepValue } from './values.js';

/** The link of a message's last step, and the `previous` of its first. */
export const NO_STEP = -1;

export class PathLog {
  private readonly values = new ValueTable();
  private readonly kinds = new Uint8Column();
  private readonly times = new Float64Column();
  private readonly links = new Int32Column();
  private readonly argStarts = new Int32Column();
  private readonly args = new Int32Column();
  /** Values before this id have gone into the trace hash with an earlier step (hashStep). */
  private hashedValues = 0;

  /** Appends a step after `previous` (NO_STEP for a message's first); its arguments follow, in the kind's order. */
  append(kind: number, atMs: number, previous: number): number {
    const step = this.kinds.push(kind);
    this.times.push(atMs);
    this.links.push(NO_STEP);
    this.argStarts.push(this.args.length);
    if (previous !== NO_STEP) this.links.set(previous, step);
    return step;
  }

  /** A value that recurs (a mailbox, a folder, a reason code). */
  shared(value: StepValue): void {
    this.args.push(this.values.intern(value));
  }

  /** A value new almost every time (an activity id, free text with a count in it). */
  unique(value: StepValue): void {
    this.args.push(this.values.keep(value));
  }

  optionalShared(value: StepValue | null): void {
    this.args.push(value === null ? NO_VALUE : this.values.intern(value));
  }

  optionalUnique(value: StepValue | null): void {
    this.args.push(value === null ? NO_VALUE : this.values.keep(value));
  }

  flag(value: boolean): void {
    this.args.push(value ? 1 : 0);
  }

  /** A list of recurring values: its length, then each. */
  sharedList(values: readonly StepValue[]): void {
    this.args.push(values.length);
    for (const value of values) this.args.push(this.values.intern(value));
  }

  kindOf(step: number): number {
    return this.kinds.get(step);
  }

  atMsOf(step: number): number {
    return this.times.get(step);
  }

  /** The same message's next step, or NO_STEP. */
  nextOf(step: number): number {
    return this.links.get(step);
  }

  /** Reads a step's arguments in the order they were appended. */
  argsOf(step: number): StepArgs {
    return new StepArgs(this, this.argStarts.get(step));
  }

  /** @internal StepArgs reads through these. */
  rawArg(index: number): number {
    return this.args.get(index);
  }

  /** @internal */
  value(id: number): StepValue {
    return this.values.get(id);
  }

  /**
   * A step for the trace hash: its kind, its arguments as they are stored (value ids, flags, list lengths), then the
   * values that came since the previous step hashed, each with its text once. The ids, read against those values,
   * say everything the step's text says; counts first keep the codes self-delimiting.
   */
  hashStep(step: number, out: CodeOut): void {
    out.code(this.kinds.get(step));
    const start = this.argStarts.get(step);
    const end = step + 1 < this.argStarts.length ? this.argStarts.get(step + 1) : this.args.length;
    out.code(end - start);
    for (let i = start; i < end; i++) out.code(this.args.get(i));
    const size = this.values.size;
    out.code(size - this.hashedValues);
    for (let id = this.hashedValues; id < size; id++) {
      const value = this.values.get(id);
      if (typeof value === 'string') {
        out.code(0);
        out.text(value);
      } else {
        out.code(1);
        out.number(value);
      }
    }
    this.hashedValues = size;
  }
}

/** A cursor over one step's arguments; each read takes the next one. */
export class StepArgs {
  constructor(private readonly log: PathLog, private at: number) {}

  string(): string {
    return this.log.value(this.log.rawArg(this.at++)) as string;
  }

  number(): number {
    return this.log.value(this.log.rawArg(this.at++)) as number;
  }

  optionalString(): string | null {
    const id = this.log.rawArg(this.at++);
    return id === NO_VALUE ? null : this.log.value(id) as string;
  }

  optionalNumber(): number | null {
    const id = this.log.rawArg(this.at++);
    return id === NO_VALUE ? null : this.log.value(id) as number;
  }

  flag(): boolean {
    return this.log.rawArg(this.at++) === 1;
  }

  /** A list's length; its values follow, read with `string()`. */
  listLength(): number {
    return this.log.rawArg(this.at++);
  }

  strings(): string[] {
    const values: string[] = [];
    for (let n = this.listLength(); n > 0; n--) values.push(this.string());
    return values;
  }
}
