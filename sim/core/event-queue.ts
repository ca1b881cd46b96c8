// The engine's pending events: a binary min-heap ordered by (timeMs, seq). seq is a global insertion counter, so
// no two events compare equal and simultaneous events always run in the order they were scheduled.
// Columns live in typed arrays so ten million scheduled events cost tens of bytes each, not an object apiece, and
// actor and code share one column so a sift step moves four values, not five.

/** What the engine stores with each event besides its key; `ref` is only set for events that carry data. */
export interface QueuedEvent {
  timeMs: number;
  seq: number;
  actor: number;
  code: number;
  ref: unknown;
}

/** Actors per world the packing allows (2^21); codes may use 31 bits. Both stay within a double's 53-bit mantissa. */
export const MAX_ACTORS = 0x20_0000;
const MAX_CODE = 0x7fff_ffff;
const INITIAL_CAPACITY = 1024;

export class EventQueue {
  private times = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  /** code * MAX_ACTORS + actor; actor is -1..MAX_ACTORS-2, stored shifted by one. */
  private packed = new Float64Array(INITIAL_CAPACITY);
  private refs: unknown[] = [];
  private count = 0;
  private nextSeq = 0;

  get size(): number {
    return this.count;
  }

  /** The seq the next push will get: every event already queued has a smaller one. */
  get seqMark(): number {
    return this.nextSeq;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTimeMs(): number {
    return this.count === 0 ? Infinity : (this.times[0] as number);
  }

  /** Adds an event and returns its seq, which doubles as a handle (timer ids are seqs). `actor` may be -1 (none). */
  push(timeMs: number, actor: number, code: number, ref: unknown): number {
    if (actor < -1 || actor >= MAX_ACTORS - 1 || code < 0 || code > MAX_CODE) {
      throw new RangeError(`event queue: actor ${actor} or code ${code} out of range`);
    }
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    this.siftUp(this.count++, timeMs, seq, code * MAX_ACTORS + actor + 1, ref);
    return seq;
  }

  /** Removes the earliest event and copies it into `out` (reused by the caller to avoid an allocation per event). */
  pop(out: QueuedEvent): boolean {
    if (this.count === 0) return false;
    const packed = this.packed[0] as number;
    const code = Math.floor(packed / MAX_ACTORS); // exact: MAX_ACTORS is a power of two
    out.timeMs = this.times[0] as number;
    out.seq = this.seqs[0] as number;
    out.actor = packed - code * MAX_ACTORS - 1;
    out.code = code;
    out.ref = this.refs[0];
    const last = --this.count;
    if (last > 0) {
      this.siftDown(this.times[last] as number, this.seqs[last] as number, this.packed[last] as number, this.refs[last]);
    }
    this.refs[last] = undefined;
    return true;
  }

  // Hole-moving sifts: the moving event is held in locals and written once; parents or children shift into the hole.
  private siftUp(hole: number, t: number, s: number, p: number, r: unknown): void {
    const times = this.times;
    const seqs = this.seqs;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < t || (pt === t && (seqs[parent] as number) < s)) break;
      this.move(parent, hole);
      hole = parent;
    }
    this.write(hole, t, s, p, r);
  }

  private siftDown(t: number, s: number, p: number, r: unknown): void {
    const times = this.times;
    const seqs = this.seqs;
    const n = this.count;
    const half = n >> 1;
    let hole = 0;
    while (hole < half) {
      let child = 2 * hole + 1;
      let ct = times[child] as number;
      const right = child + 1;
      if (right < n) {
        const rt = times[right] as number;
        if (rt < ct || (rt === ct && (seqs[right] as number) < (seqs[child] as number))) {
          child = right;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < (seqs[child] as number))) break;
      this.move(child, hole);
      hole = child;
    }
    this.write(hole, t, s, p, r);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.packed[to] = this.packed[from] as number;
    this.refs[to] = this.refs[from];
  }

  private write(i: number, t: number, s: number, p: number, r: unknown): void {
    this.times[i] = t;
    this.seqs[i] = s;
    this.packed[i] = p;
    this.refs[i] = r;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = grown(this.times, capacity);
    this.seqs = grown(this.seqs, capacity);
    this.packed = grown(this.packed, capacity);
  }
}

function grown(source: Float64Array<ArrayBuffer>, capacity: number): Float64Array<ArrayBuffer> {
  const target = new Float64Array(capacity);
  target.set(source);
  return target;
}
