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
 * Where a fact goes when it is hashed: numbers, and text (length-prefixed). A writer's codes must be self-delimiting
 * (counts before lists) so that two different facts never give the same bytes.
 */
export interface CodeOut {
  /** A small integer (an id, a count, a flag). */
  code(value: number): void;
  /** Any number, as a double. */
  number(value: number): void;
  text(value: string): void;
}

/**
 * A kind of fact the trace records by reference (the ledger's path steps): `ref` names one fact. A run records
 * millions of them, and only a sink (`--trace FILE`) needs their text: the hash takes codes instead.
 */
export interface FactWriter {
  /** The fact's detail as text, piece by piece (for sinks). */
  writeFact(ref: number, out: TextOut): void;
  /**
   * The fact for the trace hash: codes that say what the text says (ids of values whose text was hashed when first
   * seen), so equal codes mean equal text and different text gives different codes.
   */
  hashFact(ref: number, out: CodeOut): void;
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
const ASCII_LIMIT = 0x80;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Streams canonical records into SHA-256. Fixed-width numeric fields are packed into a reusable buffer that is
 * hashed a chunk at a time: one `update` per 64 KiB instead of one per event keeps hashing cheap.
 */
export class TraceHasher implements CodeOut {
  private readonly hash: Hash = createHash('sha256');
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /** The same bytes, for the fixed-width fields: DataView's setters compile to plain stores, Buffer's do not. */
  private readonly view = new DataView(this.buffer.buffer, this.buffer.byteOffset, CHUNK_BYTES);
  private offset = 0;

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

  /** A fact by reference: its writer's codes (FactWriter.hashFact). */
  fact(writer: FactWriter, ref: number): void {
    writer.hashFact(ref, this);
  }

  code(value: number): void {
    if (this.offset + 4 > CHUNK_BYTES) this.flush();
    this.view.setInt32(this.offset, value, true);
    this.offset += 4;
  }

  number(value: number): void {
    if (this.offset + 8 > CHUNK_BYTES) this.flush();
    this.view.setFloat64(this.offset, value, true);
    this.offset += 8;
  }

  /**
   * Free text (interned names, model notes, a fact's values), length-prefixed so "ab"+"c" and "a"+"bc" hash
   * differently. ASCII (nearly all of it) is copied into the chunk as it is; no Buffer is made per string.
   */
  text(value: string): void {
    const room = 4 + value.length * MAX_UTF8_PER_UNIT;
    if (room > CHUNK_BYTES) return this.longText(value);
    if (this.offset + room > CHUNK_BYTES) this.flush();
    const start = this.offset;
    const b = this.buffer;
    const n = value.length;
    let ascii = true;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= ASCII_LIMIT) {
        ascii = false;
        break;
      }
      b[start + 4 + i] = c;
    }
    const bytes = ascii ? n : b.write(value, start + 4, 'utf8');
    this.view.setInt32(start, bytes, true);
    this.offset = start + 4 + bytes;
  }

  /** The hex digest of everything recorded so far; recording may go on afterwards. */
  digest(): string {
    this.flush();
    return this.hash.copy().digest('hex');
  }

  /** Text that may not fit in a chunk: hashed on its own, after what the chunk holds. */
  private longText(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.flush();
    const length = Buffer.allocUnsafe(4);
    length.writeInt32LE(bytes.length, 0);
    this.hash.update(length);
    this.hash.update(bytes);
  }

  private flush(): void {
    if (this.offset > 0) this.hash.update(this.buffer.subarray(0, this.offset));
    this.offset = 0;
  }
}
