// The baseline the engine is measured against: the barest (time, seq) binary heap loop, with no actors, no trace,
// no dispatch. Same columnar layout as the engine's queue so the ratio shows what the engine adds, not data layout.

export class BareHeap {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private size = 0;
  private nextSeq = 0;

  get length(): number {
    return this.size;
  }

  push(time: number): void {
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2);
      const seqs = new Float64Array(this.size * 2);
      times.set(this.times);
      seqs.set(this.seqs);
      this.times = times;
      this.seqs = seqs;
    }
    const seq = this.nextSeq++;
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = this.times[parent] as number;
      if (pt < time || (pt === time && (this.seqs[parent] as number) < seq)) break;
      this.times[hole] = pt;
      this.seqs[hole] = this.seqs[parent] as number;
      hole = parent;
    }
    this.times[hole] = time;
    this.seqs[hole] = seq;
  }

  /** Removes the earliest entry and returns its time (the heap must not be empty). */
  pop(): number {
    const top = this.times[0] as number;
    const last = --this.size;
    const t = this.times[last] as number;
    const s = this.seqs[last] as number;
    let hole = 0;
    const half = last >> 1;
    while (hole < half) {
      let child = 2 * hole + 1;
      const right = child + 1;
      if (right < last) {
        const ct = this.times[child] as number;
        const rt = this.times[right] as number;
        if (rt < ct || (rt === ct && (this.seqs[right] as number) < (this.seqs[child] as number))) child = right;
      }
      const ct = this.times[child] as number;
      if (t < ct || (t === ct && s < (this.seqs[child] as number))) break;
      this.times[hole] = ct;
      this.seqs[hole] = this.seqs[child] as number;
      hole = child;
    }
    this.times[hole] = t;
    this.seqs[hole] = s;
    return top;
  }
}
