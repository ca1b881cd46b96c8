// The trace of a run: every event is folded into a SHA-256 hash as it happens (so a million-message run keeps no
// trace in memory), and optionally handed to a sink that writes it out. Same scenario and seed => same hash.
import { createHash, type Hash } from 'node:crypto';

/** Kinds of trace records, in the order their numeric codes are hashed (append only: codes are part of the hash). */
export const TRACE_KINDS = ['start', 'timer', 'message', 'fault', 'request', 'drop', 'note', 'ledger'] as const;
export type TraceKind = (typeof TRACE_KINDS)[number];

/** One trace record as a sink sees it. `actor` and `peer` are actor names; `detail` is free text from the model. */
export interface TraceRecord {
  timeMs: number;
  seq: number;
  kind: TraceKind;
  actor: string;
  tag: string;
  peer?: string;
  detail?: string;
}

export type TraceSink = (record: TraceRecord) => void;

/** Where the pieces of a fact's detail go, in order: joined into a string for a sink, streamed into the hash. */
export interface TextOut {
  write(piece: string): void;
  writeNumber(value: number): void;
}

/**
 * Writes the detail of the fact `ref` (for the ledger, a path step) piece by piece, so hashing a fact builds no
 * string: a run records millions of them and only a sink (`--trace FILE`) needs the text.
 */
export interface FactWriter {
  writeFact(ref: number, out: TextOut): void;
}

/** Joins a fact's pieces into the string `${piece}${piece}...`. */
export class StringOut implements TextOut {
  value = '';

  write(piece: string): void {
    this.value += piece;
  }

  writeNumber(value: number): void {
    this.value += String(value);
  }
}

/** A fact's detail as one string (for sinks and for the hasher's fallback). */
export function factString(writer: FactWriter, ref: number): string {
  const out = new StringOut();
  writer.writeFact(ref, out);
  return out.value;
}

const CHUNK_BYTES = 64 * 1024;
const RECORD_BYTES = 8 + 8 + 4 + 4 + 4 + 4;
/** Room a streamed fact starts with; a longer one takes the string path (`factText`). */
const FACT_ROOM_BYTES = 4 * 1024;
const ASCII_LIMIT = 0x80;

/**
 * Streams canonical records into SHA-256. Fixed-width numeric fields are packed into a reusable buffer that is
 * hashed a chunk at a time: one `update` per 64 KiB instead of one per event keeps hashing cheap.
 */
export class TraceHasher {
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /** The same bytes, for the fixed-width fields: DataView's setters compile to plain stores, Buffer's do not. */
  private readonly view = new DataView(this.buffer.buffer, this.buffer.byteOffset, CHUNK_BYTES);
  private offset = 0;
  /** Set while streaming a fact that did not fit in the chunk; the fact is then hashed from its string. */
  private overflowed = false;
  private readonly stream: TextOut = {
    write: (piece) => this.streamPiece(piece),
    writeNumber: (value) => this.streamPiece(String(value)),
  };

  /** A record of numbers only: actor and tag are interned ids whose names were hashed when first seen. */
  record(timeMs: number, seq: number, kind: number, actor: number, tag: number, peer: number): void {
    if (this.offset + RECORD_BYTES > CHUNK_BYTES) this.flush();
    const v = this.view;
    let o = this.offset;
    v.setFloat64(o, timeMs, true);
    v.setFloat64(o + 8, seq, true);
    v.setInt32(o + 16, kind, true);
    v.setInt32(o + 20, actor, true);
    v.setInt32(o + 24, tag, true);
    v.setInt32(o + 28, peer, true);
    o += RECORD_BYTES;
    this.offset = o;
  }

  /** Free text (interned names, model notes), length-prefixed so "ab"+"c" and "a"+"bc" hash differently. */
  text(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    if (this.offset + 4 + bytes.length > CHUNK_BYTES) this.flush();
    if (4 + bytes.length > CHUNK_BYTES) {
      const length = Buffer.allocUnsafe(4);
      length.writeInt32LE(bytes.length, 0);
      this.hash.update(length);
      this.hash.update(bytes);
      return;
    }
    this.buffer.writeInt32LE(bytes.length, this.offset);
    bytes.copy(this.buffer, this.offset + 4);
    this.offset += 4 + bytes.length;
  }

  /**
   * A fact's detail, hashed exactly as `text` would hash its string, but streamed: ASCII pieces are copied into the
   * chunk as they come and the length prefix is filled in afterwards, so no string or Buffer is made per fact.
   */
  factText(writer: FactWriter, ref: number): void {
    if (this.offset + FACT_ROOM_BYTES > CHUNK_BYTES) this.flush();
    const start = this.offset;
    this.offset = start + 4;
    this.overflowed = false;
    writer.writeFact(ref, this.stream);
    if (this.overflowed) {
      this.offset = start;
      this.text(factString(writer, ref));
      return;
    }
    this.buffer.writeInt32LE(this.offset - start - 4, start);
  }

  /** The hex digest of everything recorded so far; recording may go on afterwards. */
  digest(): string {
    this.flush();
    return this.hash.copy().digest('hex');
  }

  private streamPiece(piece: string): void {
    const o = this.offset;
    const n = piece.length;
    if (this.overflowed || o + n > CHUNK_BYTES) {
      this.overflowed = true;
      return;
    }
    const b = this.buffer;
    for (let i = 0; i < n; i++) {
      const c = piece.charCodeAt(i);
      if (c >= ASCII_LIMIT) {
        this.streamUtf8(piece);
        return;
      }
      b[o + i] = c;
    }
    this.offset = o + n;
  }

  /** A piece with non-ASCII characters (rare: names and folders are ASCII), encoded as `Buffer.from` would. */
  private streamUtf8(piece: string): void {
    const bytes = Buffer.byteLength(piece, 'utf8');
    if (this.offset + bytes > CHUNK_BYTES) {
      this.overflowed = true;
      return;
    }
    this.offset += this.buffer.write(piece, this.offset, 'utf8');
  }

  private flush(): void {
    if (this.offset > 0) this.hash.update(this.buffer.subarray(0, this.offset));
    this.offset = 0;
  }
}
