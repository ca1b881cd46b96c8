// Growable columns of numbers for the ledger's per-step and per-message facts. Typed arrays keep a million
// messages' facts out of the garbage collector's way (no objects to trace), and fixed-size chunks mean growing never
// copies what is already there nor needs twice the memory for a moment, as doubling one array would.

const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

type TypedArray = Float64Array | Int32Array | Uint8Array;

abstract class ChunkedColumn<A extends TypedArray> {
  private readonly chunks: A[] = [];
  private size = 0;

  protected abstract newChunk(): A;

  get length(): number {
    return this.size;
  }

  push(value: number): number {
    const index = this.size;
    if ((index & CHUNK_MASK) === 0) this.chunks.push(this.newChunk());
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
  protected newChunk(): Float64Array {
    return new Float64Array(CHUNK_SIZE);
  }
}

export class Int32Column extends ChunkedColumn<Int32Array> {
  protected newChunk(): Int32Array {
    return new Int32Array(CHUNK_SIZE);
  }
}

export class Uint8Column extends ChunkedColumn<Uint8Array> {
  protected newChunk(): Uint8Array {
    return new Uint8Array(CHUNK_SIZE);
  }
}
