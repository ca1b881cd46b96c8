// The engine's pending events: a binary min-heap ordered by (timeMs, seq). seq is a global insertion counter, so
// no two events compare equal and simultaneous events always run in the order they were scheduled.
// Columns live in typed arrays so ten million scheduled events cost tens of bytes each, not an object apiece.

/** What the engine stores with each event besides its key; `ref` is only set for events that carry data. */
export interface QueuedEvent {
  timeMs: number;
  seq: number;
  actor: number;
  code: number;
  generation: number;
  ref: unknown;
}

const INITIAL_CAPACITY = 1024;

export class EventQueue {
  private times = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private actors = new Int32Array(INITIAL_CAPACITY);
  private codes = new Int32Array(INITIAL_CAPACITY);
  private generations = new Int32Array(INITIAL_CAPACITY);
  private refs: unknown[] = [];
  private count = 0;
  private nextSeq = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTimeMs(): number {
    return this.count === 0 ? Infinity : (this.times[0] as number);
  }

  /** Adds an event and returns its seq, which doubles as a handle (timer ids are seqs). */
  push(timeMs: number, actor: number, code: number, generation: number, ref: unknown): number {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    this.siftUp(this.count++, timeMs, seq, actor, code, generation, ref);
    return seq;
  }

  /** Removes the earliest event and copies it into `out` (reused by the caller to avoid an allocation per event). */
  pop(out: QueuedEvent): boolean {
    if (this.count === 0) return false;
    out.timeMs = this.times[0] as number;
    out.seq = this.seqs[0] as number;
    out.actor = this.actors[0] as number;
    out.code = this.codes[0] as number;
    out.generation = this.generations[0] as number;
    out.ref = this.refs[0];
    const last = --this.count;
    if (last > 0) {
      this.siftDown(0, this.times[last] as number, this.seqs[last] as number, this.actors[last] as number,
        this.codes[last] as number, this.generations[last] as number, this.refs[last]);
    }
    this.refs[last] = undefined;
    return true;
  }

  // Hole-moving sifts: the moving event is held in locals and written once, parents/children shift into the hole.
  private siftUp(hole: number, t: number, s: number, a: number, c: number, g: number, r: unknown): void {
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = this.times[parent] as number;
      if (pt < t || (pt === t && (this.seqs[parent] as number) < s)) break;
      this.move(parent, hole);
      hole = parent;
    }
    this.write(hole, t, s, a, c, g, r);
  }

  private siftDown(hole: number, t: number, s: number, a: number, c: number, g: number, r: unknown): void {
    const n = this.count;
    const half = n >> 1;
    while (hole < half) {
      let child = 2 * hole + 1;
      const right = child + 1;
      if (right < n && this.less(right, child)) child = right;
      const ct = this.times[child] as number;
      if (t < ct || (t === ct && s < (this.seqs[child] as number))) break;
      this.move(child, hole);
      hole = child;
    }
    this.write(hole, t, s, a, c, g, r);
  }

  private less(i: number, j: number): boolean {
    const ti = this.times[i] as number;
    const tj = this.times[j] as number;
    return ti < tj || (ti === tj && (this.seqs[i] as number) < (this.seqs[j] as number));
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.actors[to] = this.actors[from] as number;
    this.codes[to] = this.codes[from] as number;
    this.generations[to] = this.generations[from] as number;
    this.refs[to] = this.refs[from];
  }

  private write(i: number, t: number, s: number, a: number, c: number, g: number, r: unknown): void {
    this.times[i] = t;
    this.seqs[i] = s;
    this.actors[i] = a;
    this.codes[i] = c;
    this.generations[i] = g;
    this.refs[i] = r;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = copyInto(new Float64Array(capacity), this.times);
    this.seqs = copyInto(new Float64Array(capacity), this.seqs);
    this.actors = copyInto(new Int32Array(capacity), this.actors);
    this.codes = copyInto(new Int32Array(capacity), this.codes);
    this.generations = copyInto(new Int32Array(capacity), this.generations);
  }
}

function copyInto<T extends Float64Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
