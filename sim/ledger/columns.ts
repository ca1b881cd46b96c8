// Growable columns of numbers for the ledger's per-step and per-message facts. Typed arrays keep a million
// messages' facts out of the garbage collector's way (no objects to trace), and fixed-size chunks mean growing never
// copies what is already there nor needs twice the memory for a moment, as doubling one array would. The first chunk
// starts small and doubles up to the chunk size: a fuzz campaign builds thousands of small ledgers, and zero-filling
// a full chunk per column for each of them cost more than its whole run.

const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

/** Entries of a column's first chunk when it is created; it doubles until it holds CHUNK_SIZE. */
const FIRST_CHUNK_SIZE = 256;

type TypedArray = Float64Array | Int32Array | Uint8Array;

abstract class ChunkedColumn<A extends TypedArray> {
  private readonly chunks: A[] = [];
  private size = 0;

  protected abstract newChunk(length: number): A;

  get length(): number {
    return this.size;
  }

  push(value: number): number {
    const index = this.size;
    if ((index & CHUNK_MASK) === 0) {
      this.chunks.push(this.newChunk(index === 0 ? FIRST_CHUNK_SIZE : CHUNK_SIZE));
    } else if (index < CHUNK_SIZE && index === (this.chunks[0] as A).length) {
      const grown = this.newChunk(Math.min(CHUNK_SIZE, index * 2));
      grown.set(this.chunks[0] as A);
      this.chunks[0] = grown;
    }
    (this.chunks[index >>> CHUNK_BITS] as A)[index & CHUNK_MASK] = value;
    this.size = index + 1;
    return index;
  }

  get(index: number): number {
    return (this.chunks[index >>> CHUNK_BITS] as A)[index & CHUNK_MASK] as number;
  }

  set(index: number, value: number): void {
    (this.chunks[index >>> CHUNK_BITS] as A)[index & CHUNK_MASK] = value;
  }
}

export class Float64Column extends ChunkedColumn<Float64Array> {
  protected newChunk(length: number): Float64Array {
    return new Float64Array(length);
  }
}

export class Int32Column extends ChunkedColumn<Int32Array> {
  protected newChunk(length: number): Int32Array {
    return new Int32Array(length);
  }
}

export class Uint8Column extends ChunkedColumn<Uint8Array> {
  protected newChunk(length: number): Uint8Array {
    return new Uint8Array(length);
  }
}
